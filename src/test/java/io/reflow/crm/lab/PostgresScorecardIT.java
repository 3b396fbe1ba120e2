package io.reflow.crm.lab;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The version scorecard checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresScorecardIT extends ScorecardChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_lab");
	}

}
