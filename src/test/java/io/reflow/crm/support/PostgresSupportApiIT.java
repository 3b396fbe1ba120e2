package io.reflow.crm.support;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The support checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresSupportApiIT extends SupportApiChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_support");
	}

}
