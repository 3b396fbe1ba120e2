package io.reflow.crm.sales;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sales checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresSalesApiIT extends SalesApiChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_sales");
	}

}
