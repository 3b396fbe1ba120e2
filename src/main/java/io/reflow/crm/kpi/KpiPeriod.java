package io.reflow.crm.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.reflow.crm.platform.web.InvalidFieldException;

/**
 * A KPI period: whole days {@code from}..{@code to} (both inclusive) in the zone
 * {@code reflow.kpi.zone}; by default the last 30 days ending today, at most
 * {@value #MAX_DAYS} days.
 */
public record KpiPeriod(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 366;

	public static final int DEFAULT_DAYS = 30;

	/**
	 * The period of the request parameters (either may be missing); 400 problem details
	 * (via {@link InvalidFieldException}) if {@code from} is after {@code to} or the
	 * period is longer than {@value #MAX_DAYS} days.
	 */
	public static KpiPeriod of(LocalDate from, LocalDate to, LocalDate today) {
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusDays(DEFAULT_DAYS - 1);
		if (start.isAfter(end)) {
			throw new InvalidFieldException("from", "must not be after 'to' (" + end + ")");
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw new InvalidFieldException("to", "the period may span at most " + MAX_DAYS + " days");
		}
		return new KpiPeriod(start, end);
	}

	/** The number of days, both ends included. */
	public int days() {
		return (int) ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

}
