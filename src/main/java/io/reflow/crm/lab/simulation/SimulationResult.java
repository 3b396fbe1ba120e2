package io.reflow.crm.lab.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a simulation run measured on its engine.
 *
 * @param casesStarted cases that arrived
 * @param casesFinished cases that ended by the end of the run
 * @param cycleSeconds the finished cases' cycle times
 * @param outcomes finished cases by the end event they reached
 * @param groups per candidate group: people, tasks done, utilization, waiting, queue
 * @param activities per user task (its id in the model): waiting and working time
 * @param queues per candidate group, the number of tasks waiting for a person over time
 * (at most 200 points: the longest queue in each stretch)
 * @param tasksWithDueDate user tasks completed that had a due date (an SLA)
 * @param tasksLate of those, the ones completed after it
 * @param recorded how often each recorded step (a delegate replaced by a recorder) ran
 * @param failedJobs job attempts that failed (a recorder or a model error)
 * @param simulatedStart the first arrival
 * @param simulatedEnd the last event
 */
public record SimulationResult(int casesStarted, int casesFinished, List<Double> cycleSeconds,
		Map<String, Long> outcomes, Map<String, GroupFigures> groups, Map<String, ActivityFigures> activities,
		Map<String, List<QueuePoint>> queues, int tasksWithDueDate, int tasksLate, Map<String, Integer> recorded,
		int failedJobs, Instant simulatedStart, Instant simulatedEnd) {

	/** The share of due tasks completed late (0 when none had a due date). */
	public double slaBreachRate() {
		return (this.tasksWithDueDate > 0) ? (double) this.tasksLate / this.tasksWithDueDate : 0;
	}

	/** One user task's figures: completions and mean waiting and working seconds. */
	public record ActivityFigures(int completed, double meanWaitingSeconds, double meanWorkingSeconds) {
	}

	/** A queue's length from {@code at} on. */
	public record QueuePoint(Instant at, int length) {
	}

	/**
	 * At most {@code max} points: the series split into equal stretches, each shown by
	 * its longest queue.
	 */
	static List<QueuePoint> downsample(List<QueuePoint> points, int max) {
		if (points.size() <= max) {
			return List.copyOf(points);
		}
		List<QueuePoint> out = new java.util.ArrayList<>(max);
		double step = (double) points.size() / max;
		for (int i = 0; i < max; i++) {
			int from = (int) Math.floor(i * step);
			int to = (int) Math.min(points.size(), Math.floor((i + 1) * step));
			QueuePoint longest = points.get(from);
			for (int j = from; j < to; j++) {
				if (points.get(j).length() > longest.length()) {
					longest = points.get(j);
				}
			}
			out.add(new QueuePoint(points.get(from).at(), longest.length()));
		}
		return out;
	}

	/**
	 * One candidate group's load.
	 *
	 * @param utilization busy time over the people's available time in the run
	 * @param meanWaitingSeconds mean time from a task's creation to its start
	 * @param meanQueue time-weighted mean of tasks waiting for a free person
	 */
	public record GroupFigures(int people, int tasksDone, double busySeconds, double utilization,
			double meanWaitingSeconds, int maxQueue, double meanQueue) {
	}

}
