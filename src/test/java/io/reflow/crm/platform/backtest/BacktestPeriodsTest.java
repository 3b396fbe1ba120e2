package io.reflow.crm.platform.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backtest period: defaults, and days no history can hold refused as a client error.
 */
class BacktestPeriodsTest {

	private final BacktestPeriods periods = new BacktestPeriods(ZoneId.of("UTC"),
			Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneId.of("UTC")),
			new BacktestProperties(90, 500, 100_000, 20, 200));

	@Test
	void shouldDefaultToTheLastDaysEndingToday() {
		assertThat(this.periods.resolve(null, null))
			.isEqualTo(new BacktestPeriods.Days(LocalDate.of(2025, 4, 2), LocalDate.of(2025, 6, 30)));
	}

	@Test
	void shouldRefuseDaysBeyondYear9999InsteadOfOverflowing() {
		// found by HostileInputIT: to=+999999999-12-31 answered 500 (DateTimeException)
		assertThatThrownBy(() -> this.periods.resolve(null, LocalDate.MAX)).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("9999-12-31");
		assertThatThrownBy(() -> this.periods.resolve(LocalDate.MIN, null)).isInstanceOf(InvalidFieldException.class);
	}

}
