package io.reflow.crm.platform.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One backtest: replay the evaluations of decision {@code key} made on the days
 * {@code from}..{@code to} (inclusive, in {@code zone}) through the draft file.
 *
 * @param key the decision's key (its id in the DMN file)
 * @param draft the draft DMN file's bytes
 * @param draftFile the draft's file name, for the report
 * @param from the first day
 * @param to the last day
 * @param zone the zone whose midnights bound the days
 * @param outputs the outputs to compare; empty for every output of the deployed decision
 * @param examples how many changed evaluations to show
 */
record BacktestRequest(String key, byte[] draft, String draftFile, LocalDate from, LocalDate to, ZoneId zone,
		List<String> outputs, int examples) {

	Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

}
