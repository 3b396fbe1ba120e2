package io.reflow.crm.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link WorkingCalendar} with Monday to Friday, 09:00 to 18:00 in Asia/Shanghai and a
 * few of mainland China's 2026 dates: the Spring Festival holidays 15 to 23 February with
 * the adjusted working Saturdays 14 and 28 February, and Qingming on Monday 6 April. All
 * times in the tables are Shanghai wall-clock times; 13 March 2026 is a Friday.
 */
class WorkingCalendarTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Set<LocalDate> HOLIDAYS = Stream
		.concat(LocalDate.parse("2026-02-15").datesUntil(LocalDate.parse("2026-02-24")),
				Stream.of(LocalDate.parse("2026-04-06")))
		.collect(Collectors.toSet());

	static final Set<LocalDate> EXTRA_WORKING_DAYS = Set.of(LocalDate.parse("2026-02-14"),
			LocalDate.parse("2026-02-28"));

	final WorkingCalendar calendar = new WorkingCalendar(properties(SHANGHAI, HOLIDAYS, EXTRA_WORKING_DAYS));

	static WorkingCalendarProperties properties(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {
		return new WorkingCalendarProperties(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				LocalTime.of(9, 0), LocalTime.of(18, 0), holidays, extraWorkingDays);
	}

	static Instant shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource(textBlock = """
			# the acceptance example: a case opened Friday 17:00 with a 4-hour SLA is due Monday 12:00
			2026-03-13T17:00,    PT4H,    2026-03-16T12:00
			# Saturday and Sunday starts count from Monday's opening
			2026-03-14T10:30,    PT2H,    2026-03-16T11:00
			2026-03-15T23:59,    PT1H,    2026-03-16T10:00
			# before opening, after closing
			2026-03-17T07:15,    PT1H30M, 2026-03-17T10:30
			2026-03-17T19:00,    PT1H,    2026-03-18T10:00
			# crossing midnight: 2 hours on Tuesday, 3 on Wednesday
			2026-03-17T16:00,    PT5H,    2026-03-18T12:00
			# a start exactly at opening; filling the day ends at closing, not at the next opening
			2026-03-17T09:00,    PT9H,    2026-03-17T18:00
			2026-03-13T17:00,    PT1H,    2026-03-13T18:00
			# exactly at closing is closed
			2026-03-17T18:00,    PT1M,    2026-03-18T09:01
			# days: PT27H = 1 hour on Friday, 9 on Monday, 9 on Tuesday, 8 on Wednesday
			2026-03-13T17:00,    PT27H,   2026-03-18T17:00
			# zero: the start itself in working time, else the next opening
			2026-03-17T11:11,    PT0S,    2026-03-17T11:11
			2026-03-14T10:00,    PT0S,    2026-03-16T09:00
			2026-03-13T18:00,    PT0S,    2026-03-16T09:00
			# seconds carry over to the next day
			2026-03-17T17:59:30, PT45S,   2026-03-18T09:00:15
			# Qingming on Monday 6 April: due Tuesday
			2026-04-03T17:00,    PT4H,    2026-04-07T12:00
			# the adjusted working Saturdays 14 and 28 February count
			2026-02-13T17:00,    PT4H,    2026-02-14T12:00
			2026-02-27T17:00,    PT4H,    2026-02-28T12:00
			# 1 hour on Friday, 9 on Saturday 14 February, the Spring Festival, 3 on Tuesday 24
			2026-02-13T17:00,    PT13H,   2026-02-24T12:00
			""")
	void shouldAddWorkingTime(String from, Duration duration, String due) {
		Instant dueAt = this.calendar.addWorkingTime(shanghai(from), duration);

		assertThat(dueAt).isEqualTo(shanghai(due));
		assertThat(this.calendar.workingTimeBetween(shanghai(from), dueAt)).isEqualTo(duration);
	}

	@Test
	void shouldAddWallClockTimeWhenNotWorkingHoursOnly() {
		Instant friday17 = shanghai("2026-03-13T17:00");

		assertThat(this.calendar.add(friday17, Duration.ofHours(4), false)).isEqualTo(shanghai("2026-03-13T21:00"));
		assertThat(this.calendar.add(friday17, Duration.ofHours(27), false)).isEqualTo(shanghai("2026-03-14T20:00"));
		assertThat(this.calendar.add(friday17, Duration.ofHours(4), true)).isEqualTo(shanghai("2026-03-16T12:00"));
	}

	@Test
	void shouldRejectNegativeDurations() {
		Instant now = shanghai("2026-03-16T10:00");
		Duration negative = Duration.ofMinutes(-1);

		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingTime(now, negative))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.add(now, negative, true));
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.add(now, negative, false));
	}

	@ParameterizedTest(name = "{0} to {1} = {2}")
	@CsvSource(textBlock = """
			# over a weekend: 1 hour on Friday, 3 on Monday
			2026-03-13T17:00, 2026-03-16T12:00, PT4H
			# a whole week
			2026-03-16T09:00, 2026-03-23T09:00, PT45H
			2026-03-16T10:15, 2026-03-16T11:00, PT45M
			# a night, an empty interval, a reversed one
			2026-03-16T19:00, 2026-03-17T08:00, PT0S
			2026-03-16T10:00, 2026-03-16T10:00, PT0S
			2026-03-16T12:00, 2026-03-16T10:00, PT0S
			# Friday, the working Saturday, the Spring Festival, Tuesday 24 February
			2026-02-13T09:00, 2026-02-25T09:00, PT27H
			""")
	void shouldMeasureWorkingTimeBetween(String from, String to, Duration expected) {
		assertThat(this.calendar.workingTimeBetween(shanghai(from), shanghai(to))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} working: {1}")
	@CsvSource(textBlock = """
			2026-03-16T08:59:59, false
			2026-03-16T09:00,    true
			2026-03-16T17:59:59, true
			# closing time itself is closed
			2026-03-16T18:00,    false
			# Saturday, a holiday Monday, an adjusted working Saturday
			2026-03-14T12:00,    false
			2026-04-06T12:00,    false
			2026-02-14T12:00,    true
			""")
	void shouldTellWorkingTime(String at, boolean working) {
		assertThat(this.calendar.isWorkingTime(shanghai(at))).isEqualTo(working);
	}

	@ParameterizedTest(name = "{0} + PT2000H")
	@CsvSource({ "2026-01-02T17:00", "2026-02-14T06:00", "2026-03-13T18:00" })
	void shouldAddTwoThousandHoursLikeAnHourByHourCount(String from) {
		Instant dueAt = assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> this.calendar.addWorkingTime(shanghai(from), Duration.ofHours(2000)));

		assertThat(dueAt).isEqualTo(shanghai(referenceDue(LocalDateTime.parse(from), 2000).toString()));
		assertThat(this.calendar.workingTimeBetween(shanghai(from), dueAt)).isEqualTo(Duration.ofHours(2000));
	}

	/**
	 * The naive reference: walk hour by hour from a full hour, counting working hours.
	 */
	static LocalDateTime referenceDue(LocalDateTime from, long hours) {
		LocalDateTime time = from;
		long left = hours;
		while (left > 0) {
			LocalDate day = time.toLocalDate();
			boolean workingDay = EXTRA_WORKING_DAYS.contains(day)
					|| (day.getDayOfWeek().getValue() <= 5 && !HOLIDAYS.contains(day));
			if (workingDay && time.getHour() >= 9 && time.getHour() < 18) {
				left--;
			}
			time = time.plusHours(1);
		}
		return time;
	}

	@Test
	void shouldKeepWallClockHoursInZoneWithDaylightSaving() {
		// Europe/Berlin moves to summer time on Sunday 29 March 2026: the weekend is an
		// hour
		// shorter, Monday still opens at 09:00 local time (07:00 UTC)
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		WorkingCalendar berlinCalendar = new WorkingCalendar(properties(berlin, Set.of(), Set.of()));
		Instant friday17 = LocalDateTime.parse("2026-03-27T17:00").atZone(berlin).toInstant();

		Instant dueAt = berlinCalendar.addWorkingTime(friday17, Duration.ofHours(4));

		assertThat(dueAt).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
		assertThat(berlinCalendar.isWorkingTime(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
		assertThat(berlinCalendar.isWorkingTime(Instant.parse("2026-03-30T06:59:59Z"))).isFalse();
	}

	@Test
	void shouldRejectDayStartNotBeforeDayEnd() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingCalendarProperties(SHANGHAI, Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0),
					LocalTime.of(9, 0), Set.of(), Set.of()))
			.withMessage("reflow.support.calendar.day-start (18:00) must be before day-end (09:00)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingCalendarProperties(SHANGHAI, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
					LocalTime.of(9, 0), Set.of(), Set.of()))
			.withMessageContaining("must be before day-end");
	}

	@Test
	void shouldRejectCalendarWithoutWorkingDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingCalendarProperties(SHANGHAI, Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0),
					Set.of(), Set.of()))
			.withMessage("reflow.support.calendar.working-days must name at least one day of the week");
	}

	@Test
	void shouldRejectExtraWorkingDayThatIsAlsoHoliday() {
		Set<LocalDate> days = Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-10"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(SHANGHAI, days, Set.of(LocalDate.parse("2026-10-10"))))
			.withMessage("reflow.support.calendar.extra-working-days must not also be holidays: [2026-10-10]");
	}

}
