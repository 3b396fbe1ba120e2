package io.reflow.crm.lab.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * How the arrival rate varies over the week: a weight per weekday and a weight per hour
 * of the day, in one time zone (the business calendar's). The rate at an instant is the
 * average rate times the weekday's weight times the hour's weight; each set of weights is
 * scaled to an average of 1, so the average rate over a week stays the scenario's. A
 * weight of 0 means no arrivals then (a weekend, the night).
 * <p>
 * Arrivals then form a Poisson process whose rate changes hour by hour: each gap drawn
 * from the scenario's exponential distribution is spent in time weighted by the rate, so
 * a gap that starts on a Friday evening ends on Monday morning when the weekend's weight
 * is 0.
 *
 * @param zone the zone the weekdays and hours are in
 * @param weekdays 7 weights, Monday first
 * @param hours 24 weights, the hour from 00:00 first
 */
public record ArrivalProfile(ZoneId zone, double[] weekdays, double[] hours) {

	public ArrivalProfile {
		if (zone == null) {
			throw new IllegalArgumentException("an arrival profile needs a time zone");
		}
		weekdays = scaled(weekdays, 7, "weekday");
		hours = scaled(hours, 24, "hour");
	}

	/** A profile with the same weight for every weekday. */
	public static ArrivalProfile byHour(ZoneId zone, double[] hours) {
		return new ArrivalProfile(zone, flat(7), hours);
	}

	/** Seven (or 24) equal weights. */
	public static double[] flat(int size) {
		double[] weights = new double[size];
		Arrays.fill(weights, 1);
		return weights;
	}

	private static double[] scaled(double[] weights, int size, String what) {
		if (weights == null || weights.length != size) {
			throw new IllegalArgumentException("an arrival profile needs " + size + " " + what + " weights");
		}
		double sum = 0;
		for (double weight : weights) {
			if (!(weight >= 0) || Double.isInfinite(weight)) {
				throw new IllegalArgumentException(what + " weights must be numbers of 0 or more");
			}
			sum += weight;
		}
		if (sum <= 0) {
			throw new IllegalArgumentException("at least one " + what + " weight must be above 0");
		}
		double[] scaled = new double[size];
		for (int i = 0; i < size; i++) {
			scaled[i] = weights[i] * size / sum;
		}
		return scaled;
	}

	@Override
	public double[] weekdays() {
		return this.weekdays.clone();
	}

	@Override
	public double[] hours() {
		return this.hours.clone();
	}

	/** The weight of the rate at {@code instant}: 1 is the week's average. */
	public double weight(Instant instant) {
		ZonedDateTime at = instant.atZone(this.zone);
		return this.weekdays[at.getDayOfWeek().getValue() - 1] * this.hours[at.getHour()];
	}

	/**
	 * The arrival after {@code from} when the gap drawn at the average rate is
	 * {@code seconds}: the gap is spent in rate-weighted time, hour by hour.
	 */
	public Instant next(Instant from, double seconds) {
		double left = seconds;
		Instant at = from;
		// every week has a slot above 0, so this ends; a gap of n average days walks
		// about
		// 24 n slots
		while (true) {
			Instant slotEnd = at.atZone(this.zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
			double weight = weight(at);
			double slot = Duration.between(at, slotEnd).toMillis() / 1000.0;
			if (weight > 0 && left <= weight * slot) {
				return at.plusMillis(Math.round(left / weight * 1000));
			}
			left -= weight * slot;
			at = slotEnd;
		}
	}

	/** The weights as text: the days and hours without arrivals and the busiest hour. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		StringBuilder closed = new StringBuilder();
		for (DayOfWeek day : DayOfWeek.values()) {
			if (this.weekdays[day.getValue() - 1] == 0) {
				closed.append(closed.isEmpty() ? "" : ", ").append(day);
			}
		}
		int busiest = 0;
		int quiet = 0;
		for (int hour = 0; hour < 24; hour++) {
			if (this.hours[hour] > this.hours[busiest]) {
				busiest = hour;
			}
			if (this.hours[hour] == 0) {
				quiet++;
			}
		}
		text.append("busiest hour %02d:00-%02d:00 (%.1f x the average)".formatted(busiest, (busiest + 1) % 24,
				this.hours[busiest]));
		if (quiet > 0) {
			text.append(", no arrivals in %d hours of the day".formatted(quiet));
		}
		if (!closed.isEmpty()) {
			text.append(", none on ").append(closed);
		}
		return text.append(" (").append(this.zone).append(")").toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ArrivalProfile profile && this.zone.equals(profile.zone)
				&& Arrays.equals(this.weekdays, profile.weekdays) && Arrays.equals(this.hours, profile.hours);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.zone.hashCode() + Arrays.hashCode(this.weekdays)) + Arrays.hashCode(this.hours);
	}

	@Override
	public String toString() {
		return "ArrivalProfile[" + this.zone + ", weekdays=" + Arrays.toString(this.weekdays) + ", hours="
				+ Arrays.toString(this.hours) + "]";
	}

}
