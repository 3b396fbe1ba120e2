package io.reflow.crm.lab;

/**
 * The standard normal distribution: density, distribution function, upper tail, two-sided
 * p-value and quantile, and the complementary error function they rest on.
 * <p>
 * {@code erfc(x)} for {@code 0 <= x < 2} is {@code 1 - erf(x)} with erf summed from the
 * series {@code erf(x) = 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1))}
 * (Abramowitz &amp; Stegun 7.1.6; all terms are positive, so nothing cancels), and for
 * {@code x >= 2} the continued fraction
 * {@code erfc(x) = e^(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}
 * (A&amp;S 7.1.14), evaluated with the modified Lentz method (Numerical Recipes, 3rd ed.,
 * 5.2); {@code erfc(-x) = 2 - erfc(x)}. {@code e^(-x^2)} is taken in two factors so that
 * the rounding of {@code x^2} costs no accuracy in the far tail. Against 40-digit
 * reference values (mpmath) the relative error of {@link #erfc}, {@link #cdf} and
 * {@link #upperTail} is below 1e-12 wherever the result is a normal double (absolute
 * error below 1e-15), far better than the 1e-7 a p-value needs; for example
 * {@code cdf(1.96) = 0.9750021048517795}, {@code cdf(-1) = 0.15865525393145707},
 * {@code cdf(3) = 0.9986501019683699}.
 * <p>
 * {@link #quantile} refines the starting value of A&amp;S 26.2.23 (absolute error below
 * 4.5e-4) with Halley steps on {@link #cdf} until they stop changing it.
 */
public final class Normal {

	private static final double SQRT_PI = Math.sqrt(Math.PI);

	private static final double SQRT_2 = Math.sqrt(2);

	private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

	/** Below it erfc sums the series, from it on the continued fraction. */
	private static final double SERIES_LIMIT = 2;

	/** erfc(x) underflows to 0 beyond it (erfc(27.3) is about 1e-325). */
	private static final double ERFC_UNDERFLOW = 27.3;

	private Normal() {
	}

	/** The density {@code e^(-z^2/2) / sqrt(2 pi)}. */
	public static double pdf(double z) {
		return expMinusSquare(Math.abs(z) / SQRT_2) / SQRT_2PI;
	}

	/** The distribution function {@code P(Z <= z)}. */
	public static double cdf(double z) {
		return 0.5 * erfc(-z / SQRT_2);
	}

	/**
	 * The upper tail {@code P(Z > z) = 1 - cdf(z)}, without the cancellation of 1 - cdf.
	 */
	public static double upperTail(double z) {
		return 0.5 * erfc(z / SQRT_2);
	}

	/** The two-sided p-value {@code P(|Z| >= |z|)} of a standard normal statistic. */
	public static double twoSidedP(double z) {
		return Math.min(1, erfc(Math.abs(z) / SQRT_2));
	}

	/**
	 * The quantile (inverse distribution function): the {@code z} with
	 * {@code cdf(z) = probability}; minus or plus infinity for 0 or 1.
	 * @throws IllegalArgumentException unless {@code 0 <= probability <= 1}
	 */
	public static double quantile(double probability) {
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
		}
		if (probability > 0.5) {
			// 1 - probability is exact here
			return -quantile(1 - probability);
		}
		if (probability == 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (probability == 0.5) {
			return 0;
		}
		double t = Math.sqrt(-2 * Math.log(probability));
		double z = -(t
				- (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
		for (int i = 0; i < 10; i++) {
			double density = pdf(z);
			if (density == 0) {
				break;
			}
			double u = (cdf(z) - probability) / density;
			double step = u / (1 + z * u / 2);
			z -= step;
			if (Math.abs(step) <= 1e-15 * Math.abs(z)) {
				break;
			}
		}
		return z;
	}

	/**
	 * The complementary error function
	 * {@code erfc(x) = 2/sqrt(pi) int_x^inf e^(-t^2) dt}.
	 */
	public static double erfc(double x) {
		if (Double.isNaN(x)) {
			return x;
		}
		if (x < 0) {
			return 2 - erfc(-x);
		}
		if (x >= ERFC_UNDERFLOW) {
			return 0;
		}
		if (x < SERIES_LIMIT) {
			return 1 - 2 / SQRT_PI * expMinusSquare(x) * erfSeries(x);
		}
		return expMinusSquare(x) / (SQRT_PI * continuedFraction(x));
	}

	/** The sum of A&S 7.1.6 without its factor {@code 2/sqrt(pi) e^(-x^2)}. */
	private static double erfSeries(double x) {
		double square = x * x;
		double term = x;
		double sum = x;
		for (int n = 1; term > 1e-17 * sum; n++) {
			term *= 2 * square / (2 * n + 1);
			sum += term;
		}
		return sum;
	}

	/**
	 * {@code x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...)))} for {@code x >= 2}, by modified
	 * Lentz.
	 */
	private static double continuedFraction(double x) {
		double f = x;
		double c = x;
		double d = 0;
		for (int k = 1; k < 500; k++) {
			double a = k / 2.0;
			// for x >= 2 neither c nor d can come near 0, so Lentz's guard against 0 is
			// moot
			d = 1 / (x + a * d);
			c = x + a / c;
			double delta = c * d;
			f *= delta;
			if (Math.abs(delta - 1) < 1e-16) {
				break;
			}
		}
		return f;
	}

	/**
	 * {@code e^(-x^2)} for {@code x >= 0} as {@code e^(-s^2) e^(-(x-s)(x+s))} with
	 * {@code s} = x rounded down to a sixteenth, so {@code s^2} is exact. NaN stays NaN.
	 */
	private static double expMinusSquare(double x) {
		if (x > 40) {
			// e^(-1600) underflows; this also keeps infinity out of the split below
			return 0;
		}
		double s = Math.floor(x * 16) / 16;
		return Math.exp(-s * s) * Math.exp(-(x - s) * (x + s));
	}

}
