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
 * @param recorded how often each recorded step (a delegate replaced by a recorder) ran
 * @param failedJobs job attempts that failed (a recorder or a model error)
 * @param simulatedStart the first arrival
 * @param simulatedEnd the last event
 */
public record SimulationResult(int casesStarted, int casesFinished, List<Double> cycleSeconds,
		Map<String, Long> outcomes, Map<String, GroupFigures> groups, Map<String, Integer> recorded, int failedJobs,
		Instant simulatedStart, Instant simulatedEnd) {

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
