package io.reflow.crm.lab;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reflow.crm.lab.simulation.ArrivalProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Finding the weekly pattern of arrivals in history, and not finding one in noise.
 */
class ArrivalPatternsTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Instant START = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, SHANGHAI).toInstant();

	@ParameterizedTest
	@CsvSource({ "12.592, 6, 0.05", "22.458, 6, 0.001", "35.172, 23, 0.05", "49.728, 23, 0.001", "6, 6, 0.4232" })
	void shouldGiveChiSquareTailsOfTheTables(double x, int k, double p) {
		// critical values from the chi-square table; 0.4232 = P(chi2(6) >= 6)
		assertThat(ArrivalPatterns.chiSquareUpperTail(x, k)).isCloseTo(p, within(0.06 * p + 1e-4));
	}

	@Test
	void shouldFindOfficeHoursInArrivals() {
		ArrivalProfile office = new ArrivalProfile(SHANGHAI, new double[] { 1, 1, 1, 1, 1, 0, 0 },
				new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0 });

		ArrivalPatterns.Found found = ArrivalPatterns.find(arrivals(office, 600, 5), SHANGHAI);

		assertThat(found.weekdayP()).isLessThan(1e-6);
		assertThat(found.hourP()).isLessThan(1e-6);
		assertThat(found.profile().weekdays()[5]).isZero();
		assertThat(found.profile().weekdays()[0]).isCloseTo(1.4, within(0.25));
		assertThat(found.profile().hours()[3]).isZero();
		assertThat(found.profile().hours()[10]).isCloseTo(24.0 / 9, within(0.6));
		assertThat(found.note()).contains("weekday and hour").contains("none on SATURDAY, SUNDAY");
	}

	@Test
	void shouldKeepTheSameRateAroundTheClockWhenArrivalsShowNoPattern() {
		ArrivalProfile flat = new ArrivalProfile(SHANGHAI, ArrivalProfile.flat(7), ArrivalProfile.flat(24));
		int found = 0;
		for (int seed = 1; seed <= 20; seed++) {
			if (ArrivalPatterns.find(arrivals(flat, 800, seed), SHANGHAI).profile() != null) {
				found++;
			}
		}
		// each of the two tests wrongly finds a pattern in 0.1 % of histories
		assertThat(found).isLessThanOrEqualTo(1);
		assertThat(ArrivalPatterns.find(arrivals(flat, 800, 1), SHANGHAI).note())
			.startsWith("arrivals: the same rate around the clock, no pattern");
	}

	@Test
	void shouldNotLookForAPatternInFewCases() {
		ArrivalPatterns.Found found = ArrivalPatterns.find(List.of(START, START.plusSeconds(60)), SHANGHAI);
		assertThat(found.profile()).isNull();
		assertThat(found.note()).contains("too few");
	}

	@Test
	void shouldFindAWeekdayPatternAlone() {
		ArrivalProfile mondays = new ArrivalProfile(SHANGHAI, new double[] { 3, 1, 1, 1, 1, 1, 1 },
				ArrivalProfile.flat(24));
		ArrivalPatterns.Found found = ArrivalPatterns.find(arrivals(mondays, 1500, 2), SHANGHAI);
		assertThat(found.profile()).isNotNull();
		assertThat(found.profile().hours()).containsOnly(1.0);
		assertThat(found.profile().weekdays()[DayOfWeek.MONDAY.getValue() - 1]).isCloseTo(7.0 / 3, within(0.35));
	}

	/** {@code count} arrivals at one an hour on average under {@code profile}. */
	static List<Instant> arrivals(ArrivalProfile profile, int count, long seed) {
		Random random = new Random(seed);
		List<Instant> arrivals = new ArrayList<>();
		Instant at = START;
		for (int i = 0; i < count; i++) {
			arrivals.add(at);
			at = profile.next(at, -Math.log(1 - random.nextDouble()) * 3600);
		}
		return arrivals;
	}

}
