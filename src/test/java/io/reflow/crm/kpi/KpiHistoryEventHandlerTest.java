package io.reflow.crm.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Engine history events in, projection rows out: days in Asia/Shanghai, sums, histogram
 * buckets, running counts and the waiting/working split of user tasks. No transaction is
 * active, so every event is written at once.
 */
class KpiHistoryEventHandlerTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	KpiStore store = mock(KpiStore.class);

	KpiDelta written;

	KpiHistoryEventHandler handler = new KpiHistoryEventHandler(this.store, SHANGHAI, (delta) -> this.written = delta);

	static <T extends HistoryEvent> T event(T event, HistoryEventTypes type, String key, int version) {
		event.setEventType(type.getEventName());
		event.setProcessDefinitionKey(key);
		event.setProcessDefinitionId(key + ":" + version + ":x");
		event.setProcessDefinitionVersion(version);
		return event;
	}

	static HistoricProcessInstanceEventEntity process(HistoryEventTypes type, String start, String end) {
		HistoricProcessInstanceEventEntity event = event(new HistoricProcessInstanceEventEntity(), type, "p", 2);
		event.setStartTime(Date.from(Instant.parse(start)));
		if (end != null) {
			event.setEndTime(Date.from(Instant.parse(end)));
			event.setDurationInMillis(Instant.parse(end).toEpochMilli() - Instant.parse(start).toEpochMilli());
		}
		return event;
	}

	@Test
	void shouldCountStartsAndEndsOnTheirShanghaiDaysWithTheDurationInItsBucket() {
		// 16:30 UTC is 00:30 the next day in Shanghai
		KpiHistoryEventHandler.Pending pending = new KpiHistoryEventHandler.Pending(SHANGHAI);
		this.handler.collect(process(HistoryEventTypes.PROCESS_INSTANCE_START, "2026-03-01T16:30:00Z", null), pending);
		this.handler.collect(
				process(HistoryEventTypes.PROCESS_INSTANCE_END, "2026-03-01T16:30:00Z", "2026-03-02T16:30:10Z"),
				pending);
		this.handler.collect(process(HistoryEventTypes.PROCESS_INSTANCE_START, "2026-03-02T01:00:00Z", null), pending);
		KpiDelta delta = pending.delta;

		KpiDelta.ProcessFigures march2 = delta.processDays
			.get(new KpiDelta.ProcessDay("p", 2, LocalDate.of(2026, 3, 2)));
		KpiDelta.ProcessFigures march3 = delta.processDays
			.get(new KpiDelta.ProcessDay("p", 2, LocalDate.of(2026, 3, 3)));
		assertThat(march2.started).isEqualTo(2);
		assertThat(march2.completed).isZero();
		assertThat(march3.started).isZero();
		assertThat(march3.completed).isEqualTo(1);
		assertThat(march3.durationSumMs).isEqualTo(86_410_000);
		assertThat(delta.buckets).containsExactly(Map
			.entry(new KpiDelta.Bucket("p", 2, LocalDate.of(2026, 3, 3), DurationHistogram.bucket(86_410_000)), 1L));
		assertThat(delta.running).containsExactly(Map.entry(new KpiDelta.Version("p", 2), 1L));
	}

	@Test
	void shouldSplitATaskIntoWaitingUntilItsFirstAssignmentAndWorkingAfterIt() {
		HistoricActivityInstanceEventEntity activity = event(new HistoricActivityInstanceEventEntity(),
				HistoryEventTypes.ACTIVITY_INSTANCE_END, "p", 1);
		activity.setActivityId("Task_Check");
		activity.setActivityType("userTask");
		activity.setStartTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
		activity.setEndTime(Date.from(Instant.parse("2026-03-02T03:00:00Z")));
		activity.setDurationInMillis(3_600_000L);
		HistoricTaskInstanceEventEntity claimed = task("t1", "2026-03-02T02:00:00Z", "2026-03-02T03:00:00Z");
		HistoricTaskInstanceEventEntity unclaimed = task("t2", "2026-03-02T02:30:00Z", "2026-03-02T03:00:00Z");
		HistoricTaskInstanceEventEntity deleted = task("t3", "2026-03-02T02:30:00Z", "2026-03-02T03:00:00Z");
		deleted.setEventType(HistoryEventTypes.TASK_INSTANCE_DELETE.getEventName());
		deleted.setDeleteReason("deleted");
		when(this.store.taskTimes(anyCollection())).thenReturn(Map.of("t1",
				new KpiStore.TaskStart(Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-02T02:15:00Z")),
				"t2", new KpiStore.TaskStart(Instant.parse("2026-03-02T02:30:00Z"), null)));

		this.handler.handleEvent(activity);
		this.handler.handleEvent(claimed);
		this.handler.handleEvent(unclaimed);
		this.handler.handleEvent(deleted);

		// the last write holds the last task; sum them as the tables would
		verify(this.store, org.mockito.Mockito.times(3)).apply(org.mockito.ArgumentMatchers.any());
		KpiDelta all = new KpiDelta(SHANGHAI);
		all.activityEnded("p", 1, "Task_Check", "userTask", Instant.parse("2026-03-02T03:00:00Z"), 3_600_000L);
		all.taskCompleted("p", 1, "Task_Check", Instant.parse("2026-03-02T02:00:00Z"),
				Instant.parse("2026-03-02T03:00:00Z"), Instant.parse("2026-03-02T02:15:00Z"));
		all.taskCompleted("p", 1, "Task_Check", Instant.parse("2026-03-02T02:30:00Z"),
				Instant.parse("2026-03-02T03:00:00Z"), null);
		KpiDelta.ActivityFigures figures = all.activityDays
			.get(new KpiDelta.ActivityDay("p", 1, LocalDate.of(2026, 3, 2), "Task_Check"));
		assertThat(figures.type).isEqualTo("userTask");
		assertThat(figures.count).isEqualTo(1);
		assertThat(figures.durationSumMs).isEqualTo(3_600_000);
		assertThat(figures.userTaskCount).isEqualTo(2);
		assertThat(figures.waitingSumMs).isEqualTo(15 * 60_000 + 30 * 60_000);
		assertThat(figures.workingSumMs).isEqualTo(45 * 60_000);
		KpiDelta.ActivityFigures lastWritten = this.written.activityDays
			.get(new KpiDelta.ActivityDay("p", 1, LocalDate.of(2026, 3, 2), "Task_Check"));
		assertThat(lastWritten.waitingSumMs).isEqualTo(30 * 60_000);
		assertThat(lastWritten.workingSumMs).isZero();
	}

	@Test
	void shouldIgnoreEventsWithoutAProcessAndOtherEventTypes() {
		HistoricProcessInstanceEventEntity update = process(HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
				"2026-03-01T16:30:00Z", null);
		HistoricTaskInstanceEventEntity standalone = task("t9", "2026-03-02T02:00:00Z", "2026-03-02T03:00:00Z");
		standalone.setProcessDefinitionKey(null);
		this.handler.handleEvent(update);
		this.handler.handleEvent(standalone);
		verify(this.store, never()).apply(org.mockito.ArgumentMatchers.any());
	}

	static HistoricTaskInstanceEventEntity task(String id, String start, String end) {
		HistoricTaskInstanceEventEntity task = event(new HistoricTaskInstanceEventEntity(),
				HistoryEventTypes.TASK_INSTANCE_COMPLETE, "p", 1);
		task.setTaskId(id);
		task.setTaskDefinitionKey("Task_Check");
		task.setDeleteReason("completed");
		task.setStartTime(Date.from(Instant.parse(start)));
		task.setEndTime(Date.from(Instant.parse(end)));
		return task;
	}

}
