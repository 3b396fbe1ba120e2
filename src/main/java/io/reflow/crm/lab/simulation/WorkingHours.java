package io.reflow.crm.lab.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When people work: the same hours on each working day, in one time zone (the business
 * calendar). A simulated person starts a task only inside working hours, and work not
 * finished by the end of the day goes on the next working day.
 *
 * @param zone the zone the hours are in
 * @param days the working days
 * @param start the start of a working day
 * @param end the end of a working day (after {@code start})
 */
public record WorkingHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

	public WorkingHours {
		if (zone == null || days == null || days.isEmpty() || start == null || end == null || !end.isAfter(start)) {
			throw new IllegalArgumentException("working hours need a zone, at least one day and start < end");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	/** Monday to Friday, {@code start} to {@code end}. */
	public static WorkingHours weekdays(ZoneId zone, LocalTime start, LocalTime end) {
		return new WorkingHours(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
	}

	/** Whether {@code instant} is inside working hours. */
	public boolean isWorking(Instant instant) {
		ZonedDateTime at = instant.atZone(this.zone);
		LocalTime time = at.toLocalTime();
		return this.days.contains(at.getDayOfWeek()) && !time.isBefore(this.start) && time.isBefore(this.end);
	}

	/** {@code instant} if it is inside working hours, else the next start of work. */
	public Instant nextWorking(Instant instant) {
		ZonedDateTime at = instant.atZone(this.zone);
		for (int day = 0; day <= 7; day++) {
			ZonedDateTime date = at.plusDays(day);
			if (!this.days.contains(date.getDayOfWeek())) {
				continue;
			}
			ZonedDateTime open = date.with(this.start);
			ZonedDateTime close = date.with(this.end);
			if (day == 0 && !at.isBefore(close)) {
				continue;
			}
			return (day == 0 && at.isAfter(open)) ? instant : open.toInstant();
		}
		throw new IllegalStateException("no working day within a week of " + instant);
	}

	/**
	 * When work of {@code seconds} started at {@code from} ends, counting working hours
	 * only.
	 */
	public Instant addWorking(Instant from, double seconds) {
		Instant at = nextWorking(from);
		long left = Math.round(seconds * 1000);
		while (true) {
			ZonedDateTime day = at.atZone(this.zone);
			Instant close = day.with(this.end).toInstant();
			long available = Duration.between(at, close).toMillis();
			if (left <= available) {
				return at.plusMillis(left);
			}
			left -= available;
			at = nextWorking(close);
		}
	}

	/** Working seconds between two instants (for utilization). */
	public double workingSecondsBetween(Instant from, Instant to) {
		double total = 0;
		Instant at = nextWorking(from);
		while (at.isBefore(to)) {
			Instant close = at.atZone(this.zone).with(this.end).toInstant();
			Instant until = close.isBefore(to) ? close : to;
			total += Duration.between(at, until).toMillis() / 1000.0;
			at = nextWorking(close);
		}
		return total;
	}

}
