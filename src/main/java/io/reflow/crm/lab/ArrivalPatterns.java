package io.reflow.crm.lab;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.reflow.crm.lab.simulation.ArrivalProfile;

/**
 * Finds how real cases' arrivals vary by weekday and by hour of the day, for the
 * calibration of a simulation's {@link ArrivalProfile}.
 * <p>
 * For each of the two patterns the arrivals are counted per weekday (or hour) and set
 * against how many hours of that weekday (or hour) the history covers; a chi-square test
 * of these counts against the same rate at all times decides whether the pattern is real.
 * Only a pattern significant at 0.1 % is used: with a few hundred cases, counts per hour
 * vary by chance by a fifth or more, and a profile built from noise would make a
 * simulation differ from its history for no reason. The chi-square p-value uses the
 * Wilson–Hilferty transformation to the normal distribution (accurate to about 0.001 from
 * 6 degrees of freedom on, ample for a decision at 0.001).
 */
final class ArrivalPatterns {

	/** A pattern whose p-value is below this is used. */
	static final double SIGNIFICANCE = 0.001;

	/** Fewer arrivals than this are too few to see a pattern in. */
	static final int MINIMUM_CASES = 100;

	private ArrivalPatterns() {
	}

	/** What was found: the profile (null: the same rate around the clock) and why. */
	record Found(ArrivalProfile profile, double weekdayP, double hourP, String note) {
	}

	static Found find(List<Instant> starts, ZoneId zone) {
		if (starts.size() < MINIMUM_CASES) {
			return new Found(null, Double.NaN, Double.NaN,
					"arrivals: the same rate around the clock (%d cases are too few to find a pattern by weekday or hour)"
						.formatted(starts.size()));
		}
		double[] weekdayHours = new double[7];
		double[] hourHours = new double[24];
		double[] weekdayCounts = new double[7];
		double[] hourCounts = new double[24];
		Instant first = starts.stream().min(Instant::compareTo).orElseThrow();
		Instant last = starts.stream().max(Instant::compareTo).orElseThrow();
		ZonedDateTime slot = first.atZone(zone).truncatedTo(ChronoUnit.HOURS);
		while (!slot.toInstant().isAfter(last)) {
			weekdayHours[slot.getDayOfWeek().getValue() - 1]++;
			hourHours[slot.getHour()]++;
			slot = slot.plusHours(1);
		}
		for (Instant start : starts) {
			ZonedDateTime at = start.atZone(zone);
			weekdayCounts[at.getDayOfWeek().getValue() - 1]++;
			hourCounts[at.getHour()]++;
		}
		double weekdayP = pValue(weekdayCounts, weekdayHours);
		double hourP = pValue(hourCounts, hourHours);
		boolean byWeekday = weekdayP < SIGNIFICANCE;
		boolean byHour = hourP < SIGNIFICANCE;
		String tests = "chi-square p by weekday %s, by hour %s, from %d cases".formatted(format(weekdayP),
				format(hourP), starts.size());
		if (!byWeekday && !byHour) {
			return new Found(null, weekdayP, hourP,
					"arrivals: the same rate around the clock, no pattern by weekday or hour (" + tests + ")");
		}
		ArrivalProfile profile = new ArrivalProfile(zone,
				byWeekday ? rates(weekdayCounts, weekdayHours) : ArrivalProfile.flat(7),
				byHour ? rates(hourCounts, hourHours) : ArrivalProfile.flat(24));
		return new Found(profile, weekdayP, hourP,
				"arrivals by %s: %s (%s)".formatted(
						(byWeekday && byHour) ? "weekday and hour" : byWeekday ? "weekday" : "hour", profile.describe(),
						tests));
	}

	/**
	 * Arrivals per hour covered; a weekday or hour the history does not cover gets the
	 * average.
	 */
	static double[] rates(double[] counts, double[] hours) {
		double total = 0;
		double covered = 0;
		for (int i = 0; i < counts.length; i++) {
			total += counts[i];
			covered += hours[i];
		}
		double[] rates = new double[counts.length];
		for (int i = 0; i < counts.length; i++) {
			rates[i] = (hours[i] > 0) ? counts[i] / hours[i] : total / covered;
		}
		return rates;
	}

	/**
	 * The chi-square test's p-value of {@code counts} against arrivals in proportion to
	 * {@code hours}.
	 */
	static double pValue(double[] counts, double[] hours) {
		double total = 0;
		double covered = 0;
		for (int i = 0; i < counts.length; i++) {
			total += counts[i];
			covered += hours[i];
		}
		double statistic = 0;
		int bins = 0;
		for (int i = 0; i < counts.length; i++) {
			if (hours[i] > 0) {
				double expected = total * hours[i] / covered;
				statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
				bins++;
			}
		}
		return chiSquareUpperTail(statistic, bins - 1);
	}

	/** P(X >= x) for X chi-square with {@code k} degrees of freedom (Wilson–Hilferty). */
	static double chiSquareUpperTail(double x, int k) {
		if (k < 1) {
			return 1;
		}
		double variance = 2.0 / (9 * k);
		double z = (Math.cbrt(x / k) - (1 - variance)) / Math.sqrt(variance);
		return Normal.upperTail(z);
	}

	private static String format(double p) {
		return (p < 0.0001) ? "< 0.0001" : "%.4f".formatted(p);
	}

}
