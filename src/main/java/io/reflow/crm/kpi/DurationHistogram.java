package io.reflow.crm.kpi;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The log-spaced duration buckets of the cycle-time histogram
 * ({@code kpi_process_day_bucket}) and the percentiles read from merged buckets.
 * <p>
 * Bucket 0 holds durations under 1 s; bucket {@code i} (1..{@value #LAST}-1) holds
 * {@code [2^((i-1)/4), 2^(i/4))} seconds, four buckets per doubling, so bucket 100 ends
 * at 2^25 s (about 1.06 years); bucket {@value #LAST} holds everything longer. A
 * percentile is the geometric middle of the bucket holding the nearest-rank element, so
 * for durations between 1 s and a year its relative error is at most 2^(1/8) - 1 (9.05
 * %); under 1 s it reports 0.5 s, beyond the last bound that bound.
 */
public final class DurationHistogram {

	/** Buckets per doubling of the duration. */
	static final int PER_DOUBLING = 4;

	/** The open-ended bucket of durations of 2^25 s (about 1.06 years) and more. */
	public static final int LAST = 101;

	/** The largest relative error of a percentile between 1 s and a year. */
	public static final double MAX_RELATIVE_ERROR = Math.pow(2, 1.0 / (2 * PER_DOUBLING)) - 1;

	private DurationHistogram() {
	}

	/** The bucket of a duration in milliseconds. */
	public static int bucket(long millis) {
		if (millis < 1000) {
			return 0;
		}
		// exact on the bounds: the largest i with 2^((i-1)/4) s <= millis
		int i = (int) Math.floor(PER_DOUBLING * Math.log(millis / 1000.0) / Math.log(2)) + 1;
		while (i > 1 && lowerSeconds(i) * 1000 > millis) {
			i--;
		}
		while (i < LAST && lowerSeconds(i + 1) * 1000 <= millis) {
			i++;
		}
		return Math.min(i, LAST);
	}

	/** The lower bound of a bucket in seconds (0 for bucket 0). */
	public static double lowerSeconds(int bucket) {
		return (bucket == 0) ? 0 : Math.pow(2, (bucket - 1) / (double) PER_DOUBLING);
	}

	/** The figure reported for a percentile that falls into the bucket, in seconds. */
	public static double representativeSeconds(int bucket) {
		if (bucket == 0) {
			return 0.5;
		}
		if (bucket == LAST) {
			return lowerSeconds(LAST);
		}
		return Math.sqrt(lowerSeconds(bucket) * lowerSeconds(bucket + 1));
	}

	/**
	 * The {@code p}-th percentile (0 < p <= 1) of the merged buckets, in seconds: the
	 * representative of the bucket holding the element of rank {@code ceil(p * n)}; null
	 * if the histogram is empty.
	 */
	public static Double percentile(Map<Integer, Long> counts, double p) {
		SortedMap<Integer, Long> sorted = new TreeMap<>(counts);
		long total = sorted.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		long rank = Math.max(1, (long) Math.ceil(p * total - 1e-9));
		long seen = 0;
		for (Map.Entry<Integer, Long> entry : sorted.entrySet()) {
			seen += entry.getValue();
			if (seen >= rank) {
				return representativeSeconds(entry.getKey());
			}
		}
		return representativeSeconds(sorted.lastKey());
	}

}
