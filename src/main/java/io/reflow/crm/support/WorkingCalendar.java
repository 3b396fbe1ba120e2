package io.reflow.crm.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * The support desk's business calendar: turns an SLA duration into a due date, and
 * measures the working time a case took. The support processes receive the due dates it
 * computes as {@code Date} variables for their timers and user-task due dates; see
 * {@code docs/business-calendar.md}.
 * <p>
 * Working time is, on each working day, the interval [{@code dayStart}, {@code dayEnd})
 * in the configured zone. A working day is an extra working day, or a day whose day of
 * the week is a working day and which is not a holiday. Days are computed in the
 * configured zone with {@code ZonedDateTime}, so a zone with daylight saving time keeps
 * its wall-clock hours. The methods walk day by day (whole days at a time), so their cost
 * grows with the number of calendar days spanned, not with the duration's minutes.
 */
@Component
public class WorkingCalendar {

	private final WorkingCalendarProperties properties;

	public WorkingCalendar(WorkingCalendarProperties properties) {
		this.properties = Objects.requireNonNull(properties, "properties");
	}

	/**
	 * The instant at which {@code duration} of working time has passed since
	 * {@code from}. Counting starts at {@code from} if it is working time, else at the
	 * next opening, so a zero duration gives the start of the count. A duration that
	 * fills a day up to its closing ends at the closing, not at the next opening.
	 * @throws IllegalArgumentException if {@code duration} is negative
	 */
	public Instant addWorkingTime(Instant from, Duration duration) {
		requireNonNegative(from, duration);
		Duration remaining = duration;
		LocalDate day = localDate(from);
		Instant cursor = from;
		while (true) {
			if (isWorkingDay(day)) {
				Instant close = at(day, this.properties.dayEnd());
				if (cursor.isBefore(close)) {
					Instant start = max(cursor, at(day, this.properties.dayStart()));
					Duration available = Duration.between(start, close);
					if (remaining.compareTo(available) <= 0) {
						return start.plus(remaining);
					}
					remaining = remaining.minus(available);
				}
			}
			day = day.plusDays(1);
			cursor = at(day, LocalTime.MIN);
		}
	}

	/**
	 * {@code from} plus {@code duration}: of working time if {@code workingHoursOnly},
	 * else of wall-clock time (24×7, for cases handled around the clock).
	 * @throws IllegalArgumentException if {@code duration} is negative
	 */
	public Instant add(Instant from, Duration duration, boolean workingHoursOnly) {
		requireNonNegative(from, duration);
		return workingHoursOnly ? addWorkingTime(from, duration) : from.plus(duration);
	}

	/**
	 * The working time between the two instants; zero if {@code to} is not after
	 * {@code from}.
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Duration total = Duration.ZERO;
		if (!to.isAfter(from)) {
			return total;
		}
		LocalDate last = localDate(to);
		for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				Instant start = max(from, at(day, this.properties.dayStart()));
				Instant end = min(to, at(day, this.properties.dayEnd()));
				if (start.isBefore(end)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/** The calendar's time zone, for "today" in SLA checks. */
	public java.time.ZoneId zone() {
		return this.properties.zone();
	}

	/** Whether {@code at} is working time; the closing instant itself is not. */
	public boolean isWorkingTime(Instant at) {
		LocalDate day = localDate(at);
		return isWorkingDay(day) && !at.isBefore(at(day, this.properties.dayStart()))
				&& at.isBefore(at(day, this.properties.dayEnd()));
	}

	private boolean isWorkingDay(LocalDate day) {
		return this.properties.extraWorkingDays().contains(day)
				|| (this.properties.workingDays().contains(day.getDayOfWeek())
						&& !this.properties.holidays().contains(day));
	}

	private LocalDate localDate(Instant instant) {
		return instant.atZone(this.properties.zone()).toLocalDate();
	}

	/**
	 * The instant of a wall-clock time; a time in a daylight-saving gap moves forward.
	 */
	private Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(this.properties.zone()).toInstant();
	}

	private static void requireNonNegative(Instant from, Duration duration) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be negative: " + duration);
		}
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
