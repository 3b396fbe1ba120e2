package io.reflow.crm.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.feel.ParsedFeelEngine;
import io.reflow.crm.platform.feel.ParsedFeelPlugin;
import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Section 4: evaluations per second of the decisions {@code discount-approval} (with its
 * required decision {@code discount}), {@code lead-assignment} and {@code escalation},
 * one thread, through the application's engine on PostgreSQL ({@link DecisionService},
 * decision history as the application configures it: history level full, plus the kpi
 * module's history handler) against the standalone DMN engine (the same files parsed
 * once, evaluated many times, no history). Inputs are drawn from realistic ranges with a
 * fixed seed, so every rule of the tables is hit.
 *
 * <p>
 * System properties: {@code reflow.bench.decisions.engineMillis} (time per repetition of
 * an engine variant, default 2000), {@code reflow.bench.decisions.dmnMillis} (of a DMN
 * engine variant, default 1000), {@code reflow.bench.decisions.repetitions} (default 5).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({ "demo", "test", "postgres" })
class DecisionsBenchmark {

	static final List<String> DECISIONS = List.of("discount-approval", "lead-assignment", "escalation");

	static final Map<String, String> FILES = Map.of("discount-approval", "decisions/discount.dmn", "lead-assignment",
			"decisions/lead-assignment.dmn", "escalation", "decisions/escalation.dmn");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_bench_decisions");
	}

	@Autowired
	DecisionService decisionService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Test
	void measureEvaluationsPerSecond() throws Exception {
		long engineMillis = Long.getLong("reflow.bench.decisions.engineMillis", 2000);
		long dmnMillis = Long.getLong("reflow.bench.decisions.dmnMillis", 1000);
		int repetitions = Integer.getInteger("reflow.bench.decisions.repetitions", 5);

		DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DefaultDmnEngineConfiguration legacyConfiguration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		legacyConfiguration.enableFeelLegacyBehavior(true);
		DmnEngine legacyEngine = legacyConfiguration.buildEngine();
		DefaultDmnEngineConfiguration parsedConfiguration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		parsedConfiguration.setFeelEngineFactory(() -> new ParsedFeelEngine(null, ParsedFeelPlugin.MAXIMUM_SIZE));
		DmnEngine parsedEngine = parsedConfiguration.buildEngine();
		Map<String, DmnDecision> parsedOnce = new LinkedHashMap<>();
		Map<String, DmnDecision> parsed = new LinkedHashMap<>();
		Map<String, DmnDecision> legacyParsed = new LinkedHashMap<>();
		for (String key : DECISIONS) {
			try (InputStream xml = getClass().getClassLoader().getResourceAsStream(FILES.get(key))) {
				parsed.put(key, dmnEngine.parseDecision(key, xml));
			}
			try (InputStream xml = getClass().getClassLoader().getResourceAsStream(FILES.get(key))) {
				parsedOnce.put(key, parsedEngine.parseDecision(key, xml));
			}
			if (LEGACY_FEEL.contains(key)) {
				try (InputStream xml = getClass().getClassLoader().getResourceAsStream(FILES.get(key))) {
					legacyParsed.put(key, legacyEngine.parseDecision(key, xml));
				}
			}
		}
		Map<String, List<VariableMap>> inputs = new LinkedHashMap<>();
		Random random = new Random(8);
		DECISIONS.forEach((key) -> inputs.put(key, inputs(key, random, 4096)));

		// every decision once, before timing: both variants must give the same answers
		for (String key : DECISIONS) {
			for (VariableMap variables : inputs.get(key).subList(0, CHECKED)) {
				Object engine = this.decisionService.evaluateDecisionByKey(key)
					.variables(variables)
					.evaluate()
					.getResultList();
				Object dmn = dmnEngine.evaluateDecision(parsed.get(key), variables).getResultList();
				if (!engine.equals(dmn)) {
					throw new IllegalStateException(key + ": engine " + engine + " but DMN engine " + dmn);
				}
				Object once = parsedEngine.evaluateDecision(parsedOnce.get(key), variables).getResultList();
				if (!once.equals(dmn)) {
					throw new IllegalStateException(key + ": parse-once FEEL " + once + " but DMN engine " + dmn);
				}
				if (legacyParsed.containsKey(key)) {
					Object legacy = legacyEngine.evaluateDecision(legacyParsed.get(key), variables).getResultList();
					if (!legacy.equals(dmn)) {
						throw new IllegalStateException(key + ": legacy FEEL " + legacy + " but DMN engine " + dmn);
					}
				}
			}
		}

		long historyBefore = this.historyService.createHistoricDecisionInstanceQuery().count();
		Map<String, double[]> cpuPerEvaluation = new LinkedHashMap<>();
		Interleaved runs = Interleaved.of().warmups(1).repetitions(repetitions);
		for (String key : DECISIONS) {
			List<VariableMap> variables = inputs.get(key);
			runs.variant("engine " + key,
					() -> timed(engineMillis, cpu(cpuPerEvaluation, "engine " + key),
							(i) -> this.decisionService.evaluateDecisionByKey(key)
								.variables(variables.get(i & 4095))
								.evaluate()));
			DmnDecision decision = parsed.get(key);
			runs.variant("dmn " + key, () -> timed(dmnMillis, cpu(cpuPerEvaluation, "dmn " + key),
					(i) -> dmnEngine.evaluateDecision(decision, variables.get(i & 4095))));
			DmnDecision onceDecision = parsedOnce.get(key);
			runs.variant("parsed " + key, () -> timed(dmnMillis, cpu(cpuPerEvaluation, "parsed " + key),
					(i) -> parsedEngine.evaluateDecision(onceDecision, variables.get(i & 4095))));
			if (legacyParsed.containsKey(key)) {
				DmnDecision legacyDecision = legacyParsed.get(key);
				runs.variant("legacy " + key, () -> timed(dmnMillis, cpu(cpuPerEvaluation, "legacy " + key),
						(i) -> legacyEngine.evaluateDecision(legacyDecision, variables.get(i & 4095))));
			}
		}
		Map<String, Stats> results = runs.run();
		long historyWritten = this.historyService.createHistoricDecisionInstanceQuery().count() - historyBefore;

		List<List<String>> rows = new ArrayList<>();
		for (String key : DECISIONS) {
			Stats engine = results.get("engine " + key);
			Stats dmn = results.get("dmn " + key);
			Stats legacy = results.get("legacy " + key);
			Stats once = results.get("parsed " + key);
			rows.add(List.of("`" + key + "`", engine.summary("%.0f"), percent(engine.spread()),
					cpuMicros(cpuPerEvaluation, "engine " + key), dmn.summary("%.0f"), percent(dmn.spread()),
					cpuMicros(cpuPerEvaluation, "dmn " + key), once.summary("%.0f"), percent(once.spread()),
					cpuMicros(cpuPerEvaluation, "parsed " + key),
					(legacy != null) ? legacy.summary("%.0f") : "n/a (FEEL beyond the legacy subset)",
					(legacy != null) ? percent(legacy.spread()) : "",
					(legacy != null) ? cpuMicros(cpuPerEvaluation, "legacy " + key) : "",
					String.format(Locale.ROOT, "%.3f", engine.median() / dmn.median()),
					String.format(Locale.ROOT, "%.4f", dmn.median() / 200_000),
					(legacy != null) ? String.format(Locale.ROOT, "%.2f", legacy.median() / 200_000) : "n/a"));
		}
		String historyLevel = ((ProcessEngineConfigurationImpl) this.engineConfiguration).getHistoryLevel().getName();
		BenchReport.section("4-decisions", "4. Decisions: engine (PostgreSQL, history) vs standalone DMN engine")
			.paragraph(BenchReport.machine("PostgreSQL " + PostgresServer.version()
					+ " (embedded zonky server, fsync off, synchronous_commit off, same host) for the engine variant; the DMN engine variant touches no database"))
			.paragraph(
					"""
							Evaluations per second, one thread. **Engine**: `DecisionService.evaluateDecisionByKey(key)` of the \
							application's engine (Spring Boot context, profile postgres) on PostgreSQL, history level `%s` \
							as in application.yaml plus the kpi module's history handler, and the parse-once FEEL engine \
							(`ParsedFeelPlugin`): every evaluation is one engine \
							command and one transaction writing the decision instance with its inputs and outputs \
							(`ACT_HI_DECINST`, `ACT_HI_DEC_IN`, `ACT_HI_DEC_OUT`; `discount-approval` writes two decision \
							instances, its required decision `discount` included). **DMN engine**: \
							`DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()`, each file parsed \
							once, then `evaluateDecision` in a loop (no database, no history). Each repetition runs for %d ms \
							(engine) / %d ms (DMN engine); variants interleaved after 1 warm-up round, %d repetitions, \
							figures are median (min, max, n) evaluations/s. Inputs: 4,096 per decision drawn with a fixed \
							seed from realistic ranges (tiers, amounts 5k..2M CNY, requested discounts 0..40 %%, scores \
							0..100, company sizes 1..5,000, the five regions, every breach/priority/tier/level), so every \
							rule is hit; before timing, %d inputs per decision are checked to give the same result in \
							every variant. Decision instances written to history during the timed runs: %d. \
							**DMN engine, parse-once FEEL**: the same default configuration with the FEEL engine \
							the application's engine uses (`platform.feel.ParsedFeelEngine`: feel-scala, each text \
							parsed once and the built-in function table built once). \
							**DMN engine, legacy FEEL**: the same default configuration with \
							`enableFeelLegacyBehavior(true)` (the JUEL-based FEEL engine Camunda used up to 7.12, the \
							engine of the 200,000/s anchor); only for the tables whose FEEL it understands \
							(`discount-approval` uses `[0..maxDiscount + 0.05]` and `not(null)`, which it does not). \
							CPU µs per evaluation: CPU time of the measuring thread over all timed repetitions divided \
							by the evaluations, a figure that other processes on the machine disturb less than the \
							wall-clock rate."""
						.formatted(historyLevel, engineMillis, dmnMillis, repetitions, CHECKED, historyWritten))
			.table(List.of("decision", "engine evaluations/s", "spread", "engine CPU µs per evaluation (JVM thread)",
					"DMN engine (FEEL scala) evaluations/s", "spread", "CPU µs per evaluation",
					"DMN engine, parse-once FEEL (Reflow's) evaluations/s", "spread", "CPU µs per evaluation",
					"DMN engine, legacy FEEL (JUEL) evaluations/s", "spread", "CPU µs per evaluation",
					"engine / DMN engine", "DMN engine / 200,000 anchor", "legacy FEEL / 200,000 anchor"), rows)
			.paragraph("""
					Anchor: Camunda's own benchmark reported > 200,000 evaluations/s on one thread for the DMN \
					engine (2016, JUEL-based FEEL). The default FEEL engine of Camunda 7.13+ (feel-scala, \
					`ScalaFeelEngine`) parses every input entry and output entry again on every evaluation and \
					builds its built-in function table per expression (no cache of parsed expressions: \
					camunda/feel-scala#1149, open), so a decision table costs milliseconds of CPU per \
					evaluation instead of microseconds; the legacy FEEL engine caches its parsed expressions. \
					Reflow's parse-once FEEL engine keeps feel-scala's semantics and removes both repeated costs. \
					The engine variant adds one PostgreSQL transaction with the decision history inserts per \
					evaluation; in the application the decisions run inside a process instance's transaction \
					(business rule task), where that commit is shared with the process's own work.""")
			.write();
	}

	static final int CHECKED = 50;

	/** DMN files whose FEEL stays within the legacy (JUEL-based) FEEL engine's subset. */
	static final List<String> LEGACY_FEEL = List.of("lead-assignment", "escalation");

	static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	static double[] cpu(Map<String, double[]> cpu, String variant) {
		return cpu.computeIfAbsent(variant, (v) -> new double[2]);
	}

	static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
	}

	/** CPU time of the measuring thread per evaluation, over all timed repetitions. */
	static String cpuMicros(Map<String, double[]> cpu, String variant) {
		double[] figures = cpu.get(variant);
		return String.format(Locale.ROOT, "%.1f", figures[0] / figures[1] / 1000.0);
	}

	/**
	 * Runs {@code call} for about {@code millis}; returns calls per second (wall clock)
	 * and adds the thread's CPU nanoseconds and the calls to {@code cpu}.
	 */
	static double timed(long millis, double[] cpu, IndexedCall call) throws Exception {
		long cpuStart = THREADS.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		long deadline = start + millis * 1_000_000L;
		int i = 0;
		long now;
		do {
			for (int batch = 0; batch < 16; batch++) {
				call.call(i++);
			}
			now = System.nanoTime();
		}
		while (now < deadline);
		cpu[0] += THREADS.getCurrentThreadCpuTime() - cpuStart;
		cpu[1] += i;
		return i / ((now - start) / 1e9);
	}

	@FunctionalInterface
	interface IndexedCall {

		Object call(int index) throws Exception;

	}

	static final String[] TIERS = { "STRATEGIC", "KEY", "STANDARD", "NEW" };

	static final String[] REGIONS = { "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL" };

	static final String[] BREACHES = { "RESPONSE", "RESOLUTION", "REOPENED" };

	static final String[] PRIORITIES = { "P1", "P2", "P3", "P4" };

	static List<VariableMap> inputs(String key, Random random, int count) {
		List<VariableMap> inputs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			inputs.add(switch (key) {
				case "discount-approval" -> Variables.createVariables()
					.putValue("customerTier", TIERS[random.nextInt(TIERS.length)])
					.putValue("orderAmount",
							(double) Math.round(Math
								.exp(Math.log(5_000) + random.nextDouble() * (Math.log(2_000_000) - Math.log(5_000)))))
					.putValue("requestedDiscount", Math.round(random.nextDouble() * 40) / 100.0);
				case "lead-assignment" -> Variables.createVariables()
					.putValue("leadScore", random.nextInt(101))
					.putValue("companySize", (int) Math.round(Math.exp(random.nextDouble() * Math.log(5_000))))
					.putValue("region", REGIONS[random.nextInt(REGIONS.length)]);
				case "escalation" -> Variables.createVariables()
					.putValue("breach", BREACHES[random.nextInt(BREACHES.length)])
					.putValue("priority", PRIORITIES[random.nextInt(PRIORITIES.length)])
					.putValue("customerTier", TIERS[random.nextInt(TIERS.length)])
					.putValue("escalationLevel", random.nextInt(4));
				default -> throw new IllegalArgumentException(key);
			});
		}
		return inputs;
	}

}
