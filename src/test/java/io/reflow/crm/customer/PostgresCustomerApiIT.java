package io.reflow.crm.customer;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The customer API checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresCustomerApiIT extends CustomerApiChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_customer");
	}

}
