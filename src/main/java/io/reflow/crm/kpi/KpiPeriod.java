package io.reflow.crm.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.reflow.crm.platform.web.InvalidFieldException;

/**
 * The period a KPI covers: whole days {@code from}..{@code to} (both inclusive) in the
 * zone {@code reflow.kpi.zone} (the same zone that bounds the projections' days), that is
 * the instants {@code [start(), end())}. Missing ends default to the last 30 days ending
 * today; {@code from} after {@code to} or more than 366 days is refused with a 400 naming
 * the field.
 */
public record KpiPeriod(LocalDate from, LocalDate to, ZoneId zone) {

	/** The zone of {@code reflow.kpi.zone} when it is not set. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final int DEFAULT_DAYS = 30;

	public static final int MAX_DAYS = 366;

	public KpiPeriod {
		if (from == null || to == null) {
			throw new InvalidFieldException((from == null) ? "from" : "to", "must be a date (yyyy-MM-dd)");
		}
		InvalidFieldException.requireCalendarDay("from", from);
		InvalidFieldException.requireCalendarDay("to", to);
		if (from.isAfter(to)) {
			throw new InvalidFieldException("from", "must not be after to (" + to + ")");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new InvalidFieldException("to", "the period may span at most " + MAX_DAYS + " days");
		}
		zone = (zone != null) ? zone : ZONE;
	}

	/** Days in the default zone. */
	public KpiPeriod(LocalDate from, LocalDate to) {
		this(from, to, ZONE);
	}

	/**
	 * The period asked for, in {@code zone}: a missing {@code to} is today there, a
	 * missing {@code from} is 29 days before {@code to} (30 days in all).
	 */
	public static KpiPeriod of(LocalDate from, LocalDate to, Clock clock, ZoneId zone) {
		InvalidFieldException.requireCalendarDay("from", from);
		InvalidFieldException.requireCalendarDay("to", to);
		LocalDate end = (to != null) ? to : LocalDate.ofInstant(clock.instant(), zone);
		return new KpiPeriod((from != null) ? from : end.minusDays(DEFAULT_DAYS - 1L), end, zone);
	}

	/** {@link #of(LocalDate, LocalDate, Clock, ZoneId)} in the default zone. */
	public static KpiPeriod of(LocalDate from, LocalDate to, Clock clock) {
		return of(from, to, clock, ZONE);
	}

	/** The first instant of {@code from}. */
	public Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant after {@code to} (exclusive end). */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/** The number of days, both ends included. */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

}
