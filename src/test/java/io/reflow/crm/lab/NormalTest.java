package io.reflow.crm.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The normal distribution against published table values and 40-digit references computed
 * with mpmath ({@code mpmath.ncdf}, {@code mpmath.erfc}, {@code erfinv}).
 */
class NormalTest {

	@Test
	void shouldMatchTheTextbookTableValues() {
		assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021, within(1e-7));
		assertThat(Normal.cdf(-1)).isCloseTo(0.1586553, within(1e-7));
		assertThat(Normal.cdf(3)).isCloseTo(0.9986501, within(1e-7));
		assertThat(Normal.cdf(0)).isEqualTo(0.5);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0.5", "0.1, 0.53982783727702898", "1, 0.84134474606854295", "-1, 0.15865525393145705",
			"1.96, 0.97500210485177956", "-1.96, 0.024997895148220436", "3, 0.99865010196836991",
			"-3, 0.0013498980316300945", "-5, 2.8665157187919391e-7", "-10, 7.6198530241605261e-24",
			"-20, 2.7536241186062337e-89", "-37, 5.7255712225245768e-300" })
	void shouldComputeTheDistributionFunctionToTwelveDigits(double z, double expected) {
		assertThat(Normal.cdf(z)).isCloseTo(expected, withinPercentage(1e-10));
		assertThat(Normal.upperTail(-z)).isCloseTo(expected, withinPercentage(1e-10));
	}

	@Test
	void shouldKeepTheUpperTailAccurateWhereOneMinusCdfCancels() {
		assertThat(Normal.upperTail(8)).isCloseTo(6.2209605742717841e-16, withinPercentage(1e-10));
		assertThat(Normal.upperTail(3)).isCloseTo(0.0013498980316300945, withinPercentage(1e-10));
		assertThat(Normal.cdf(40)).isEqualTo(1);
		assertThat(Normal.upperTail(40)).isZero();
	}

	@Test
	void shouldBeSymmetric() {
		for (double z = -8; z <= 8; z += 0.137) {
			assertThat(Normal.cdf(z) + Normal.cdf(-z)).as("z = %s", z).isCloseTo(1, within(1e-15));
			assertThat(Normal.cdf(z) + Normal.upperTail(z)).as("z = %s", z).isCloseTo(1, within(1e-15));
		}
	}

	@Test
	void shouldGiveTwoSidedPValues() {
		assertThat(Normal.twoSidedP(1.96)).isCloseTo(2 * 0.024997895148220436, withinPercentage(1e-10));
		assertThat(Normal.twoSidedP(-1.96)).isCloseTo(2 * 0.024997895148220436, withinPercentage(1e-10));
		assertThat(Normal.twoSidedP(0)).isEqualTo(1);
		assertThat(Normal.twoSidedP(Double.POSITIVE_INFINITY)).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "0, 1.0", "0.5, 0.47950012218695346", "1, 0.15729920705028513", "2, 0.0046777349810472658",
			"3, 2.2090496998585441e-5", "5, 1.5374597944280349e-12", "10, 2.0884875837625448e-45",
			"26, 5.6631924088561428e-296", "-1, 1.8427007929497149" })
	void shouldComputeTheComplementaryErrorFunction(double x, double expected) {
		assertThat(Normal.erfc(x)).isCloseTo(expected, withinPercentage(1e-10));
	}

	@Test
	void shouldHandleInfinityAndNaN() {
		assertThat(Normal.erfc(Double.POSITIVE_INFINITY)).isZero();
		assertThat(Normal.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2);
		assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
		assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
		assertThat(Normal.pdf(Double.POSITIVE_INFINITY)).isZero();
		assertThat(Normal.cdf(Double.NaN)).isNaN();
		assertThat(Normal.pdf(Double.NaN)).isNaN();
	}

	@Test
	void shouldComputeTheDensity() {
		assertThat(Normal.pdf(0)).isCloseTo(0.39894228040143268, withinPercentage(1e-12));
		assertThat(Normal.pdf(1)).isCloseTo(0.24197072451914335, withinPercentage(1e-12));
		assertThat(Normal.pdf(-1)).isEqualTo(Normal.pdf(1));
	}

	@ParameterizedTest
	@CsvSource({ "0.975, 1.9599639845400539", "0.025, -1.9599639845400542", "0.9, 1.2815515655446006",
			"0.995, 2.5758293035489005", "0.3, -0.52440051270804082", "1e-10, -6.3613409024040562",
			"1e-300, -37.047096299361199" })
	void shouldInvertTheDistributionFunction(double probability, double expected) {
		assertThat(Normal.quantile(probability)).isCloseTo(expected, withinPercentage(1e-11));
	}

	@Test
	void shouldInvertItsOwnDistributionFunction() {
		assertThat(Normal.quantile(0.5)).isZero();
		assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
		// lower tail only: near 1 a double cannot hold cdf(z) precisely enough to invert
		// it
		for (double z = -30; z < 0; z += 0.25) {
			assertThat(Normal.quantile(Normal.cdf(z))).as("z = %s", z).isCloseTo(z, withinPercentage(1e-10));
		}
	}

	@Test
	void shouldRejectProbabilitiesOutsideTheUnitInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> Normal.quantile(-0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> Normal.quantile(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> Normal.quantile(Double.NaN));
	}

}
