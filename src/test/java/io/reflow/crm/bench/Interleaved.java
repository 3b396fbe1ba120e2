package io.reflow.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the variants of one comparison side by side: after the warm-up rounds, every round
 * runs each variant once, in the same order (A B A B …), so drift of the machine (caches,
 * JIT, the database's autovacuum) hits every variant alike.
 */
public final class Interleaved {

	/** One variant: returns the figure of one repetition (cases per second, say). */
	@FunctionalInterface
	public interface Measurement {

		double measure() throws Exception;

	}

	private final Map<String, Measurement> variants = new LinkedHashMap<>();

	private int warmups = 1;

	private int repetitions = 5;

	public static Interleaved of() {
		return new Interleaved();
	}

	public Interleaved variant(String name, Measurement measurement) {
		this.variants.put(name, measurement);
		return this;
	}

	public Interleaved warmups(int warmups) {
		this.warmups = warmups;
		return this;
	}

	/** At least 5 repetitions after the warm-up, as the benchmark rules ask. */
	public Interleaved repetitions(int repetitions) {
		if (repetitions < 5) {
			throw new IllegalArgumentException("at least 5 repetitions, not " + repetitions);
		}
		this.repetitions = repetitions;
		return this;
	}

	/**
	 * Runs warm-ups, then the interleaved repetitions; results by variant, in insertion
	 * order.
	 */
	public Map<String, Stats> run() throws Exception {
		for (int round = 0; round < this.warmups; round++) {
			for (Measurement measurement : this.variants.values()) {
				measurement.measure();
			}
		}
		Map<String, List<Double>> figures = new LinkedHashMap<>();
		this.variants.keySet().forEach((name) -> figures.put(name, new ArrayList<>()));
		for (int round = 0; round < this.repetitions; round++) {
			for (Map.Entry<String, Measurement> variant : this.variants.entrySet()) {
				figures.get(variant.getKey()).add(variant.getValue().measure());
			}
		}
		Map<String, Stats> stats = new LinkedHashMap<>();
		figures.forEach((name, values) -> stats.put(name, Stats.of(values)));
		return stats;
	}

}
