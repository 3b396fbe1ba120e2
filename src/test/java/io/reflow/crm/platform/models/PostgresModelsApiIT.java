package io.reflow.crm.platform.models;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catalogue and migration checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresModelsApiIT extends ModelsApiChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_models");
	}

}
