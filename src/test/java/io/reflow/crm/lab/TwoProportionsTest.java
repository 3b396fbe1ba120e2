package io.reflow.crm.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The two-proportion test. Intervals: the four-decimal values of method 10 in table II of
 * Newcombe (1998) and, to twelve digits, a Python implementation of his formulas. z and
 * p: a Python implementation of the pooled z-test, whose p-values agree with SciPy's
 * {@code chi2_contingency(table, correction=False)} (R's {@code prop.test(correct =
 * FALSE)}).
 */
class TwoProportionsTest {

	@ParameterizedTest
	@CsvSource({ "56, 70, 48, 80, 0.0524, 0.3339, 0.0524314724023649, 0.3338726540369059",
			"9, 10, 3, 10, 0.1705, 0.8090, 0.17052272393450307, 0.809017973535488",
			"6, 7, 2, 7, 0.0582, 0.8062, 0.058227927482312314, 0.8062496375242276",
			"5, 56, 0, 29, -0.0381, 0.1926, -0.03813714790353688, 0.1925600138551116",
			"0, 10, 0, 20, -0.1611, 0.2775, -0.16112515805281932, 0.27753279986288915",
			"0, 10, 0, 10, -0.2775, 0.2775, -0.27753279986288915, 0.27753279986288915",
			"10, 10, 0, 20, 0.6791, 1.0000, 0.6790860371419147, 1.0",
			"10, 10, 0, 10, 0.6075, 1.0000, 0.6075093504305242, 1.0" })
	void shouldReproduceNewcombesHybridScoreIntervals(long x1, long n1, long x2, long n2, double publishedLower,
			double publishedUpper, double lower, double upper) {
		TwoProportions.Result result = TwoProportions.test(x1, n1, x2, n2);
		assertThat(result.lower()).isCloseTo(publishedLower, within(0.00005));
		assertThat(result.upper()).isCloseTo(publishedUpper, within(0.00005));
		assertThat(result.lower()).isCloseTo(lower, within(1e-12));
		assertThat(result.upper()).isCloseTo(upper, within(1e-12));
		assertThat(result.confidence()).isEqualTo(0.95);
	}

	@ParameterizedTest
	@CsvSource({ "56, 70, 48, 80, 2.6501719512585336, 0.008045081368196563, SIGNIFICANT",
			"9, 10, 3, 10, 2.738612787525831, 0.006169899320544153, SIGNIFICANT",
			"5, 56, 0, 29, 1.6586488692392285, 0.09718656817057973, NOT_SIGNIFICANT",
			"10, 10, 0, 20, 5.47722557505166, 4.3204630578275173e-08, SIGNIFICANT",
			"120, 1000, 90, 1000, 2.1882658846227234, 0.028650240398448466, SIGNIFICANT",
			"30, 200, 31, 210, 0.0677157436428625, 0.9460119164639383, NOT_SIGNIFICANT" })
	void shouldComputeThePooledZTest(long x1, long n1, long x2, long n2, double z, double pValue,
			Significance significance) {
		TwoProportions.Result result = TwoProportions.test(x1, n1, x2, n2);
		assertThat(result.p1()).isEqualTo((double) x1 / n1);
		assertThat(result.p2()).isEqualTo((double) x2 / n2);
		assertThat(result.difference()).isCloseTo((double) x1 / n1 - (double) x2 / n2, within(1e-15));
		assertThat(result.z()).isCloseTo(z, withinPercentage(1e-10));
		assertThat(result.pValue()).isCloseTo(pValue, withinPercentage(1e-8));
		assertThat(result.significance()).isEqualTo(significance);
		assertThat(result.testable()).isTrue();
	}

	@Test
	void shouldBeSymmetricInTheSamples() {
		TwoProportions.Result forward = TwoProportions.test(56, 70, 48, 80);
		TwoProportions.Result backward = TwoProportions.test(48, 80, 56, 70);
		assertThat(backward.z()).isEqualTo(-forward.z());
		assertThat(backward.pValue()).isEqualTo(forward.pValue());
		assertThat(backward.lower()).isCloseTo(-forward.upper(), within(1e-15));
		assertThat(backward.upper()).isCloseTo(-forward.lower(), within(1e-15));
	}

	@Test
	void shouldGivePValueOneWhenBothProportionsAreZeroOrOne() {
		for (TwoProportions.Result result : new TwoProportions.Result[] { TwoProportions.test(0, 10, 0, 20),
				TwoProportions.test(10, 10, 20, 20) }) {
			assertThat(result.testable()).isTrue();
			assertThat(result.difference()).isZero();
			assertThat(result.z()).isZero();
			assertThat(result.pValue()).isEqualTo(1);
			assertThat(result.significance()).isEqualTo(Significance.NOT_SIGNIFICANT);
			assertThat(result.upper() - result.lower()).isGreaterThan(0.4);
		}
	}

	@Test
	void shouldNotTestASampleWithoutTrials() {
		TwoProportions.Result result = TwoProportions.test(3, 12, 0, 0);
		assertThat(result.testable()).isFalse();
		assertThat(result.p1()).isEqualTo(0.25);
		assertThat(result.p2()).isNaN();
		assertThat(result.difference()).isNaN();
		assertThat(result.z()).isNaN();
		assertThat(result.pValue()).isNaN();
		assertThat(result.lower()).isNaN();
		assertThat(result.upper()).isNaN();
		assertThat(result.significance()).isEqualTo(Significance.NOT_TESTABLE);
		assertThat(TwoProportions.test(0, 0, 0, 0).testable()).isFalse();
	}

	@Test
	void shouldHonourTheConfidenceLevel() {
		TwoProportions.Result result = TwoProportions.test(56, 70, 48, 80, 0.90);
		assertThat(result.lower()).isCloseTo(0.07656419154407199, within(1e-12));
		assertThat(result.upper()).isCloseTo(0.3136445835829438, within(1e-12));
		assertThat(result.confidence()).isEqualTo(0.90);
	}

	@Test
	void shouldComputeWilsonIntervals() {
		// 0 of 10 at 95 %: [0, z^2 / (10 + z^2)] = [0, 0.2775]
		double z = Normal.quantile(0.975);
		assertThat(TwoProportions.wilson(0, 10, z)).containsExactly(new double[] { 0, 0.27753279986288915 },
				within(1e-12));
		assertThat(TwoProportions.wilson(10, 10, z)).containsExactly(new double[] { 0.72246720013711085, 1 },
				within(1e-12));
		assertThat(TwoProportions.wilson(5, 10, z)[0] + TwoProportions.wilson(5, 10, z)[1]).isCloseTo(1, within(1e-15));
	}

	@Test
	void shouldRejectImpossibleCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> TwoProportions.test(11, 10, 0, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> TwoProportions.test(-1, 10, 0, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> TwoProportions.test(1, 10, 0, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> TwoProportions.test(1, 10, 0, 10, 1.0));
		assertThatIllegalArgumentException().isThrownBy(() -> TwoProportions.test(1, 10, 0, 10, 0));
	}

}
