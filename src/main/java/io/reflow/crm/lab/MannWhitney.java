package io.reflow.crm.lab;

import java.util.Collection;
import java.util.Objects;

/**
 * The two-sided Mann-Whitney U test (Wilcoxon rank-sum test) of two independent samples,
 * such as the cycle times of two process versions, with two effect sizes.
 * <p>
 * Both samples are ranked together, tied values getting the mean of their ranks
 * (mid-ranks). {@code U} is the statistic of the first sample,
 * {@code U1 = R1 - n1(n1+1)/2} with {@code R1} its rank sum (R's {@code W}); it counts
 * the pairs in which the first sample's value is larger, ties counting one half. The
 * p-value uses the normal approximation with tie and continuity correction, as R's
 * {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)} and SciPy's
 * {@code mannwhitneyu(x, y, method="asymptotic")}: <pre>
 * sigma^2 = n1 n2 / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1)))   N = n1 + n2, t = size of each tie group
 * z       = (U1 - n1 n2 / 2 - sign(U1 - n1 n2 / 2) / 2) / sigma
 * p       = 2 P(Z &gt;= |z|)
 * </pre> (Hollander, Wolfe &amp; Chicken, Nonparametric Statistical Methods, 3rd ed.,
 * 4.1; Lehmann, Nonparametrics, ch. 1). If all values are equal, {@code sigma = 0} and
 * the samples are indistinguishable: {@code z = 0}, {@code p = 1}.
 * <p>
 * Effect sizes: the probability of superiority {@code U1 / (n1 n2)} = P(X &gt; Y) + P(X =
 * Y)/2 (the common-language effect size of McGraw &amp; Wong 1992, also called A or the
 * AUC; 0.5 means no tendency) and the Hodges-Lehmann shift estimate, the median of all
 * {@code n1 n2} differences {@code x_i - y_j} (Hodges &amp; Lehmann 1963; positive when
 * the first sample tends to be larger). The median is exact for any sample size without
 * listing the pairs: each of the (at most two) middle order statistics is found by
 * bisection over the ordered doubles, at most 64 steps each counting the differences
 * below a bound in O(n1 + n2) on the sorted samples.
 * <p>
 * A sample with fewer than {@value #MIN_SAMPLE_SIZE} values is not testable (a single
 * value has no spread to compare): the result then has {@code testable = false} and a NaN
 * {@code z} and p-value; U and the effect sizes are still given when neither sample is
 * empty, else NaN. The normal approximation is rough below about ten values per sample
 * and may err either way: with U = 0 it gives p = 0.081 for 3 against 3 (exact test
 * 0.100) and p = 0.030 for 4 against 4 (exact 0.029).
 */
public final class MannWhitney {

	/** The smallest sample size that is tested. */
	public static final int MIN_SAMPLE_SIZE = 2;

	private MannWhitney() {
	}

	/**
	 * Test two samples of finite values.
	 * @throws IllegalArgumentException if a value is NaN or infinite
	 */
	public static Result test(double[] first, double[] second) {
		double[] x = Quantiles.sortedCopy(Objects.requireNonNull(first, "first"));
		double[] y = Quantiles.sortedCopy(Objects.requireNonNull(second, "second"));
		int n1 = x.length;
		int n2 = y.length;
		if (n1 == 0 || n2 == 0) {
			return new Result(n1, n2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
		}
		double rankSum = 0;
		double tieTerm = 0;
		boolean allTied = false;
		int i = 0;
		int j = 0;
		long below = 0;
		while (i < n1 || j < n2) {
			double value = (j == n2 || (i < n1 && x[i] <= y[j])) ? x[i] : y[j];
			int inFirst = 0;
			while (i < n1 && x[i] == value) {
				i++;
				inFirst++;
			}
			int inSecond = 0;
			while (j < n2 && y[j] == value) {
				j++;
				inSecond++;
			}
			long tied = inFirst + inSecond;
			rankSum += inFirst * (below + (tied + 1) / 2.0);
			tieTerm += (double) tied * tied * tied - tied;
			allTied = (tied == n1 + n2);
			below += tied;
		}
		double pairs = (double) n1 * n2;
		double u = rankSum - n1 * (n1 + 1.0) / 2;
		double shift = hodgesLehmann(x, y);
		if (n1 < MIN_SAMPLE_SIZE || n2 < MIN_SAMPLE_SIZE) {
			return new Result(n1, n2, u, Double.NaN, Double.NaN, u / pairs, shift, false);
		}
		if (allTied) {
			return new Result(n1, n2, u, 0, 1, u / pairs, shift, true);
		}
		double n = n1 + (double) n2;
		double sigma = Math.sqrt(pairs / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
		double deviation = u - pairs / 2;
		double z = (deviation - Math.signum(deviation) * 0.5) / sigma;
		return new Result(n1, n2, u, z, Normal.twoSidedP(z), u / pairs, shift, true);
	}

	/**
	 * Test two samples of finite values.
	 * @throws IllegalArgumentException if a value is NaN or infinite
	 */
	public static Result test(Collection<? extends Number> first, Collection<? extends Number> second) {
		return test(Quantiles.toArray(first), Quantiles.toArray(second));
	}

	/**
	 * The median of the differences {@code x[i] - y[j]} of two non-empty sorted samples.
	 */
	static double hodgesLehmann(double[] x, double[] y) {
		long pairs = (long) x.length * y.length;
		long middle = (pairs + 1) / 2;
		double lower = smallestDifference(x, y, middle);
		if (pairs % 2 == 1) {
			return lower;
		}
		double upper = smallestDifference(x, y, middle + 1);
		return lower + (upper - lower) / 2;
	}

	/**
	 * The k-th smallest (from 1) of the differences {@code x[i] - y[j]}: the smallest
	 * double {@code d} with at least k differences {@code <= d}, found by bisection over
	 * the doubles in their order.
	 */
	private static double smallestDifference(double[] x, double[] y, long k) {
		long low = orderKey(x[0] - y[y.length - 1]);
		long high = orderKey(x[x.length - 1] - y[0]);
		while (low < high) {
			// floor of the mean without overflow
			long middle = (low & high) + ((low ^ high) >> 1);
			if (countAtMost(x, y, fromOrderKey(middle)) >= k) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		// + 0.0 turns a -0.0 into 0.0
		return fromOrderKey(high) + 0.0;
	}

	/**
	 * The number of pairs with {@code x[i] - y[j] <= bound}. For each i these are the j
	 * from some start on, and the start does not move back as i grows.
	 */
	private static long countAtMost(double[] x, double[] y, double bound) {
		long count = 0;
		int j = 0;
		for (double value : x) {
			while (j < y.length && value - y[j] > bound) {
				j++;
			}
			count += y.length - j;
		}
		return count;
	}

	/** A long that orders like the double (for finite doubles, -0.0 just before 0.0). */
	private static long orderKey(double value) {
		long bits = Double.doubleToLongBits(value);
		return (bits >= 0) ? bits : bits ^ Long.MAX_VALUE;
	}

	private static double fromOrderKey(long key) {
		return Double.longBitsToDouble((key >= 0) ? key : key ^ Long.MAX_VALUE);
	}

	/**
	 * The outcome of a test.
	 *
	 * @param n1 the size of the first sample
	 * @param n2 the size of the second sample
	 * @param u the U statistic of the first sample (NaN if a sample is empty)
	 * @param z the standardised statistic with continuity correction, positive when the
	 * first sample tends to be larger (NaN if not testable)
	 * @param pValue the two-sided p-value (NaN if not testable)
	 * @param probabilityOfSuperiority {@code U / (n1 n2)}: P(X &gt; Y) + P(X = Y)/2 for X
	 * from the first and Y from the second sample (NaN if a sample is empty)
	 * @param hodgesLehmann the median of the differences first minus second (NaN if a
	 * sample is empty)
	 * @param testable whether both samples have at least
	 * {@value MannWhitney#MIN_SAMPLE_SIZE} values
	 */
	public record Result(int n1, int n2, double u, double z, double pValue, double probabilityOfSuperiority,
			double hodgesLehmann, boolean testable) {

		/**
		 * The rank-biserial correlation {@code 2 U / (n1 n2) - 1} in [-1, 1] (Kerby
		 * 2014), positive when the first sample tends to be larger.
		 */
		public double rankBiserial() {
			return 2 * this.probabilityOfSuperiority - 1;
		}

		/** The significance at {@link Significance#DEFAULT_ALPHA}. */
		public Significance significance() {
			return Significance.of(this.pValue);
		}

		/** The significance at a level alpha. */
		public Significance significance(double alpha) {
			return Significance.of(this.pValue, alpha);
		}

	}

}
