package io.reflow.crm.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changes to the projection tables that a set of engine events makes, summed per row:
 * the live handler collects one per transaction and writes it once before commit, the
 * rebuild collects one from the whole history. Both feed the same methods, so both give
 * the same figures.
 */
final class KpiDelta {

	record ProcessDay(String processKey, int version, LocalDate day) {
	}

	record Bucket(String processKey, int version, LocalDate day, int bucket) {
	}

	record Version(String processKey, int version) {
	}

	record ActivityDay(String processKey, int version, LocalDate day, String activityId) {
	}

	static final class ProcessFigures {

		long started;

		long completed;

		long durationSumMs;

	}

	static final class ActivityFigures {

		String type;

		long count;

		long durationSumMs;

		long waitingSumMs;

		long workingSumMs;

		long userTaskCount;

	}

	/** The type recorded for an activity only known from its task. */
	static final String USER_TASK = "userTask";

	private final ZoneId zone;

	final Map<ProcessDay, ProcessFigures> processDays = new LinkedHashMap<>();

	final Map<Bucket, Long> buckets = new LinkedHashMap<>();

	final Map<Version, Long> running = new LinkedHashMap<>();

	final Map<ActivityDay, ActivityFigures> activityDays = new LinkedHashMap<>();

	KpiDelta(ZoneId zone) {
		this.zone = zone;
	}

	boolean isEmpty() {
		return this.processDays.isEmpty() && this.buckets.isEmpty() && this.running.isEmpty()
				&& this.activityDays.isEmpty();
	}

	private LocalDate day(Instant time) {
		return LocalDate.ofInstant(time, this.zone);
	}

	void processStarted(String key, int version, Instant start) {
		this.processDays.computeIfAbsent(new ProcessDay(key, version, day(start)),
				(k) -> new ProcessFigures()).started++;
		this.running.merge(new Version(key, version), 1L, Long::sum);
	}

	void processEnded(String key, int version, Instant end, long durationMs) {
		LocalDate day = day(end);
		ProcessFigures figures = this.processDays.computeIfAbsent(new ProcessDay(key, version, day),
				(k) -> new ProcessFigures());
		figures.completed++;
		figures.durationSumMs += durationMs;
		this.buckets.merge(new Bucket(key, version, day, DurationHistogram.bucket(durationMs)), 1L, Long::sum);
		this.running.merge(new Version(key, version), -1L, Long::sum);
	}

	void activityEnded(String key, int version, String activityId, String type, Instant end, long durationMs) {
		ActivityFigures figures = activity(key, version, activityId, end);
		figures.type = (type != null) ? type : figures.type;
		figures.count++;
		figures.durationSumMs += durationMs;
	}

	/**
	 * A user task completed: waiting from its creation to its first assignment, working
	 * from there to the completion; without an assignment all of it was waiting.
	 */
	void taskCompleted(String key, int version, String activityId, Instant start, Instant end, Instant assigned) {
		ActivityFigures figures = activity(key, version, activityId, end);
		long total = TaskTimes.totalMillis(start, end);
		long waiting = TaskTimes.waitingMillis(start, assigned, end);
		figures.waitingSumMs += waiting;
		figures.workingSumMs += total - waiting;
		figures.userTaskCount++;
	}

	private ActivityFigures activity(String key, int version, String activityId, Instant end) {
		ActivityFigures figures = this.activityDays.computeIfAbsent(new ActivityDay(key, version, day(end), activityId),
				(k) -> new ActivityFigures());
		if (figures.type == null) {
			figures.type = USER_TASK;
		}
		return figures;
	}

}
