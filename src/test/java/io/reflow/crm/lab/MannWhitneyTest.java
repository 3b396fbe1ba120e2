package io.reflow.crm.lab;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The Mann-Whitney test against R's {@code wilcox.test(x, y, exact = FALSE, correct =
 * TRUE)}: U, z and p were computed with a textbook Python implementation (mid-ranks, tie
 * and continuity correction, 40-digit erfc) and agree with SciPy's
 * {@code mannwhitneyu(x, y, method="asymptotic")}; the Hodges-Lehmann estimates are
 * {@code numpy.median} of all pairwise differences.
 */
class MannWhitneyTest {

	@Test
	void shouldReproduceTheDepressionExampleOfRsDocumentation() {
		// ?wilcox.test (Hollander & Wolfe): x after, y before therapy; R prints W = 35
		double[] x = { 0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46 };
		double[] y = { 1.15, 0.88, 0.90, 0.74, 1.21 };
		MannWhitney.Result result = MannWhitney.test(x, y);
		assertThat(result.n1()).isEqualTo(10);
		assertThat(result.n2()).isEqualTo(5);
		assertThat(result.u()).isEqualTo(35);
		assertThat(result.z()).isCloseTo(1.1635076278220096, withinPercentage(1e-10));
		assertThat(result.pValue()).isCloseTo(0.24462360512698333, withinPercentage(1e-8));
		assertThat(result.probabilityOfSuperiority()).isCloseTo(0.7, within(1e-15));
		assertThat(result.rankBiserial()).isCloseTo(0.4, within(1e-15));
		assertThat(result.hodgesLehmann()).isCloseTo(0.305, within(1e-12));
		assertThat(result.testable()).isTrue();
		assertThat(result.significance()).isEqualTo(Significance.NOT_SIGNIFICANT);
	}

	@Test
	void shouldUseMidRanksAndTheTieCorrection() {
		MannWhitney.Result result = MannWhitney.test(new double[] { 1, 2, 2, 3, 3, 3, 4 },
				new double[] { 2, 3, 3, 4, 4, 5, 5, 5 });
		assertThat(result.u()).isEqualTo(11);
		assertThat(result.z()).isCloseTo(-1.966516590319034, withinPercentage(1e-10));
		assertThat(result.pValue()).isCloseTo(0.0492389678385534, withinPercentage(1e-8));
		assertThat(result.probabilityOfSuperiority()).isCloseTo(11.0 / 56, within(1e-15));
		assertThat(result.hodgesLehmann()).isEqualTo(-1);
		assertThat(result.significance()).isEqualTo(Significance.SIGNIFICANT);
		assertThat(result.significance(0.01)).isEqualTo(Significance.NOT_SIGNIFICANT);
	}

	@Test
	void shouldFindNoDifferenceBetweenIdenticalSamples() {
		double[] sample = { 1, 2, 3, 4, 5 };
		MannWhitney.Result result = MannWhitney.test(sample, sample.clone());
		assertThat(result.u()).isEqualTo(12.5);
		assertThat(result.z()).isZero();
		assertThat(result.pValue()).isEqualTo(1);
		assertThat(result.probabilityOfSuperiority()).isEqualTo(0.5);
		assertThat(result.hodgesLehmann()).isZero();
		assertThat(result.significance()).isEqualTo(Significance.NOT_SIGNIFICANT);
	}

	@Test
	void shouldGivePValueOneWhenEveryValueIsTied() {
		MannWhitney.Result result = MannWhitney.test(new double[] { 5, 5, 5 }, new double[] { 5, 5 });
		assertThat(result.u()).isEqualTo(3);
		assertThat(result.z()).isZero();
		assertThat(result.pValue()).isEqualTo(1);
		assertThat(result.testable()).isTrue();
		assertThat(result.hodgesLehmann()).isZero();
	}

	@Test
	void shouldFindATinyPValueForSeparatedSamples() {
		double[] fast = new double[30];
		double[] slow = new double[30];
		for (int i = 0; i < 30; i++) {
			fast[i] = i + 1;
			slow[i] = i + 101;
		}
		MannWhitney.Result result = MannWhitney.test(fast, slow);
		assertThat(result.u()).isZero();
		assertThat(result.z()).isCloseTo(-6.64559922588161, withinPercentage(1e-10));
		assertThat(result.pValue()).isCloseTo(3.01985935916215e-11, withinPercentage(1e-8));
		assertThat(result.probabilityOfSuperiority()).isZero();
		assertThat(result.rankBiserial()).isEqualTo(-1);
		assertThat(result.hodgesLehmann()).isEqualTo(-100);
		assertThat(result.significance(0.001)).isEqualTo(Significance.SIGNIFICANT);

		MannWhitney.Result swapped = MannWhitney.test(slow, fast);
		assertThat(swapped.u()).isEqualTo(900);
		assertThat(swapped.z()).isEqualTo(-result.z());
		assertThat(swapped.pValue()).isEqualTo(result.pValue());
		assertThat(swapped.hodgesLehmann()).isEqualTo(100);
	}

	@Test
	void shouldApproximateSmallSamplesAsR() {
		MannWhitney.Result threeByThree = MannWhitney.test(new double[] { 1, 2, 3 }, new double[] { 4, 5, 6 });
		assertThat(threeByThree.z()).isCloseTo(-1.7457431218879391, withinPercentage(1e-10));
		assertThat(threeByThree.pValue()).isCloseTo(0.08085559837005228, withinPercentage(1e-8));
		MannWhitney.Result fourByFour = MannWhitney.test(new double[] { 1, 2, 3, 4 }, new double[] { 5, 6, 7, 8 });
		assertThat(fourByFour.pValue()).isCloseTo(0.030382821976577493, withinPercentage(1e-8));
		MannWhitney.Result twoByTwo = MannWhitney.test(new double[] { 1, 1 }, new double[] { 1, 2 });
		assertThat(twoByTwo.u()).isEqualTo(1);
		assertThat(twoByTwo.z()).isCloseTo(-0.5, within(1e-14));
		assertThat(twoByTwo.pValue()).isCloseTo(0.6170750774519738, withinPercentage(1e-8));
		assertThat(twoByTwo.hodgesLehmann()).isEqualTo(-0.5);
	}

	@Test
	void shouldNotTestASampleOfOneButDescribeIt() {
		MannWhitney.Result result = MannWhitney.test(new double[] { 1 }, new double[] { 2, 3 });
		assertThat(result.testable()).isFalse();
		assertThat(result.z()).isNaN();
		assertThat(result.pValue()).isNaN();
		assertThat(result.significance()).isEqualTo(Significance.NOT_TESTABLE);
		assertThat(result.u()).isZero();
		assertThat(result.probabilityOfSuperiority()).isZero();
		assertThat(result.hodgesLehmann()).isEqualTo(-1.5);
	}

	@Test
	void shouldNotTestAnEmptySample() {
		MannWhitney.Result result = MannWhitney.test(new double[0], new double[] { 2, 3, 4 });
		assertThat(result.n1()).isZero();
		assertThat(result.n2()).isEqualTo(3);
		assertThat(result.testable()).isFalse();
		assertThat(result.u()).isNaN();
		assertThat(result.pValue()).isNaN();
		assertThat(result.hodgesLehmann()).isNaN();
		assertThat(result.significance()).isEqualTo(Significance.NOT_TESTABLE);
	}

	@Test
	void shouldMatchScipyAndNumpyOnLargeSamples() {
		// 1500 x 1200 = 1.8 million pairs
		MannWhitney.Result result = MannWhitney.test(largeFirst(), largeSecond());
		assertThat(result.u()).isEqualTo(849840);
		assertThat(result.z()).isCloseTo(-2.4919842255014104, withinPercentage(1e-10));
		assertThat(result.pValue()).isCloseTo(0.012703167906226156, withinPercentage(1e-8));
		assertThat(result.probabilityOfSuperiority()).isCloseTo(0.47213333333333335, within(1e-15));
		assertThat(result.hodgesLehmann()).isEqualTo(-35.25);
	}

	@Test
	void shouldFindTheExactMedianOfPairwiseDifferences() {
		Random random = new Random(7);
		for (int round = 0; round < 300; round++) {
			double[] x = sample(random, 1 + random.nextInt(40));
			double[] y = sample(random, 1 + random.nextInt(40));
			double[] differences = new double[x.length * y.length];
			int k = 0;
			for (double a : x) {
				for (double b : y) {
					differences[k++] = a - b;
				}
			}
			Arrays.sort(differences);
			int n = differences.length;
			double median = (n % 2 == 1) ? differences[n / 2] : (differences[n / 2 - 1] + differences[n / 2]) / 2;
			assertThat(MannWhitney.test(x, y).hodgesLehmann()).as("round %d", round).isCloseTo(median, within(1e-9));
		}
	}

	@Test
	void shouldTakeListsAndRejectNonFiniteValues() {
		MannWhitney.Result result = MannWhitney.test(List.of(1, 2, 2, 3, 3, 3, 4), List.of(2, 3, 3, 4, 4, 5, 5, 5));
		assertThat(result.u()).isEqualTo(11);
		assertThat(result.pValue()).isCloseTo(0.0492389678385534, withinPercentage(1e-8));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MannWhitney.test(new double[] { 1, Double.NaN }, new double[] { 1, 2 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MannWhitney.test(new double[] { 1, 2 }, new double[] { Double.NEGATIVE_INFINITY, 2 }));
	}

	/** Durations with ties and a long right tail, in quarter seconds. */
	private static double[] sample(Random random, int size) {
		double[] values = new double[size];
		for (int i = 0; i < size; i++) {
			values[i] = Math.round(Math.exp(random.nextGaussian() + 2) * 4) / 4.0;
		}
		return values;
	}

	/** 1500 values in 1/8 steps, reproducible in Python as ((i * 7919) % 10007) / 8.0. */
	static double[] largeFirst() {
		double[] values = new double[1500];
		for (int i = 1; i <= values.length; i++) {
			values[i - 1] = ((i * 7919) % 10007) / 8.0;
		}
		return values;
	}

	/** 1200 values, reproducible in Python as ((j * 104729) % 9973) / 8.0 + 40. */
	static double[] largeSecond() {
		double[] values = new double[1200];
		for (int j = 1; j <= values.length; j++) {
			values[j - 1] = ((j * 104729) % 9973) / 8.0 + 40;
		}
		return values;
	}

}
