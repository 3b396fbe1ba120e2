package io.reflow.crm.lab;

import java.time.Instant;
import java.util.List;

/**
 * Two versions of a process side by side (see {@link ScorecardManagement}). Durations are
 * in seconds, costs in {@code currency}; a figure that cannot be computed (no case, too
 * few to test) is null.
 */
public record Scorecard(String process, Version from, Version to, double alpha, String currency, Comparison cycleTime,
		Comparison costPerCase, List<RateComparison> rates, List<ActivityRow> activities, DiagramDiff.Result diagram) {

	/** One version and how many of its cases the history holds. */
	public record Version(String definitionId, int version, String versionTag, Instant deployedAt, long started,
			long finished, long running, long leftOut) {
	}

	/** The distribution of a figure over one version's finished cases. */
	public record Summary(int n, Double median, Double p90, Double mean) {
	}

	/** A test's outcome; {@code effect} is named by {@code effectName}. */
	public record Test(String method, Double statistic, Double pValue, Significance significance, Double effect,
			String effectName) {
	}

	/** A per-case figure compared: medians, their change, and a Mann–Whitney U test. */
	public record Comparison(String metric, String unit, Summary from, Summary to, Double medianChange,
			Double relativeMedianChange, Test test) {
	}

	/**
	 * A share compared: {@code kind} is {@code outcome} (cases ending in an end event),
	 * {@code rework} (cases that ran an activity more than once) or {@code sla} (user
	 * tasks completed by their due date); a two-proportion z-test with the difference's
	 * confidence interval.
	 */
	public record RateComparison(String metric, String kind, String elementId, long fromCount, long fromTotal,
			Double fromRate, long toCount, long toTotal, Double toRate, Double difference, Double lower, Double upper,
			Double pValue, Significance significance) {
	}

	/**
	 * An activity in either version: how the model changed it, and its figures in each
	 * (null for a version without it).
	 */
	public record ActivityRow(String activityId, String name, String type, String change, ActivityFigures from,
			ActivityFigures to, Test duration) {
	}

	/** Ended instances of an activity in one version. */
	public record ActivityFigures(int count, Double medianSeconds, Double p90Seconds, Double meanWaitingSeconds,
			Double meanWorkingSeconds, int repeatedInCases) {
	}

}
