package io.reflow.crm.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the history holds about one process version, reduced to what the scorecard
 * compares: per case its cycle time, outcome, rework and cost; per activity its durations
 * and a user task's waiting and working times; the due dates met.
 */
final class VersionFigures {

	/** A finished case. */
	record Case(String id, Instant start, Instant end, String outcome, boolean reworked, double cost) {

		double cycleSeconds() {
			return (this.end.toEpochMilli() - this.start.toEpochMilli()) / 1000.0;
		}

	}

	/** The ended instances of one activity. */
	static final class Activity {

		final String id;

		String name;

		String type;

		final List<Double> durationSeconds = new ArrayList<>();

		final List<Double> waitingSeconds = new ArrayList<>();

		final List<Double> workingSeconds = new ArrayList<>();

		/** Cases in which the activity ran more than once. */
		int repeatedInCases;

		Activity(String id) {
			this.id = id;
		}

	}

	final List<Case> finished = new ArrayList<>();

	final Map<String, Activity> activities = new LinkedHashMap<>();

	long started;

	long running;

	/**
	 * Cases of the version not read because of {@code reflow.lab.max-cases-per-version}.
	 */
	long leftOut;

	/** Completed user tasks that had a due date, and those completed by it. */
	long tasksWithDueDate;

	long tasksMetDueDate;

	Activity activity(String id) {
		return this.activities.computeIfAbsent(id, Activity::new);
	}

}
