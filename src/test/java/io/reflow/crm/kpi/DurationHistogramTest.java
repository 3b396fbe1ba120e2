package io.reflow.crm.kpi;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The cycle-time buckets and the percentiles read from them. */
class DurationHistogramTest {

	@ParameterizedTest
	@CsvSource({ "0, 0", "999, 0", "1000, 1", "1189, 1", "1190, 2", "2000, 5", "3999, 8", "4000, 9", "31536000000, 100",
			"33554432000, 101", "9223372036854775807, 101" })
	void shouldPutDurationsIntoLogSpacedBuckets(long millis, int bucket) {
		assertThat(DurationHistogram.bucket(millis)).isEqualTo(bucket);
	}

	@Test
	void shouldKeepEveryBucketBoundExact() {
		for (int i = 1; i <= DurationHistogram.LAST; i++) {
			long lower = (long) Math.ceil(DurationHistogram.lowerSeconds(i) * 1000);
			assertThat(DurationHistogram.bucket(lower)).as("bucket of %d ms", lower).isEqualTo(i);
			assertThat(DurationHistogram.bucket(lower - 1)).as("bucket of %d ms", lower - 1).isEqualTo(i - 1);
		}
	}

	@Test
	void shouldBoundTheRelativeErrorByTheBucketWidth() {
		assertThat(DurationHistogram.MAX_RELATIVE_ERROR).isCloseTo(0.0905, within(0.0001));
		for (long millis = 1000; millis < Duration.ofDays(366).toMillis(); millis = millis * 11 / 10 + 7) {
			double reported = DurationHistogram.representativeSeconds(DurationHistogram.bucket(millis));
			assertThat(Math.abs(reported - millis / 1000.0) / (millis / 1000.0))
				.isLessThanOrEqualTo(DurationHistogram.MAX_RELATIVE_ERROR + 1e-12);
		}
	}

	@Test
	void shouldReadMedianAndP90OfAUniformDistributionWithinTheError() {
		Map<Integer, Long> counts = new HashMap<>();
		for (int seconds = 1; seconds <= 1000; seconds++) {
			counts.merge(DurationHistogram.bucket(seconds * 1000L), 1L, Long::sum);
		}
		assertThat(DurationHistogram.percentile(counts, 0.5)).isCloseTo(500,
				within(500 * DurationHistogram.MAX_RELATIVE_ERROR));
		assertThat(DurationHistogram.percentile(counts, 0.9)).isCloseTo(900,
				within(900 * DurationHistogram.MAX_RELATIVE_ERROR));
	}

	@Test
	void shouldReadPercentilesOfALogNormalSampleWithinTheError() {
		Random random = new Random(42);
		long[] millis = new long[20_000];
		Map<Integer, Long> counts = new HashMap<>();
		for (int i = 0; i < millis.length; i++) {
			// median about 2 hours, from minutes to weeks
			millis[i] = (long) (Math.exp(Math.log(7_200_000) + 1.5 * random.nextGaussian()));
			counts.merge(DurationHistogram.bucket(millis[i]), 1L, Long::sum);
		}
		Arrays.sort(millis);
		for (double p : new double[] { 0.5, 0.9, 0.99 }) {
			double exact = millis[(int) Math.ceil(p * millis.length) - 1] / 1000.0;
			assertThat(DurationHistogram.percentile(counts, p)).as("p%s", p)
				.isCloseTo(exact, within(exact * DurationHistogram.MAX_RELATIVE_ERROR));
		}
	}

	@Test
	void shouldAnswerNullWithoutData() {
		assertThat(DurationHistogram.percentile(Map.of(), 0.5)).isNull();
		assertThat(DurationHistogram.percentile(Map.of(3, 0L), 0.5)).isNull();
	}

}
