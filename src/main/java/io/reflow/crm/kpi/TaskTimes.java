package io.reflow.crm.kpi;

import java.time.Instant;

/**
 * How a user task's time splits into waiting and working, the one definition the KPI
 * dashboard and the lab's scorecard share: waiting from the task's creation to its first
 * assignment (a claim or an assignment, from {@code ACT_HI_IDENTITYLINK}), working from
 * there to the completion; a task completed without an assignment waited all its time.
 */
public final class TaskTimes {

	/**
	 * SQL of the first assignment of the history task aliased {@code T} (a column
	 * expression, null when never assigned).
	 */
	public static final String FIRST_ASSIGNMENT = "(select min(L.TIMESTAMP_) from ACT_HI_IDENTITYLINK L where L.TASK_ID_ = T.ID_ "
			+ "and L.TYPE_ = 'assignee' and L.OPERATION_TYPE_ = 'add')";

	private TaskTimes() {
	}

	/** Milliseconds the task waited; the rest of {@code end - start} it was worked on. */
	public static long waitingMillis(Instant start, Instant assigned, Instant end) {
		long total = totalMillis(start, end);
		if (assigned == null) {
			return total;
		}
		return Math.min(total, Math.max(0, assigned.toEpochMilli() - start.toEpochMilli()));
	}

	/** Milliseconds from creation to completion, never negative. */
	public static long totalMillis(Instant start, Instant end) {
		return Math.max(0, end.toEpochMilli() - start.toEpochMilli());
	}

}
