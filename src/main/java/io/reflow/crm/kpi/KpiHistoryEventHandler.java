package io.reflow.crm.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feeds the KPI projections from the engine's history events, next to the default
 * database handler ({@link KpiEnginePlugin}). It collects the events of a transaction in
 * one {@link KpiDelta} and writes it just before the (Spring-managed) engine transaction
 * commits, so a command costs at most one batched upsert per projection table and the
 * projections roll back with the engine's own history. Events it uses: process instance
 * start/end, activity instance end, task completion (deleteReason {@code completed}).
 */
class KpiHistoryEventHandler implements HistoryEventHandler {

	/**
	 * A completed user task; its creation time (the completion event does not carry it)
	 * and first assignment are read from its history rows at flush time.
	 */
	record CompletedTask(String taskId, String processKey, int version, String activityId, Instant end) {
	}

	/** An ended process instance ({@code activityId} null) or activity instance. */
	record Ended(String id, String processKey, int version, String activityId, String activityType, Instant end) {
	}

	/** What one transaction collected. */
	static final class Pending {

		final KpiDelta delta;

		final List<CompletedTask> tasks = new ArrayList<>();

		/**
		 * Process or activity instances whose end event carried no duration (the start
		 * time is not kept at runtime); read from their history rows at flush time.
		 */
		final List<Ended> endedWithoutDuration = new ArrayList<>();

		Pending(ZoneId zone) {
			this.delta = new KpiDelta(zone);
		}

	}

	private final KpiStore store;

	private final ZoneId zone;

	private final Consumer<KpiDelta> afterCommit;

	KpiHistoryEventHandler(KpiStore store, ZoneId zone, Consumer<KpiDelta> afterCommit) {
		this.store = store;
		this.zone = zone;
		this.afterCommit = afterCommit;
	}

	@Override
	public void handleEvents(List<HistoryEvent> historyEvents) {
		historyEvents.forEach(this::handleEvent);
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event.getProcessDefinitionKey() == null || !relevant(event)) {
			return;
		}
		Pending pending = pending();
		collect(event, pending);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			flush(pending);
			this.afterCommit.accept(pending.delta);
		}
	}

	private static boolean relevant(HistoryEvent event) {
		return (event instanceof HistoricProcessInstanceEventEntity
				&& (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)
						|| event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)))
				|| (event instanceof HistoricActivityInstanceEventEntity
						&& event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END))
				|| (event instanceof HistoricTaskInstanceEventEntity task
						&& (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
								|| event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE))
						&& "completed".equals(task.getDeleteReason()));
	}

	/** Maps one event onto the delta: the arithmetic itself is in {@link KpiDelta}. */
	void collect(HistoryEvent event, Pending pending) {
		String key = event.getProcessDefinitionKey();
		int version = version(event);
		if (event instanceof HistoricProcessInstanceEventEntity process) {
			if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
				pending.delta.processStarted(key, version, process.getStartTime().toInstant());
			}
			else if (process.getDurationInMillis() == null) {
				pending.endedWithoutDuration
					.add(new Ended(process.getId(), key, version, null, null, process.getEndTime().toInstant()));
			}
			else {
				pending.delta.processEnded(key, version, process.getEndTime().toInstant(),
						process.getDurationInMillis());
			}
		}
		else if (event instanceof HistoricActivityInstanceEventEntity activity) {
			if (activity.getDurationInMillis() == null) {
				pending.endedWithoutDuration.add(new Ended(activity.getId(), key, version, activity.getActivityId(),
						activity.getActivityType(), activity.getEndTime().toInstant()));
			}
			else {
				pending.delta.activityEnded(key, version, activity.getActivityId(), activity.getActivityType(),
						activity.getEndTime().toInstant(), activity.getDurationInMillis());
			}
		}
		else if (event instanceof HistoricTaskInstanceEventEntity task && task.getTaskDefinitionKey() != null) {
			pending.tasks.add(new CompletedTask(task.getTaskId(), key, version, task.getTaskDefinitionKey(),
					task.getEndTime().toInstant()));
		}
	}

	private static int version(HistoryEvent event) {
		if (event.getProcessDefinitionVersion() != null) {
			return event.getProcessDefinitionVersion();
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(event.getProcessDefinitionId());
		return definition.getVersion();
	}

	/**
	 * The transaction's collection, created with its synchronization on first use. It is
	 * found through the transaction's synchronizations rather than a bound resource:
	 * Spring suspends the synchronizations of an outer transaction while a REQUIRES_NEW
	 * one runs (as the engine does for failed jobs), but not foreign resources.
	 */
	private Pending pending() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new Pending(this.zone);
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Flush flush && flush.handler() == this) {
				return flush.pending();
			}
		}
		Pending created = new Pending(this.zone);
		TransactionSynchronizationManager.registerSynchronization(new Flush(this, created));
		return created;
	}

	/** Writes a transaction's collection before it commits; counts it after. */
	private record Flush(KpiHistoryEventHandler handler, Pending pending) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			this.handler.flush(this.pending);
		}

		@Override
		public void afterCommit() {
			this.handler.afterCommit.accept(this.pending.delta);
		}

	}

	/** Resolves the tasks' creation and first assignment, then writes the delta. */
	void flush(Pending pending) {
		if (!pending.endedWithoutDuration.isEmpty()) {
			Map<String, Long> processes = this.store.durations("ACT_HI_PROCINST",
					pending.endedWithoutDuration.stream()
						.filter((ended) -> ended.activityId() == null)
						.map(Ended::id)
						.toList());
			Map<String, Long> activities = this.store.durations("ACT_HI_ACTINST",
					pending.endedWithoutDuration.stream()
						.filter((ended) -> ended.activityId() != null)
						.map(Ended::id)
						.toList());
			for (Ended ended : pending.endedWithoutDuration) {
				if (ended.activityId() == null) {
					pending.delta.processEnded(ended.processKey(), ended.version(), ended.end(),
							processes.getOrDefault(ended.id(), 0L));
				}
				else {
					pending.delta.activityEnded(ended.processKey(), ended.version(), ended.activityId(),
							ended.activityType(), ended.end(), activities.getOrDefault(ended.id(), 0L));
				}
			}
			pending.endedWithoutDuration.clear();
		}
		if (!pending.tasks.isEmpty()) {
			Map<String, KpiStore.TaskStart> times = this.store
				.taskTimes(pending.tasks.stream().map(CompletedTask::taskId).distinct().toList());
			for (CompletedTask task : pending.tasks) {
				KpiStore.TaskStart known = times.get(task.taskId());
				if (known != null) {
					pending.delta.taskCompleted(task.processKey(), task.version(), task.activityId(), known.created(),
							task.end(), known.firstAssigned());
				}
			}
			pending.tasks.clear();
		}
		if (!pending.delta.isEmpty()) {
			this.store.apply(pending.delta);
		}
	}

}
