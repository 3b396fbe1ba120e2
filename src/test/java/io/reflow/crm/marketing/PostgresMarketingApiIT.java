package io.reflow.crm.marketing;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The marketing checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresMarketingApiIT extends MarketingApiChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_marketing");
	}

}
