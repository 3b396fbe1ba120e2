package io.reflow.crm.lab.simulation;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import io.reflow.crm.platform.feel.ParsedFeelPlugin;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.Job;

/**
 * An isolated Camunda engine for one simulation run: its own in-memory H2 database, as
 * much history as the run reads ({@link History}), no job executor (the simulation fires
 * each job itself, at its due time on the {@link SimulatedClock}), and the beans the
 * models name in expressions ({@code ${recordLeadScoreDelegate}}) taken from a map, so
 * that the simulation replaces delegates that talk to the outside with recorders. It
 * deploys the models it is given (a deployed version's XML or an uploaded draft), with
 * the same decisions and FEEL engine as production; production's engine and database are
 * never touched.
 */
public final class SimulationEngine implements AutoCloseable {

	private final ProcessEngine engine;

	private SimulationEngine(ProcessEngine engine) {
		this.engine = engine;
	}

	/** What the engine keeps in its history tables. */
	public enum History {

		/**
		 * Process instances only (start, end, end event): what a run's results read.
		 * Every activity and task row more would be written and indexed for nothing
		 * (benchmark section 8).
		 */
		CASES,

		/** Process, activity and task instances (Camunda's level {@code activity}). */
		ACTIVITIES,

		/**
		 * What {@link HistoryCopy} copies and the scorecard, the KPIs and the calibration
		 * read: process, activity and task instances, variable instances and identity
		 * links (the first assignment of each task is what waiting and working time are
		 * split by; Camunda writes it only at level {@code full}), with UUIDs for ids so
		 * that the rows can be copied into another engine's tables. Level {@code full}
		 * would write decision inputs and outputs, variable details and job logs as well,
		 * which nothing reads.
		 */
		COPYABLE

	}

	/**
	 * Starts an engine whose expressions resolve {@code beans} and deploys
	 * {@code resources} (file name to content: BPMN, DMN, forms) as one deployment; it
	 * keeps {@link History#ACTIVITIES}.
	 */
	public static SimulationEngine start(Map<String, Object> beans, Map<String, byte[]> resources) {
		return start(beans, resources, null, History.ACTIVITIES);
	}

	/**
	 * As {@link #start(Map, Map)}, keeping {@code history}, and tells {@code taskEvents}
	 * (if not null) of every user task created and deleted (ended other than by
	 * completion, e.g. by an interrupting timer), so the simulation needs no query to
	 * find them.
	 */
	public static SimulationEngine start(Map<String, Object> beans, Map<String, byte[]> resources,
			TaskListener taskEvents, History history) {
		String name = "simulation-" + UUID.randomUUID();
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		// H2 keeps 8 parsed statements per session by default; the engine uses dozens
		configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256");
		configuration.setDatabaseSchemaUpdate("create-drop");
		configuration.setJobExecutorActivate(false);
		configuration.setMetricsEnabled(false);
		configuration.setDbHistoryUsed(true);
		switch (history) {
			case CASES -> SimulationHistoryLevel.CASES.install(configuration);
			case ACTIVITIES -> configuration.setHistory("activity");
			case COPYABLE -> {
				configuration.setIdGenerator(new StrongUuidGenerator());
				SimulationHistoryLevel.COPYABLE.install(configuration);
			}
		}
		configuration.setExpressionManager(new JuelExpressionManager(new HashMap<>(beans)));
		// asynchronous continuations are due at once; in a simulation they run at once,
		// in the command that reaches them, instead of as a job found by a query and run
		// by a command of its own: the same path at the same simulated instant, without
		// the cost of a job per step (benchmark section 8)
		List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = new java.util.ArrayList<>();
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element element,
					org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition) {
				synchronous(definition);
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
		if (taskEvents != null) {
			listeners.add(new AbstractBpmnParseListener() {

				@Override
				public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
					if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
						userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskEvents);
						userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, taskEvents);
					}
				}

			});
		}
		// production's FEEL: the same engine, each expression parsed once
		ParsedFeelPlugin.install(configuration);
		SimulationEngine simulation = new SimulationEngine(configuration.buildProcessEngine());
		try {
			if (!resources.isEmpty()) {
				var deployment = simulation.engine.getRepositoryService().createDeployment().name(name);
				resources
					.forEach((file, content) -> deployment.addInputStream(file, new ByteArrayInputStream(content)));
				deployment.deploy();
			}
		}
		catch (RuntimeException ex) {
			simulation.close();
			throw ex;
		}
		return simulation;
	}

	/**
	 * A history level of the simulator's own: an id and a name no Camunda level uses, and
	 * the history events it keeps.
	 */
	record SimulationHistoryLevel(int id, String name,
			BiPredicate<HistoryEventType, Object> produced) implements HistoryLevel {

		private static final Set<HistoryEventType> PROCESS_INSTANCE_EVENTS = Set.of(
				HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
				HistoryEventTypes.PROCESS_INSTANCE_END, HistoryEventTypes.PROCESS_INSTANCE_MIGRATE);

		/**
		 * Camunda's level {@code activity} cut down to the process instance events:
		 * start, end (with the end event) and the updates in between.
		 */
		static final SimulationHistoryLevel CASES = new SimulationHistoryLevel(1701, "reflow-simulation-cases",
				(type, entity) -> PROCESS_INSTANCE_EVENTS.contains(type));

		/**
		 * Camunda's level {@code audit} (process, activity, task and variable instances)
		 * and the identity links of level {@code full}: the tables {@link HistoryCopy}
		 * copies.
		 */
		static final SimulationHistoryLevel COPYABLE = new SimulationHistoryLevel(1702, "reflow-simulation-copyable",
				(type, entity) -> HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(type, entity)
						|| type == HistoryEventTypes.IDENTITY_LINK_ADD
						|| type == HistoryEventTypes.IDENTITY_LINK_DELETE);

		void install(StandaloneInMemProcessEngineConfiguration configuration) {
			configuration.setCustomHistoryLevels(List.of(this));
			configuration.setHistory(this.name);
		}

		@Override
		public int getId() {
			return this.id;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
			return this.produced.test(eventType, entity);
		}

		@Override
		public String toString() {
			return "SimulationHistoryLevel(name=" + this.name + ", id=" + this.id + ")";
		}

	}

	/** Turns every asynchronous continuation of a scope and its children off. */
	static void synchronous(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			activity.setAsyncBefore(false);
			activity.setAsyncAfter(false);
			synchronous(activity);
		}
	}

	public ProcessEngine engine() {
		return this.engine;
	}

	/** The engine's own database. */
	public javax.sql.DataSource dataSource() {
		return ((org.camunda.bpm.engine.impl.ProcessEngineImpl) this.engine).getProcessEngineConfiguration()
			.getDataSource();
	}

	/** When the next job falls due (timers, asynchronous continuations), if any. */
	public Optional<Instant> nextDue() {
		List<Job> next = this.engine.getManagementService()
			.createJobQuery()
			.withRetriesLeft()
			.orderByJobDuedate()
			.asc()
			.listPage(0, 1);
		if (next.isEmpty()) {
			return Optional.empty();
		}
		Job earliest = next.get(0);
		return Optional.of((earliest.getDuedate() != null) ? earliest.getDuedate().toInstant() : SimulatedClock.now());
	}

	/**
	 * Executes every job due at the simulated now, including those their execution makes
	 * due. A job that fails is left to the engine's retries (and finally an incident), as
	 * in production; it is counted, not thrown.
	 * @return the jobs that ran and the attempts that failed
	 */
	public JobRuns runDueJobs() {
		int ran = 0;
		int failed = 0;
		while (true) {
			List<Job> due = this.engine.getManagementService()
				.createJobQuery()
				.executable()
				.orderByJobDuedate()
				.asc()
				.listPage(0, 100);
			if (due.isEmpty()) {
				return new JobRuns(ran, failed);
			}
			for (Job job : due) {
				try {
					this.engine.getManagementService().executeJob(job.getId());
					ran++;
				}
				catch (RuntimeException ex) {
					failed++;
				}
			}
		}
	}

	/** Jobs executed and attempts that failed. */
	public record JobRuns(int ran, int failed) {
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
