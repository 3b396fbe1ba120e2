package io.reflow.crm.platform.backtest;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The backtester on the application's process engine. */
@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

	@Bean
	DecisionBacktester decisionBacktester(ProcessEngine processEngine, BacktestProperties properties, Clock clock) {
		return new DecisionBacktester(processEngine, properties, clock);
	}

}
