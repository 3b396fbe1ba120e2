package io.reflow.crm.lab.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Runs a scenario's cases through a process version on an isolated engine
 * ({@link SimulationEngine}) under a simulated clock ({@link SimulatedClock}): a
 * discrete-event simulation whose events are the cases' arrivals, the end of a person's
 * work on a task, and the engine's own jobs (timers, asynchronous steps) at their due
 * times. The real models and decision tables decide the paths; every bean the model names
 * in a delegate or listener expression is replaced by a recorder, which only counts its
 * calls unless {@code effects} gives it what it must do for the process to go on (e.g.
 * set the variable a timer reads).
 * <p>
 * User tasks queue per candidate group, first come first served; a free person claims the
 * oldest (the waiting time ends) and completes it after a working time drawn from the
 * scenario, with one of the task's answers. One thread, one seeded random source: the
 * same scenario gives the same result.
 */
public final class Simulator {

	private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

	private static final String NO_GROUP = "(no group)";

	private Simulator() {
	}

	/**
	 * @param processKey the process to start
	 * @param resources the models to deploy (file name to content)
	 * @param effects per activity id, what its recorder does besides counting
	 * @param progress told the number of cases started so far, after each arrival
	 */
	public static SimulationResult run(String processKey, Map<String, byte[]> resources, Scenario scenario,
			Map<String, JavaDelegate> effects, IntConsumer progress) {
		return run(processKey, resources, scenario, effects, progress, null);
	}

	/**
	 * As {@link #run(String, Map, Scenario, Map, IntConsumer)}, and hands the engine to
	 * {@code afterRun} before it is closed (to read its history); ids are then globally
	 * unique (UUIDs), so its rows can be copied into another database.
	 */
	public static SimulationResult run(String processKey, Map<String, byte[]> resources, Scenario scenario,
			Map<String, JavaDelegate> effects, IntConsumer progress, Consumer<SimulationEngine> afterRun) {
		Map<String, Integer> recorded = new TreeMap<>();
		Map<String, Object> beans = beans(resources, new Recorder(recorded, effects));
		TaskEvents events = new TaskEvents();
		return SimulatedClock.run(scenario.start(), () -> {
			try (SimulationEngine simulation = SimulationEngine.start(beans, resources, events,
					(afterRun != null) ? SimulationEngine.History.COPYABLE : SimulationEngine.History.CASES)) {
				SimulationResult result = new Run(simulation, processKey, scenario, recorded, progress, events).run();
				if (afterRun != null) {
					afterRun.accept(simulation);
				}
				return result;
			}
		});
	}

	/**
	 * What the engine finds wrong with {@code resources} when they are deployed for a
	 * simulation of {@code processKey}: one line per problem (file, line and message),
	 * empty when they deploy and define the process. Deploys on an engine of its own,
	 * closed again at once.
	 */
	public static List<String> problems(String processKey, Map<String, byte[]> resources) {
		Map<String, Object> beans = beans(resources, new Recorder(new TreeMap<>(), Map.of()));
		try (SimulationEngine simulation = SimulationEngine.start(beans, resources, null,
				SimulationEngine.History.CASES)) {
			long definitions = simulation.engine()
				.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey(processKey)
				.count();
			return (definitions == 1) ? List.of()
					: List.of("no executable process '" + processKey + "' (is it marked executable?)");
		}
		catch (ParseException ex) {
			List<String> problems = new ArrayList<>();
			for (ResourceReport report : ex.getResorceReports()) {
				for (Problem problem : report.getErrors()) {
					problems
						.add(report.getResourceName() + ((problem.getLine() > 0) ? " line " + problem.getLine() : "")
								+ ": " + problem.getMessage());
				}
			}
			return problems.isEmpty() ? List.of(ex.getMessage()) : problems;
		}
		catch (ProcessEngineException ex) {
			return List.of(ex.getMessage());
		}
	}

	/**
	 * Every bean the models name in an expression ({@code ${name}}), resolved to the
	 * recorder.
	 */
	private static Map<String, Object> beans(Map<String, byte[]> resources, Recorder recorder) {
		Map<String, Object> beans = new LinkedHashMap<>();
		resources.forEach((file, content) -> {
			if (file.endsWith(".bpmn")) {
				Matcher matcher = BEAN.matcher(new String(content, java.nio.charset.StandardCharsets.UTF_8));
				while (matcher.find()) {
					beans.put(matcher.group(1), recorder);
				}
			}
		});
		return beans;
	}

	/** One delegate, task listener and execution listener for every named bean. */
	static final class Recorder implements JavaDelegate, TaskListener, ExecutionListener {

		private final Map<String, Integer> recorded;

		private final Map<String, JavaDelegate> effects;

		Recorder(Map<String, Integer> recorded, Map<String, JavaDelegate> effects) {
			this.recorded = recorded;
			this.effects = (effects != null) ? effects : Map.of();
		}

		@Override
		public void execute(DelegateExecution execution) throws Exception {
			String activity = execution.getCurrentActivityId();
			this.recorded.merge(activity, 1, Integer::sum);
			JavaDelegate effect = this.effects.get(activity);
			if (effect != null) {
				effect.execute(execution);
			}
		}

		@Override
		public void notify(DelegateExecution execution) throws Exception {
			execute(execution);
		}

		@Override
		public void notify(DelegateTask task) {
			// task listeners prepare forms in production; a simulated person needs none
		}

	}

	/** A user task as the engine created it: its id, model id, creation and group. */
	private record CreatedTask(String id, String key, Instant created, String group, Instant due) {
	}

	/** Collects the user tasks the engine creates and deletes, in the engine's order. */
	static final class TaskEvents implements TaskListener {

		private final List<CreatedTask> created = new ArrayList<>();

		private final Set<String> deleted = new HashSet<>();

		@Override
		public void notify(DelegateTask task) {
			if (EVENTNAME_CREATE.equals(task.getEventName())) {
				String group = task.getCandidates()
					.stream()
					.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
					.map(IdentityLink::getGroupId)
					.sorted()
					.findFirst()
					.orElse(NO_GROUP);
				this.created
					.add(new CreatedTask(task.getId(), task.getTaskDefinitionKey(), task.getCreateTime().toInstant(),
							group, (task.getDueDate() != null) ? task.getDueDate().toInstant() : null));
			}
			else {
				this.deleted.add(task.getId());
			}
		}

	}

	/** The state of one run. */
	private static final class Run {

		private final SimulationEngine simulation;

		private final TaskService tasks;

		private final String processKey;

		private final Scenario scenario;

		private final Map<String, Integer> recorded;

		private final IntConsumer progress;

		private final Random random;

		private final Map<String, Deque<CreatedTask>> queues = new TreeMap<>();

		private final Map<String, Deque<String>> idle = new TreeMap<>();

		private final Map<String, double[]> activitySums = new TreeMap<>();

		private final Map<String, List<SimulationResult.QueuePoint>> queueSeries = new TreeMap<>();

		private int dueTasks;

		private int lateTasks;

		private Instant wake;

		private final Map<String, double[]> groupSums = new TreeMap<>();

		private final Map<String, int[]> maxQueue = new TreeMap<>();

		private final Map<String, double[]> queueArea = new TreeMap<>();

		private final PriorityQueue<Completion> completions = new PriorityQueue<>(
				Comparator.comparing(Completion::at).thenComparingInt(Completion::sequence));

		private final AtomicInteger sequence = new AtomicInteger();

		private Instant lastQueueChange;

		private int failedJobs;

		private record Completion(Instant at, int sequence, CreatedTask task, String person, double workingSeconds) {
		}

		private final TaskEvents events;

		Run(SimulationEngine simulation, String processKey, Scenario scenario, Map<String, Integer> recorded,
				IntConsumer progress, TaskEvents events) {
			this.events = events;
			this.simulation = simulation;
			this.tasks = simulation.engine().getTaskService();
			this.processKey = processKey;
			this.scenario = scenario;
			this.recorded = recorded;
			this.progress = (progress != null) ? progress : (n) -> {
			};
			this.random = new Random(scenario.seed());
			this.lastQueueChange = scenario.start();
		}

		SimulationResult run() {
			int started = 0;
			Instant nextArrival = this.scenario.start();
			Instant end = this.scenario.start();
			while (true) {
				Instant next = null;
				if (started < this.scenario.cases()) {
					next = nextArrival;
				}
				if (!this.completions.isEmpty()) {
					next = earliest(next, this.completions.peek().at());
				}
				Instant due = this.simulation.nextDue().orElse(null);
				next = earliest(next, due);
				// people come back to queued work when the working day starts
				next = earliest(next, this.wake);
				if (next == null) {
					break;
				}
				if (next.isAfter(SimulatedClock.now())) {
					accountQueues(next);
					SimulatedClock.advanceTo(next);
				}
				Instant now = SimulatedClock.now();
				end = now;
				if (this.wake != null && !this.wake.isAfter(now)) {
					this.wake = null;
				}
				if (due != null && !due.isAfter(now)) {
					this.failedJobs += this.simulation.runDueJobs().failed();
				}
				while (!this.completions.isEmpty() && !this.completions.peek().at().isAfter(now)) {
					complete(this.completions.poll());
				}
				if (started < this.scenario.cases() && !nextArrival.isAfter(now)) {
					Map<String, Object> variables = this.scenario.caseVariables()
						.get(this.random.nextInt(this.scenario.caseVariables().size()));
					this.simulation.engine()
						.getRuntimeService()
						.startProcessInstanceByKey(this.processKey, Scenario.at(variables, now));
					started++;
					this.progress.accept(started);
					nextArrival = this.scenario.nextArrival(now, this.scenario.interArrival().sample(this.random));
				}
				dispatch();
			}
			return result(started, end);
		}

		private boolean hasQueued() {
			return this.queues.values().stream().anyMatch((queue) -> !queue.isEmpty())
					|| !this.events.created.isEmpty();
		}

		private static Instant earliest(Instant a, Instant b) {
			if (a == null) {
				return b;
			}
			return (b == null || a.isBefore(b)) ? a : b;
		}

		/** Adds the queues' lengths over the time that passes until {@code next}. */
		private void accountQueues(Instant next) {
			double seconds = Duration.between(this.lastQueueChange, next).toMillis() / 1000.0;
			this.queues.forEach((group,
					queue) -> this.queueArea.computeIfAbsent(group, (g) -> new double[1])[0] += queue.size() * seconds);
			this.lastQueueChange = next;
		}

		/** Queues the tasks created since the last look, then gives free people work. */
		private void dispatch() {
			Instant now = SimulatedClock.now();
			for (CreatedTask task : this.events.created) {
				this.queues.computeIfAbsent(task.group(), (g) -> new ArrayDeque<>()).addLast(task);
				this.idle.computeIfAbsent(task.group(), this::people);
				int[] max = this.maxQueue.computeIfAbsent(task.group(), (g) -> new int[1]);
				max[0] = Math.max(max[0], this.queues.get(task.group()).size());
				queueChanged(task.group(), now);
			}
			this.events.created.clear();
			WorkingHours hours = this.scenario.workingHours();
			if (hours != null && !hours.isWorking(now)) {
				if (hasQueued()) {
					this.wake = hours.nextWorking(now);
				}
				return;
			}
			this.queues.forEach((group, queue) -> {
				Deque<String> people = this.idle.get(group);
				boolean changed = false;
				while (!people.isEmpty() && !queue.isEmpty()) {
					CreatedTask task = queue.pollFirst();
					changed = true;
					if (this.events.deleted.remove(task.id())) {
						continue; // ended meanwhile (an interrupting timer)
					}
					String person = people.peekFirst();
					try {
						this.tasks.claim(task.id(), person);
					}
					catch (ProcessEngineException ex) {
						continue; // gone with a rolled-back job
					}
					people.pollFirst();
					double waiting = Duration.between(task.created(), now).toMillis() / 1000.0;
					double[] sums = this.groupSums.computeIfAbsent(group, (g) -> new double[4]);
					sums[2] += waiting;
					sums[3]++;
					this.activitySums.computeIfAbsent(task.key(), (k) -> new double[4])[0] += waiting;
					Scenario.TaskBehaviour behaviour = this.scenario.tasks().get(task.key());
					double working = (behaviour != null) ? Math.max(0, behaviour.working().sample(this.random)) : 0;
					Instant done = (hours != null) ? hours.addWorking(now, working)
							: now.plusMillis(Math.round(working * 1000));
					this.completions.add(new Completion(done, this.sequence.incrementAndGet(), task, person, working));
				}
				if (changed) {
					queueChanged(group, now);
				}
			});
		}

		/** The people of a group, by name, all idle at the start. */
		private Deque<String> people(String group) {
			Deque<String> people = new ArrayDeque<>();
			for (int i = 1; i <= this.scenario.people().getOrDefault(group, 1); i++) {
				people.add(group + "-" + i);
			}
			return people;
		}

		private void queueChanged(String group, Instant now) {
			List<SimulationResult.QueuePoint> series = this.queueSeries.computeIfAbsent(group,
					(g) -> new ArrayList<>());
			int length = this.queues.get(group).size();
			if (!series.isEmpty() && series.get(series.size() - 1).at().equals(now)) {
				series.set(series.size() - 1, new SimulationResult.QueuePoint(now, length));
			}
			else if (series.isEmpty() || series.get(series.size() - 1).length() != length) {
				series.add(new SimulationResult.QueuePoint(now, length));
			}
		}

		private void complete(Completion completion) {
			CreatedTask task = completion.task();
			this.idle.get(task.group()).addLast(completion.person());
			double[] sums = this.groupSums.computeIfAbsent(task.group(), (g) -> new double[4]);
			sums[0] += completion.workingSeconds();
			Scenario.TaskBehaviour behaviour = this.scenario.tasks().get(task.key());
			Map<String, Object> answer = Map.of();
			if (behaviour != null && !behaviour.answers().isEmpty()) {
				double draw = this.random.nextDouble();
				double cumulative = 0;
				for (Scenario.Answer candidate : behaviour.answers()) {
					cumulative += candidate.probability();
					answer = candidate.variables();
					if (draw < cumulative) {
						break;
					}
				}
			}
			if (this.events.deleted.remove(task.id())) {
				return; // the task ended while it was worked on (a timer): the work was
						// wasted
			}
			try {
				this.tasks.complete(task.id(), Scenario.at(answer, SimulatedClock.now()));
				sums[1]++;
				double[] activity = this.activitySums.computeIfAbsent(task.key(), (k) -> new double[4]);
				activity[1] += completion.workingSeconds();
				activity[2]++;
				if (task.due() != null) {
					this.dueTasks++;
					if (completion.at().isAfter(task.due())) {
						this.lateTasks++;
					}
				}
			}
			catch (ProcessEngineException ex) {
				// the task ended while it was worked on (a timer): the work was wasted
			}
		}

		private SimulationResult result(int started, Instant end) {
			List<HistoricProcessInstance> finished = this.simulation.engine()
				.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.finished()
				.list();
			List<Double> cycles = finished.stream().map((p) -> p.getDurationInMillis() / 1000.0).toList();
			Map<String, Long> outcomes = new TreeMap<>();
			finished.forEach((p) -> outcomes.merge((p.getEndActivityId() != null) ? p.getEndActivityId() : "cancelled",
					1L, Long::sum));
			double span = Math.max(1, Duration.between(this.scenario.start(), end).toMillis() / 1000.0);
			double available = (this.scenario.workingHours() != null)
					? Math.max(1, this.scenario.workingHours().workingSecondsBetween(this.scenario.start(), end))
					: span;
			Map<String, SimulationResult.GroupFigures> groups = new TreeMap<>();
			this.groupSums.forEach((group, sums) -> {
				int people = this.scenario.people().getOrDefault(group, 1);
				groups.put(group,
						new SimulationResult.GroupFigures(people, (int) sums[1], sums[0],
								sums[0] / (people * available), (sums[3] > 0) ? sums[2] / sums[3] : 0,
								this.maxQueue.getOrDefault(group, new int[1])[0],
								this.queueArea.getOrDefault(group, new double[1])[0] / span));
			});
			Map<String, SimulationResult.ActivityFigures> activities = new TreeMap<>();
			this.activitySums
				.forEach((key, sums) -> activities.put(key, new SimulationResult.ActivityFigures((int) sums[2],
						(sums[2] > 0) ? sums[0] / sums[2] : 0, (sums[2] > 0) ? sums[1] / sums[2] : 0)));
			Map<String, List<SimulationResult.QueuePoint>> series = new TreeMap<>();
			this.queueSeries.forEach((group, points) -> series.put(group, SimulationResult.downsample(points, 200)));
			return new SimulationResult(started, finished.size(), cycles, outcomes, groups, activities, series,
					this.dueTasks, this.lateTasks, Map.copyOf(this.recorded), this.failedJobs, this.scenario.start(),
					end);
		}

	}

}
