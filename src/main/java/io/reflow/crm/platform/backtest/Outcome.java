package io.reflow.crm.platform.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one evaluation in the compared outputs: one map per result (matched
 * rule), output name to value, in the order of the compared outputs. Numbers compare by
 * value ({@code 0.05} equals {@code 0.050}, an integer {@code 0} equals {@code 0.0}).
 */
record Outcome(List<Map<String, Object>> results) {

	static final String NO_RESULT = "(no result)";

	/** The compared outputs of each result, in the order of {@code outputs}. */
	static Outcome of(Collection<? extends Map<String, Object>> results, List<String> outputs) {
		List<Map<String, Object>> compared = new ArrayList<>();
		for (Map<String, Object> result : results) {
			Map<String, Object> values = new LinkedHashMap<>();
			outputs.forEach((output) -> values.put(output, result.get(output)));
			compared.add(values);
		}
		return new Outcome(compared);
	}

	boolean sameAs(Outcome other) {
		return normalized().equals(other.normalized());
	}

	private List<Map<String, Object>> normalized() {
		List<Map<String, Object>> normalized = new ArrayList<>();
		for (Map<String, Object> result : this.results) {
			Map<String, Object> values = new LinkedHashMap<>();
			result.forEach((name, value) -> values.put(name, normalize(value)));
			normalized.add(values);
		}
		return normalized;
	}

	/**
	 * How the outcome reads in a breakdown: the value alone when one output is compared
	 * ({@code SALES_MANAGER}), else {@code name=value} pairs; several results joined by
	 * {@code |}; {@value #NO_RESULT} when no rule matched.
	 */
	String label() {
		if (this.results.isEmpty()) {
			return NO_RESULT;
		}
		return this.results.stream().map((result) -> {
			if (result.size() == 1) {
				return text(result.values().iterator().next());
			}
			return result.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + text(entry.getValue()))
				.collect(Collectors.joining(", "));
		}).collect(Collectors.joining(" | "));
	}

	/** A value as the breakdown shows it: numbers plain, without trailing zeros. */
	static String text(Object value) {
		Object normalized = normalize(value);
		if (normalized instanceof BigDecimal number) {
			return number.toPlainString();
		}
		return String.valueOf(normalized);
	}

	/**
	 * A value fit for JSON and comparison: numbers as exact decimals, dates as instants.
	 */
	static Object normalize(Object value) {
		if (value instanceof Number number && !(value instanceof BigDecimal)) {
			try {
				return new BigDecimal(number.toString()).stripTrailingZeros();
			}
			catch (NumberFormatException ex) {
				// NaN or infinite
				return number.toString();
			}
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros();
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		return value;
	}

}
