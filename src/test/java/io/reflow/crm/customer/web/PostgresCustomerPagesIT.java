package io.reflow.crm.customer.web;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The customer page checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresCustomerPagesIT extends CustomerPagesChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_customer_pages");
	}

}
