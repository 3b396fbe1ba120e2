package io.reflow.crm.platform.backtest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.reflow.crm.platform.web.InvalidFieldException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The evaluation period of a backtest: whole days in the zone of {@code reflow.kpi.zone}
 * (the zone of every period in the application, Asia/Shanghai by default); a missing
 * {@code to} is today there, a missing {@code from} makes {@code defaultDays} days ending
 * with {@code to}.
 */
@Component
class BacktestPeriods {

	private final ZoneId zone;

	private final Clock clock;

	private final BacktestProperties properties;

	BacktestPeriods(@Value("${reflow.kpi.zone:Asia/Shanghai}") ZoneId zone, Clock clock,
			BacktestProperties properties) {
		this.zone = zone;
		this.clock = clock;
		this.properties = properties;
	}

	ZoneId zone() {
		return this.zone;
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/** The default period's first day for a period ending with {@code to}. */
	LocalDate defaultFrom(LocalDate to) {
		return to.minusDays(this.properties.defaultDays() - 1L);
	}

	/**
	 * The period asked for, with the defaults filled in.
	 * @throws InvalidFieldException if {@code from} is after {@code to}
	 */
	Days resolve(LocalDate from, LocalDate to) {
		InvalidFieldException.requireCalendarDay("from", from);
		InvalidFieldException.requireCalendarDay("to", to);
		LocalDate end = (to != null) ? to : today();
		LocalDate start = (from != null) ? from : defaultFrom(end);
		if (start.isAfter(end)) {
			throw new InvalidFieldException("from", "must not be after to (" + end + ")");
		}
		return new Days(start, end);
	}

	/** Days {@code from}..{@code to}, both included. */
	record Days(LocalDate from, LocalDate to) {
	}

}
