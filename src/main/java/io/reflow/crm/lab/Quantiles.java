package io.reflow.crm.lab;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Sample quantiles (median, p90, ...) by linear interpolation between closest ranks.
 * <p>
 * For the sorted values {@code x[0] <= ... <= x[n-1]} and a probability {@code p} in [0,
 * 1], let {@code h = (n - 1) p} and {@code j = floor(h)}; the quantile is
 * {@code x[j] + (h - j)(x[j+1] - x[j])}. This is definition 7 of Hyndman &amp; Fan,
 * "Sample quantiles in statistical packages", The American Statistician 50 (1996)
 * 361-365, the default of R's {@code quantile()} and of {@code numpy.quantile}. For 1..10
 * the median is 5.5 and the 0.9 quantile 9.1.
 * <p>
 * An empty sample has no quantile: the result is {@link Double#NaN} (so a scorecard row
 * of a version without data shows a gap instead of failing); test it with
 * {@link Double#isNaN}. NaN and infinite values are rejected, and the input is never
 * reordered.
 */
public final class Quantiles {

	private Quantiles() {
	}

	/** The median, the 0.5 quantile; NaN for an empty sample. */
	public static double median(double[] values) {
		return quantile(values, 0.5);
	}

	/** The median, the 0.5 quantile; NaN for an empty sample. */
	public static double median(Collection<? extends Number> values) {
		return quantile(values, 0.5);
	}

	/**
	 * The quantile for a probability in [0, 1] (0.9 for p90); NaN for an empty sample.
	 * @throws IllegalArgumentException if the probability is outside [0, 1] or a value is
	 * not finite
	 */
	public static double quantile(double[] values, double probability) {
		return quantiles(values, probability)[0];
	}

	/**
	 * The quantile for a probability in [0, 1] (0.9 for p90); NaN for an empty sample.
	 * @throws IllegalArgumentException if the probability is outside [0, 1] or a value is
	 * not finite
	 */
	public static double quantile(Collection<? extends Number> values, double probability) {
		return quantile(toArray(values), probability);
	}

	/**
	 * Several quantiles of one sample, sorted once; NaNs for an empty sample.
	 * @throws IllegalArgumentException if a probability is outside [0, 1] or a value is
	 * not finite
	 */
	public static double[] quantiles(double[] values, double... probabilities) {
		for (double probability : probabilities) {
			if (!(probability >= 0 && probability <= 1)) {
				throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
			}
		}
		double[] sorted = sortedCopy(values);
		double[] result = new double[probabilities.length];
		for (int i = 0; i < probabilities.length; i++) {
			result[i] = ofSorted(sorted, probabilities[i]);
		}
		return result;
	}

	/** Definition 7 on values already sorted ascending. */
	static double ofSorted(double[] sorted, double probability) {
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		double h = (n - 1) * probability;
		int j = (int) Math.floor(h);
		if (j >= n - 1) {
			return sorted[n - 1];
		}
		double fraction = h - j;
		return (fraction == 0) ? sorted[j] : sorted[j] + fraction * (sorted[j + 1] - sorted[j]);
	}

	/** A sorted copy of the values, checked to be finite. */
	static double[] sortedCopy(double[] values) {
		double[] sorted = values.clone();
		for (double value : sorted) {
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException("values must be finite: " + value);
			}
		}
		Arrays.sort(sorted);
		return sorted;
	}

	/** The values as a new array (null elements are rejected). */
	static double[] toArray(Collection<? extends Number> values) {
		return values.stream().mapToDouble((value) -> Objects.requireNonNull(value, "value").doubleValue()).toArray();
	}

}
