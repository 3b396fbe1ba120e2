package io.reflow.crm.platform;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresPlatformIT extends PlatformChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_platform");
	}

}
