package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The open pipeline by expected-close month and owner group: amount, and amount weighted
 * by the stage's win probability. {@code overdue} holds open opportunities whose expected
 * close date has passed; {@code later} those beyond the horizon.
 */
public record Forecast(YearMonth from, YearMonth to, List<Month> months, Bucket overdue, Bucket later,
		List<Bucket> byGroup, Bucket total) {

	/** One expected-close month with its split by group. */
	public record Month(YearMonth month, BigDecimal pipeline, BigDecimal weighted, long opportunities,
			List<Bucket> byGroup) {
	}

	/** A pipeline total; {@code group} is null for totals over all groups. */
	public record Bucket(String group, BigDecimal pipeline, BigDecimal weighted, long opportunities) {
	}

}
