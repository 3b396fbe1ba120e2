package io.reflow.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;

import io.reflow.crm.lab.Quantiles;
import io.reflow.crm.lab.simulation.Scenario;
import io.reflow.crm.lab.simulation.SimulationResult;
import io.reflow.crm.lab.simulation.Simulator;
import io.reflow.crm.sales.DemoLeadHistory;
import io.reflow.crm.sales.process.LeadQualificationSimulation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 8: how long the lab's simulator takes for 10,000 {@code lead-qualification}
 * cases (the to-be version from {@code processes/}, every decision table from
 * {@code decisions/}, the demo's scenario: 14 leads a day, working hours, the
 * first-contact timers), on one thread, as {@code POST /api/lab/simulations} runs it. A
 * warm-up run of 500 cases first; then {@code reflow.bench.simulation.repetitions}
 * (default 3) runs of {@code reflow.bench.simulation.cases} (default 10,000). Target:
 * under 60 s.
 */
class SimulationSpeedBenchmark {

	@Test
	void simulateTenThousandLeads() throws IOException {
		int cases = Integer.getInteger("reflow.bench.simulation.cases", 10_000);
		int repetitions = Integer.getInteger("reflow.bench.simulation.repetitions", 3);
		Map<String, byte[]> models = new LinkedHashMap<>();
		models.put("lead-qualification.bpmn", Files.readAllBytes(Path.of("processes/sales/lead-qualification.bpmn")));
		try (Stream<Path> files = Files.list(Path.of("decisions"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".dmn")).sorted().toList()) {
				models.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		Map<String, JavaDelegate> effects = new LeadQualificationSimulation().effects();
		Instant start = Instant.parse("2026-01-05T00:00:00Z");
		Simulator.run("lead-qualification", models, withCases(DemoLeadHistory.scenario(30, start, 1), 500), effects,
				null);

		List<Double> seconds = new ArrayList<>();
		SimulationResult last = null;
		for (int i = 0; i < repetitions; i++) {
			long began = System.nanoTime();
			last = Simulator.run("lead-qualification", models,
					withCases(DemoLeadHistory.scenario(30, start, 1 + i), cases), effects, null);
			seconds.add((System.nanoTime() - began) / 1e9);
			assertThat(last.casesStarted()).isEqualTo(cases);
		}
		double median = Quantiles.median(seconds);
		BenchReport.section("8-simulation-speed", "Simulation speed")
			.paragraph("Machine: %s", BenchReport.machine("the simulation's own in-memory H2"))
			.paragraph("Command: `mvn -Pbench -Dit.test=SimulationSpeedBenchmark`. %,d lead-qualification cases (to-be "
					+ "version, real decision tables and timers, the demo's scenario), one thread, after a warm-up "
					+ "of 500; %d repetitions.", cases, repetitions)
			.table(List.of("Figure", "Value"),
					List.of(List.of("Seconds per run (median)", String.format(Locale.ROOT, "%.1f", median)),
							List.of("Runs (s)", String.join(", ",
									seconds.stream().map((s) -> String.format(Locale.ROOT, "%.1f", s)).toList())),
							List.of("Cases per second", String.format(Locale.ROOT, "%.0f", cases / median)),
							List.of("Cases finished in the last run", String.valueOf(last.casesFinished())),
							List.of("Simulated span of the last run",
									java.time.Duration.between(last.simulatedStart(), last.simulatedEnd()).toDays()
											+ " days"),
							List.of("Target", "under 60 s")))
			.write();
	}

	static Scenario withCases(Scenario scenario, int cases) {
		return new Scenario(cases, scenario.interArrival(), scenario.caseVariables(), scenario.tasks(),
				scenario.people(), scenario.seed(), scenario.start(), scenario.workingHours(),
				scenario.arrivalProfile());
	}

}
