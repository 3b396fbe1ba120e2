package io.reflow.crm.lab;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Quantiles by definition 7 of Hyndman &amp; Fan; the expected values are those of
 * {@code numpy.quantile(values, p)} (method "linear", the same definition as R's
 * default).
 */
class QuantilesTest {

	private static final double[] ONE_TO_TEN = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	@Test
	void shouldInterpolateMedianAndP90OfOneToTen() {
		assertThat(Quantiles.median(ONE_TO_TEN)).isCloseTo(5.5, within(1e-12));
		assertThat(Quantiles.quantile(ONE_TO_TEN, 0.9)).isCloseTo(9.1, within(1e-12));
		assertThat(Quantiles.quantile(ONE_TO_TEN, 0)).isEqualTo(1);
		assertThat(Quantiles.quantile(ONE_TO_TEN, 1)).isEqualTo(10);
	}

	@Test
	void shouldTakeListsAsWell() {
		List<Double> values = List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
		assertThat(Quantiles.median(values)).isCloseTo(5.5, within(1e-12));
		assertThat(Quantiles.quantile(values, 0.9)).isCloseTo(9.1, within(1e-12));
		assertThat(Quantiles.median(List.of(3L, 1L, 2L))).isEqualTo(2);
	}

	@Test
	void shouldMatchNumpyOnAnUnsortedSampleWithTies() {
		double[] values = { 7.5, 3.0, 3.0, 12.25, 1.0, 9.0, 3.0 };
		double[] quantiles = Quantiles.quantiles(values, 0, 0.1, 0.25, 0.5, 0.9, 0.99, 1);
		assertThat(quantiles[0]).isEqualTo(1.0);
		assertThat(quantiles[1]).isCloseTo(2.2, within(1e-12));
		assertThat(quantiles[2]).isCloseTo(3.0, within(1e-12));
		assertThat(quantiles[3]).isCloseTo(3.0, within(1e-12));
		assertThat(quantiles[4]).isCloseTo(10.3, within(1e-12));
		assertThat(quantiles[5]).isCloseTo(12.055, within(1e-12));
		assertThat(quantiles[6]).isEqualTo(12.25);
		assertThat(values).containsExactly(7.5, 3.0, 3.0, 12.25, 1.0, 9.0, 3.0);
	}

	@Test
	void shouldMatchNumpyOnALargeSample() {
		assertThat(Quantiles.median(MannWhitneyTest.largeFirst())).isCloseTo(625.9375, within(1e-9));
		assertThat(Quantiles.quantile(MannWhitneyTest.largeFirst(), 0.9)).isCloseTo(1125.8625, within(1e-9));
	}

	@Test
	void shouldReturnTheOnlyValueOfASingleton() {
		assertThat(Quantiles.median(new double[] { 4.2 })).isEqualTo(4.2);
		assertThat(Quantiles.quantile(new double[] { 4.2 }, 0.9)).isEqualTo(4.2);
		assertThat(Quantiles.median(new double[] { 4, 6 })).isEqualTo(5);
	}

	@Test
	void shouldReturnNaNForAnEmptySample() {
		assertThat(Quantiles.median(new double[0])).isNaN();
		assertThat(Quantiles.quantile(List.<Double>of(), 0.9)).isNaN();
		assertThat(Quantiles.quantiles(new double[0], 0.5, 0.9)).containsExactly(Double.NaN, Double.NaN);
	}

	@Test
	void shouldRejectBadProbabilitiesAndValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.quantile(ONE_TO_TEN, 90));
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.quantile(ONE_TO_TEN, -0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.quantile(ONE_TO_TEN, Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.median(new double[] { 1, Double.NaN }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Quantiles.median(new double[] { 1, Double.POSITIVE_INFINITY }));
	}

}
