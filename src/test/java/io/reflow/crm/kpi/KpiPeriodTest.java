package io.reflow.crm.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KpiPeriodTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), KpiPeriod.ZONE);

	@Test
	void shouldDefaultToTheLast30DaysEndingTodayInTheZone() {
		KpiPeriod period = KpiPeriod.of(null, null, CLOCK);

		assertThat(period.to()).isEqualTo(LocalDate.parse("2026-11-23"));
		assertThat(period.from()).isEqualTo(LocalDate.parse("2026-10-25"));
		assertThat(period.days()).isEqualTo(30);
		assertThat(period.start()).isEqualTo(Instant.parse("2026-10-24T16:00:00Z"));
		assertThat(period.end()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
	}

	@Test
	void shouldRefuseFromAfterToAndPeriodsLongerThan366Days() {
		assertThatThrownBy(() -> KpiPeriod.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01"), CLOCK))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("from"));
		assertThatThrownBy(() -> KpiPeriod.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02"), CLOCK))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("to"));
		assertThat(KpiPeriod.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), CLOCK).days())
			.isEqualTo(366);
	}

	@Test
	void shouldRefuseDaysOutsideTheCalendarInsteadOfOverflowing() {
		// found by HostileInputIT (full form): to=+999999999-12-31 answered 500
		// (DateTimeException from the day after it)
		assertThatThrownBy(() -> KpiPeriod.of(null, LocalDate.MAX, CLOCK))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("to"));
		assertThatThrownBy(() -> KpiPeriod.of(null, LocalDate.MIN, CLOCK))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("to"));
		assertThatThrownBy(() -> KpiPeriod.of(LocalDate.MIN, LocalDate.parse("2026-01-01"), CLOCK))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("from"));
	}

}
