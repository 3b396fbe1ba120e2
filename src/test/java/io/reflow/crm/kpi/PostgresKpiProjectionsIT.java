package io.reflow.crm.kpi;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The process KPI checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresKpiProjectionsIT extends KpiProjectionsChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_kpi");
	}

}
