package io.reflow.crm.lab;

/**
 * Whether a test's p-value shows a statistically meaningful difference at a significance
 * level alpha (0.05 unless told otherwise).
 * <p>
 * A difference is {@link #SIGNIFICANT} when {@code p <= alpha}, the usual reading of a
 * p-value as the smallest level at which the null hypothesis is rejected (Lehmann &amp;
 * Romano, Testing Statistical Hypotheses, 3rd ed., 3.3); a NaN p-value, which the tests
 * in this package return when a sample is too small to test, is {@link #NOT_TESTABLE}.
 * Significance says nothing about size: read it together with the effect (difference of
 * proportions, shift estimate) and its interval.
 */
public enum Significance {

	/** The p-value is at or below alpha. */
	SIGNIFICANT,

	/** The p-value is above alpha. */
	NOT_SIGNIFICANT,

	/** No p-value: a sample was empty or too small. */
	NOT_TESTABLE;

	/** The significance level used when none is given. */
	public static final double DEFAULT_ALPHA = 0.05;

	/** The significance of a p-value (NaN for none) at {@link #DEFAULT_ALPHA}. */
	public static Significance of(double pValue) {
		return of(pValue, DEFAULT_ALPHA);
	}

	/**
	 * The significance of a p-value (NaN for none) at a level alpha.
	 * @throws IllegalArgumentException unless {@code 0 < alpha < 1} and the p-value is
	 * NaN or in [0, 1]
	 */
	public static Significance of(double pValue, double alpha) {
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
		}
		if (Double.isNaN(pValue)) {
			return NOT_TESTABLE;
		}
		if (!(pValue >= 0 && pValue <= 1)) {
			throw new IllegalArgumentException("p-value must be in [0, 1]: " + pValue);
		}
		return (pValue <= alpha) ? SIGNIFICANT : NOT_SIGNIFICANT;
	}

	/** Whether this is {@link #SIGNIFICANT}. */
	public boolean isSignificant() {
		return this == SIGNIFICANT;
	}

}
