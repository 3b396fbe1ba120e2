package io.reflow.crm.lab.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Arrivals whose rate varies over the week: gaps spent in rate-weighted time.
 */
class ArrivalProfileTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Weekdays 09:00-17:00 only. */
	static final ArrivalProfile OFFICE = new ArrivalProfile(BERLIN, new double[] { 1, 1, 1, 1, 1, 0, 0 },
			new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 });

	@Test
	void shouldSpendAGapInWeightedTime() {
		// Monday 10:00: weight 1.4 * 3 = 4.2, so an average-rate hour passes in 1/4.2 h
		Instant monday = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, BERLIN).toInstant();
		assertThat(OFFICE.weight(monday)).isCloseTo(4.2, within(1e-9));
		assertThat(OFFICE.next(monday, 4.2 * 600)).isEqualTo(monday.plusSeconds(600));
		// Friday 16:30, a gap of 3 average hours: the half hour to 17:00 at 4.2 uses 2.1
		// of
		// them, the weekend none, and the remaining 0.9 pass from Monday 09:00 at 4.2
		Instant friday = ZonedDateTime.of(2026, 11, 27, 16, 30, 0, 0, BERLIN).toInstant();
		Instant next = OFFICE.next(friday, 3 * 3600);
		ZonedDateTime at = next.atZone(BERLIN);
		assertThat(at.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(at.toLocalTime().toSecondOfDay()).isEqualTo(9 * 3600 + Math.round(0.9 * 3600 / 4.2));
	}

	@Test
	void shouldKeepTheAverageRateAndArriveOnlyWhenOpen() {
		Random random = new Random(3);
		Instant start = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, BERLIN).toInstant();
		Instant at = start;
		int arrivals = 0;
		Instant end = start.plusSeconds(52L * 7 * 86_400);
		while (true) {
			at = OFFICE.next(at, -Math.log(1 - random.nextDouble()) * 3600);
			if (at.isAfter(end)) {
				break;
			}
			arrivals++;
			ZonedDateTime local = at.atZone(BERLIN);
			assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			assertThat(local.getHour()).isBetween(9, 16);
		}
		// one an hour on average: 8,736 hours in 52 weeks, Poisson sd about 93
		assertThat(arrivals).isBetween(8_736 - 400, 8_736 + 400);
	}

	@Test
	void shouldRefuseWeightsThatCannotBeARate() {
		assertThatThrownBy(() -> new ArrivalProfile(BERLIN, new double[6], ArrivalProfile.flat(24)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ArrivalProfile(BERLIN, new double[7], ArrivalProfile.flat(24)))
			.hasMessageContaining("above 0");
		assertThatThrownBy(() -> new ArrivalProfile(BERLIN, ArrivalProfile.flat(7),
				new double[] { Double.NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }))
			.hasMessageContaining("0 or more");
	}

}
