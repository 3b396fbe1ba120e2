package io.reflow.crm.support;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Binding of {@code reflow.support.calendar}: the defaults, the forms YAML gives (a list
 * of day names, times as {@code "09:00"}, ISO dates), a start-up failure on an invalid
 * calendar, and the shipped {@code application.yaml}.
 */
class WorkingCalendarPropertiesTest {

	static final String PREFIX = "reflow.support.calendar";

	static WorkingCalendarProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(PREFIX,
				WorkingCalendarProperties.class);
	}

	@Test
	void shouldDefaultToWeekdaysNineToSixInShanghaiWhenNothingIsSet() {
		WorkingCalendarProperties properties = bind(Map.of());

		assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(properties.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
				DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		assertThat(properties.dayStart()).isEqualTo(LocalTime.of(9, 0));
		assertThat(properties.dayEnd()).isEqualTo(LocalTime.of(18, 0));
		assertThat(properties.holidays()).isEmpty();
		assertThat(properties.extraWorkingDays()).isEmpty();
	}

	@Test
	void shouldBindTheYamlForms() {
		// a YAML list arrives as indexed keys
		WorkingCalendarProperties properties = bind(Map.of(PREFIX + ".zone", "Europe/Berlin",
				PREFIX + ".working-days[0]", "MONDAY", PREFIX + ".working-days[1]", "SATURDAY", PREFIX + ".day-start",
				"08:30", PREFIX + ".day-end", "17:00", PREFIX + ".holidays[0]", "2026-10-01", PREFIX + ".holidays[1]",
				"2026-10-02", PREFIX + ".extra-working-days", "2026-10-10"));

		assertThat(properties.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(properties.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
		assertThat(properties.dayStart()).isEqualTo(LocalTime.of(8, 30));
		assertThat(properties.dayEnd()).isEqualTo(LocalTime.of(17, 0));
		assertThat(properties.holidays()).containsExactlyInAnyOrder(LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 2));
		assertThat(properties.extraWorkingDays()).containsExactly(LocalDate.of(2026, 10, 10));
	}

	@Test
	void shouldFailWithTheReasonWhenTheCalendarIsInvalid() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of(PREFIX + ".day-start", "18:00", PREFIX + ".day-end", "09:00")))
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("day-start (18:00) must be before day-end (09:00)");
		assertThatExceptionOfType(BindException.class).isThrownBy(
				() -> bind(Map.of(PREFIX + ".holidays", "2026-10-10", PREFIX + ".extra-working-days", "2026-10-10")))
			.havingRootCause()
			.withMessageContaining("must not also be holidays: [2026-10-10]");
	}

	@Test
	void shouldBindTheShippedChina2026Calendar() throws IOException {
		Binder binder = new Binder(ConfigurationPropertySources
			.from(new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))));
		WorkingCalendarProperties properties = binder.bindOrCreate(PREFIX, WorkingCalendarProperties.class);

		assertThat(properties.holidays()).hasSize(33).contains(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 10, 7));
		assertThat(properties.extraWorkingDays()).hasSize(6).contains(LocalDate.of(2026, 9, 20));
		// Sunday 20 September is worked: a 4-hour SLA opened Friday 17:00 is due Sunday
		// 12:00
		WorkingCalendar calendar = new WorkingCalendar(properties);
		ZoneId zone = properties.zone();
		assertThat(calendar.addWorkingTime(LocalDate.of(2026, 9, 18).atTime(17, 0).atZone(zone).toInstant(),
				Duration.ofHours(4)))
			.isEqualTo(LocalDate.of(2026, 9, 20).atTime(12, 0).atZone(zone).toInstant());
	}

}
