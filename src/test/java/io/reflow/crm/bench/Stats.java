package io.reflow.crm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The repetitions of one measured variant: median and spread, as the benchmark report
 * shows them.
 */
public record Stats(List<Double> values) {

	public Stats {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no measurements");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		values = List.copyOf(sorted);
	}

	public static Stats of(List<Double> values) {
		return new Stats(values);
	}

	public double median() {
		return quantile(0.5);
	}

	public double min() {
		return this.values.get(0);
	}

	public double max() {
		return this.values.get(this.values.size() - 1);
	}

	/** Linear interpolation between the closest ranks, q in [0, 1]. */
	public double quantile(double q) {
		double rank = q * (this.values.size() - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		return this.values.get(lower) + (rank - lower) * (this.values.get(upper) - this.values.get(lower));
	}

	/** (max - min) / median, as a fraction: how far the repetitions lie apart. */
	public double spread() {
		return median() == 0 ? 0 : (max() - min()) / median();
	}

	public int count() {
		return this.values.size();
	}

	/** "123.4 (min 120.1, max 130.2, n 5)". */
	public String summary(String format) {
		return String.format(Locale.ROOT, format + " (min " + format + ", max " + format + ", n %d)", median(), min(),
				max(), count());
	}

}
