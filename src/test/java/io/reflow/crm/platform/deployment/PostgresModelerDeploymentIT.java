package io.reflow.crm.platform.deployment;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Camunda Modeler deployment checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresModelerDeploymentIT extends ModelerDeploymentChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_modeler");
	}

}
