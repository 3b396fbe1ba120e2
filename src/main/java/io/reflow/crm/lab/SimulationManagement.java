package io.reflow.crm.lab;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.lab.simulation.Scenario;
import io.reflow.crm.lab.simulation.ScenarioFile;
import io.reflow.crm.lab.simulation.SimulationEffects;
import io.reflow.crm.lab.simulation.SimulationResult;
import io.reflow.crm.lab.simulation.Simulator;
import io.reflow.crm.platform.web.InvalidFieldException;

import org.springframework.stereotype.Service;

/**
 * Runs simulations (lab.simulation) one at a time in the background: a baseline version
 * of a process and a candidate (another deployed version, or a draft BPMN/DMN uploaded
 * for the run and never deployed), under one scenario calibrated from the baseline's
 * history with the run's overrides, and the same random seed, so the difference between
 * the two is the models'. Production's engine and database are only read (models and
 * history); each run deploys into an isolated in-memory engine of its own. The last
 * {@link #KEPT} runs are kept in memory.
 */
@Service
public class SimulationManagement {

	private static final Logger log = LoggerFactory.getLogger(SimulationManagement.class);

	static final int KEPT = 20;

	private final ScorecardManagement scorecards;

	private final ProcessModels models;

	private final Calibration calibration;

	private final List<SimulationEffects> effects;

	private final LabProperties properties;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "lab-simulation");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, SimulationRun> runs = new LinkedHashMap<>();

	SimulationManagement(ScorecardManagement scorecards, ProcessModels models, Calibration calibration,
			List<SimulationEffects> effects, LabProperties properties) {
		this.scorecards = scorecards;
		this.models = models;
		this.calibration = calibration;
		this.effects = effects;
		this.properties = properties;
	}

	/** What to simulate. */
	public record Request(String process, String baseline, String candidate, Map<String, byte[]> draft, String scenario,
			Long seed) {
	}

	/** A run: its state, progress and, once done, both results side by side. */
	public static final class SimulationRun {

		private final String id;

		private final Instant requested = Instant.now();

		private final String process;

		private final String baseline;

		private final String candidate;

		private final int cases;

		private final List<String> calibration;

		private final AtomicInteger progress = new AtomicInteger();

		private volatile String state = "QUEUED";

		private volatile String message;

		private volatile SimulationComparison result;

		SimulationRun(String id, String process, String baseline, String candidate, int cases,
				List<String> calibration) {
			this.id = id;
			this.process = process;
			this.baseline = baseline;
			this.candidate = candidate;
			this.cases = cases;
			this.calibration = calibration;
		}

		public String getId() {
			return this.id;
		}

		public Instant getRequested() {
			return this.requested;
		}

		public String getProcess() {
			return this.process;
		}

		public String getBaseline() {
			return this.baseline;
		}

		public String getCandidate() {
			return this.candidate;
		}

		public int getCases() {
			return this.cases;
		}

		public List<String> getCalibration() {
			return this.calibration;
		}

		public String getState() {
			return this.state;
		}

		public String getMessage() {
			return this.message;
		}

		/** Cases started so far over all the run's simulations, 0 to 1. */
		public double getProgress() {
			int total = this.cases * ((this.candidate != null) ? 2 : 1);
			return Math.min(1, (double) this.progress.get() / total);
		}

		public SimulationComparison getResult() {
			return this.result;
		}

	}

	/**
	 * Checks the request, calibrates the scenario and queues the run.
	 * @throws InvalidFieldException for a bad scenario or draft, including a draft the
	 * engine refuses to deploy (answered with 400)
	 */
	public SimulationRun start(Request request) {
		List<ProcessDefinition> versions = this.scorecards.versions(request.process());
		ProcessDefinition baseline = (request.baseline() != null && !request.baseline().isBlank())
				? ScorecardManagement.resolve(versions, request.baseline(), "baseline")
				: versions.get(versions.size() - 1);
		Map<String, byte[]> baselineModels = this.models.forSimulation(baseline);
		Map<String, byte[]> candidateModels = null;
		String candidateName = null;
		ProcessDefinition candidateVersion = null;
		if (request.draft() != null && !request.draft().isEmpty()) {
			candidateModels = withDraft(baselineModels, request.draft(), request.process());
			candidateName = "draft " + String.join(", ", request.draft().keySet());
			// the engine's refusal is the analyst's to fix: 400, not a failed run
			List<String> problems = Simulator.problems(request.process(), candidateModels);
			if (!problems.isEmpty()) {
				throw new InvalidFieldException("files",
						"the engine refuses the draft: "
								+ String.join("; ", problems.subList(0, Math.min(5, problems.size())))
								+ ((problems.size() > 5) ? " (and " + (problems.size() - 5) + " more)" : ""));
			}
		}
		else if (request.candidate() != null && !request.candidate().isBlank()) {
			candidateVersion = ScorecardManagement.resolve(versions, request.candidate(), "candidate");
			candidateModels = this.models.forSimulation(candidateVersion);
			candidateName = name(candidateVersion);
		}
		long seed = (request.seed() != null) ? request.seed() : 1;
		Calibration.Calibrated calibrated = this.calibration.calibrate(baseline.getId(),
				Math.min(1000, this.properties.maxSimulationCases()), seed);
		Scenario common = calibrated.scenario();
		List<String> notes = new ArrayList<>(calibrated.notes());
		if (candidateVersion != null) {
			// tasks and groups only the candidate has: from the candidate's own history
			Calibration.Calibrated other = this.calibration.calibrate(candidateVersion.getId(), 1, seed);
			Map<String, Scenario.TaskBehaviour> tasks = new LinkedHashMap<>(other.scenario().tasks());
			tasks.putAll(common.tasks());
			Map<String, Integer> people = new LinkedHashMap<>(other.scenario().people());
			people.putAll(common.people());
			for (String task : other.scenario().tasks().keySet()) {
				if (!common.tasks().containsKey(task)) {
					notes.add(task + " (candidate only): working time and answers from the candidate's history");
				}
			}
			common = new Scenario(common.cases(), common.interArrival(), common.caseVariables(), tasks, people,
					common.seed(), common.start(), common.workingHours(), common.arrivalProfile());
		}
		Scenario scenario = ScenarioFile.apply(request.scenario(), common, this.properties.maxSimulationCases());
		SimulationRun run = new SimulationRun(UUID.randomUUID().toString(), request.process(), name(baseline),
				candidateName, scenario.cases(), notes);
		synchronized (this.runs) {
			this.runs.put(run.id, run);
			while (this.runs.size() > KEPT) {
				this.runs.remove(this.runs.keySet().iterator().next());
			}
		}
		Map<String, byte[]> candidateFinal = candidateModels;
		this.executor.submit(() -> execute(run, request.process(), scenario, baselineModels, candidateFinal));
		return run;
	}

	public Optional<SimulationRun> find(String id) {
		synchronized (this.runs) {
			return Optional.ofNullable(this.runs.get(id));
		}
	}

	public List<SimulationRun> recent() {
		synchronized (this.runs) {
			List<SimulationRun> recent = new ArrayList<>(this.runs.values());
			java.util.Collections.reverse(recent);
			return recent;
		}
	}

	private void execute(SimulationRun run, String process, Scenario scenario, Map<String, byte[]> baseline,
			Map<String, byte[]> candidate) {
		run.state = "RUNNING";
		long started = System.nanoTime();
		try {
			Map<String, JavaDelegate> effects = SimulationEffects.of(this.effects, process);
			SimulationResult before = Simulator.run(process, baseline, scenario, effects,
					(n) -> run.progress.incrementAndGet());
			SimulationResult after = (candidate != null)
					? Simulator.run(process, candidate, scenario, effects, (n) -> run.progress.incrementAndGet())
					: null;
			run.result = SimulationComparison.of(before, after, this.properties);
			run.state = "DONE";
			log.info("Simulation {} of {}: {} cases {} in {} ms", run.id, process, scenario.cases(),
					(candidate != null) ? "x 2 models" : "", (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			run.state = "FAILED";
			run.message = rootMessage(ex);
			log.info("Simulation {} of {} failed: {}", run.id, process, run.message);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : cause.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

	private static String name(ProcessDefinition definition) {
		return "v" + definition.getVersion()
				+ ((definition.getVersionTag() != null) ? " (" + definition.getVersionTag() + ")" : "");
	}

	/**
	 * The baseline's models with the draft's files: a BPMN file replaces the process (it
	 * must define an executable process with the same key), a DMN file replaces the
	 * deployed file of the same name or is added.
	 */
	static Map<String, byte[]> withDraft(Map<String, byte[]> baseline, Map<String, byte[]> draft, String process) {
		Map<String, byte[]> models = new LinkedHashMap<>(baseline);
		for (Map.Entry<String, byte[]> file : draft.entrySet()) {
			String name = file.getKey();
			String text = new String(file.getValue(), StandardCharsets.UTF_8);
			if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
				throw new InvalidFieldException("files", name + ": document type declarations are not allowed");
			}
			if (name.endsWith(".bpmn")) {
				if (!text.matches("(?s).*<(\\w+:)?process\\s[^>]*id=\"" + java.util.regex.Pattern.quote(process)
						+ "\"[^>]*>.*")) {
					throw new InvalidFieldException("files",
							name + ": a draft must define the process '" + process + "' (its id)");
				}
				models.remove(process + ".bpmn");
				models.put(process + ".bpmn", file.getValue());
			}
			else if (name.endsWith(".dmn")) {
				models.put(ProcessModels.fileName(name), file.getValue());
			}
			else {
				throw new InvalidFieldException("files", name + ": only .bpmn and .dmn files can be simulated");
			}
		}
		return models;
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
