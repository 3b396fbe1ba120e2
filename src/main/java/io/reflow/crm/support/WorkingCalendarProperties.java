package io.reflow.crm.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the support desk works, for {@link WorkingCalendar}. An invalid combination fails
 * the start-up with an {@link IllegalArgumentException} that names the property.
 *
 * @param zone the time zone in which days, opening and closing times are read
 * @param workingDays the days of the week that are working days unless listed in
 * {@code holidays}
 * @param dayStart opening time of a working day, inclusive
 * @param dayEnd closing time of a working day, exclusive; after {@code dayStart} (no
 * shifts past midnight)
 * @param holidays dates that are not worked although their day of the week is
 * @param extraWorkingDays dates worked although their day of the week is not (China's
 * adjusted working days, 调休); none of them may also be a holiday
 */
@ConfigurationProperties("reflow.support.calendar")
public record WorkingCalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue( {
		"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> workingDays,
		@DefaultValue("09:00") LocalTime dayStart, @DefaultValue("18:00") LocalTime dayEnd, Set<LocalDate> holidays,
		Set<LocalDate> extraWorkingDays){

	private static final String PREFIX = "reflow.support.calendar.";

	public WorkingCalendarProperties {
		require(zone != null, "zone must be set");
		require(dayStart != null && dayEnd != null, "day-start and day-end must be set");
		require(dayStart.isBefore(dayEnd), "day-start (" + dayStart + ") must be before day-end (" + dayEnd + ")");
		require(workingDays != null && !workingDays.isEmpty(), "working-days must name at least one day of the week");
		workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
		holidays = (holidays != null) ? Set.copyOf(holidays) : Set.of();
		extraWorkingDays = (extraWorkingDays != null) ? Set.copyOf(extraWorkingDays) : Set.of();
		Set<LocalDate> both = new TreeSet<>(extraWorkingDays);
		both.retainAll(holidays);
		require(both.isEmpty(), "extra-working-days must not also be holidays: " + both);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(PREFIX + message);
		}
	}

}
