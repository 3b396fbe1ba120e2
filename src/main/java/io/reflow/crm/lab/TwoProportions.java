package io.reflow.crm.lab;

/**
 * The two-sided z-test of two independent proportions, such as the share of instances of
 * two process versions that breach their SLA, with a confidence interval of the
 * difference.
 * <p>
 * With {@code p1 = x1/n1}, {@code p2 = x2/n2} and the pooled proportion
 * {@code p = (x1 + x2)/(n1 + n2)}, the statistic is
 * {@code z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))} and the p-value
 * {@code 2 P(Z >= |z|)}, without continuity correction: the same p-value as R's
 * {@code prop.test(c(x1, x2), c(n1, n2), correct = FALSE)}, whose chi-square is
 * {@code z^2} (Agresti, Categorical Data Analysis, 3rd ed., ch. 2-3). When both
 * proportions are 0, or both 1, the pooled standard error is 0 and the samples cannot
 * differ: {@code z = 0}, {@code p = 1}. The approximation wants roughly five successes
 * and five failures in each sample.
 * <p>
 * The confidence interval of {@code p1 - p2} is Newcombe's hybrid score interval (method
 * 10 of R. G. Newcombe, "Interval estimation for the difference between independent
 * proportions", Statistics in Medicine 17 (1998) 873-890), built from the Wilson score
 * intervals {@code [l1, u1]}, {@code [l2, u2]} of the two proportions:
 * {@code [d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)]}.
 * Unlike the Wald interval it stays inside [-1, 1], holds its coverage for small samples
 * and proportions near 0 or 1, and does not collapse to a point when a proportion is 0 or
 * 1; for example 56/70 against 48/80 gives [0.0524, 0.3339] and 0/10 against 0/20 gives
 * [-0.1611, 0.2775] (Newcombe's table II).
 * <p>
 * A sample without trials is not testable: the result has {@code testable = false} and
 * NaN for everything that needs that sample.
 */
public final class TwoProportions {

	/** The confidence level of the interval when none is given. */
	public static final double DEFAULT_CONFIDENCE = 0.95;

	private TwoProportions() {
	}

	/**
	 * Test {@code x1} successes in {@code n1} trials against {@code x2} in {@code n2},
	 * with a 95 % interval.
	 * @throws IllegalArgumentException unless {@code 0 <= x <= n} for both samples
	 */
	public static Result test(long x1, long n1, long x2, long n2) {
		return test(x1, n1, x2, n2, DEFAULT_CONFIDENCE);
	}

	/**
	 * Test {@code x1} successes in {@code n1} trials against {@code x2} in {@code n2},
	 * with an interval at a confidence level in (0, 1).
	 * @throws IllegalArgumentException unless {@code 0 <= x <= n} for both samples and
	 * {@code 0 < confidence < 1}
	 */
	public static Result test(long x1, long n1, long x2, long n2, double confidence) {
		checkCounts(x1, n1);
		checkCounts(x2, n2);
		if (!(confidence > 0 && confidence < 1)) {
			throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
		}
		double p1 = (n1 > 0) ? (double) x1 / n1 : Double.NaN;
		double p2 = (n2 > 0) ? (double) x2 / n2 : Double.NaN;
		if (n1 == 0 || n2 == 0) {
			return new Result(x1, n1, x2, n2, p1, p2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
					confidence, false);
		}
		double difference = p1 - p2;
		double z = 0;
		double pValue = 1;
		long x = x1 + x2;
		long n = n1 + n2;
		if (x > 0 && x < n) {
			double pooled = (double) x / n;
			z = difference / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
			pValue = Normal.twoSidedP(z);
		}
		double quantile = Normal.quantile((1 + confidence) / 2);
		double[] wilson1 = wilson(x1, n1, quantile);
		double[] wilson2 = wilson(x2, n2, quantile);
		double lower = difference - Math.hypot(p1 - wilson1[0], wilson2[1] - p2);
		double upper = difference + Math.hypot(wilson1[1] - p1, p2 - wilson2[0]);
		return new Result(x1, n1, x2, n2, p1, p2, difference, z, pValue, Math.max(-1, lower), Math.min(1, upper),
				confidence, true);
	}

	/**
	 * The Wilson score interval {lower, upper} of {@code x} successes in {@code n > 0}
	 * trials for the normal quantile {@code z}: the p with
	 * {@code |x/n - p| <= z sqrt(p (1 - p) / n)} (E. B. Wilson, JASA 22 (1927) 209-212).
	 */
	static double[] wilson(long x, long n, double z) {
		double square = z * z;
		double centre = x + square / 2;
		double halfWidth = z * Math.sqrt((double) x * (n - x) / n + square / 4);
		double denominator = n + square;
		double lower = (x == 0) ? 0 : Math.max(0, (centre - halfWidth) / denominator);
		double upper = (x == n) ? 1 : Math.min(1, (centre + halfWidth) / denominator);
		return new double[] { lower, upper };
	}

	private static void checkCounts(long successes, long trials) {
		if (trials < 0 || successes < 0 || successes > trials) {
			throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
		}
	}

	/**
	 * The outcome of a test.
	 *
	 * @param x1 successes in the first sample
	 * @param n1 trials in the first sample
	 * @param x2 successes in the second sample
	 * @param n2 trials in the second sample
	 * @param p1 {@code x1 / n1} (NaN without trials)
	 * @param p2 {@code x2 / n2} (NaN without trials)
	 * @param difference {@code p1 - p2} (NaN if not testable)
	 * @param z the pooled z statistic, positive when {@code p1 > p2} (NaN if not
	 * testable)
	 * @param pValue the two-sided p-value (NaN if not testable)
	 * @param lower the lower bound of Newcombe's interval of the difference (NaN if not
	 * testable)
	 * @param upper the upper bound of Newcombe's interval of the difference (NaN if not
	 * testable)
	 * @param confidence the confidence level of the interval
	 * @param testable whether both samples have trials
	 */
	public record Result(long x1, long n1, long x2, long n2, double p1, double p2, double difference, double z,
			double pValue, double lower, double upper, double confidence, boolean testable) {

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
