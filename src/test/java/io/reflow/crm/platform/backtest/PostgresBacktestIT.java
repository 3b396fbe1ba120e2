package io.reflow.crm.platform.backtest;

import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The backtest checks on a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresBacktestIT extends BacktestChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_backtest");
	}

}
