package io.reflow.crm.platform.backtest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of decision backtesting ({@code reflow.backtest}). The period's days
 * are bounded in the zone of {@code reflow.kpi.zone}, like every other period of the
 * application.
 *
 * @param defaultDays the period when the request names no {@code from}: this many days
 * ending with {@code to} (default today)
 * @param pageSize how many historic evaluations are read and replayed at a time; memory
 * stays bounded by a page, whatever the period holds
 * @param maxEvaluations the most evaluations one backtest replays; a period holding more
 * is refused with a 400 that asks for a shorter period
 * @param defaultExamples how many changed evaluations are shown when the request names no
 * {@code examples}
 * @param maxExamples the largest {@code examples} a request may ask for
 */
@ConfigurationProperties("reflow.backtest")
public record BacktestProperties(@DefaultValue("90") int defaultDays, @DefaultValue("500") int pageSize,
		@DefaultValue("100000") int maxEvaluations, @DefaultValue("20") int defaultExamples,
		@DefaultValue("200") int maxExamples) {

	/** The defaults, for tests and tools that run without Spring. */
	public static BacktestProperties defaults() {
		return new BacktestProperties(90, 500, 100_000, 20, 200);
	}

}
