package io.reflow.crm.lab;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;

import io.reflow.crm.lab.simulation.Distribution;
import io.reflow.crm.lab.simulation.Scenario;
import io.reflow.crm.lab.simulation.SimulationResult;
import io.reflow.crm.lab.simulation.Simulator;
import io.reflow.crm.sales.DemoLeadHistory;
import io.reflow.crm.sales.process.LeadQualificationSimulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulator's validation: history of the as-is {@code lead-qualification} (100 days
 * of the demo's scenario, run on the simulator's engine with history kept), calibrated
 * from that history alone by {@link Calibration}, and simulated again with another seed:
 * the simulated cycle time median is within 10 % of the measured one. The calibration
 * reads the same tables production's history is in, with the same SQL.
 */
class CalibrationValidationTest {

	static final Instant START = Instant.parse("2026-03-01T16:00:00Z");

	static LabProperties properties() {
		return new LabProperties(
				Map.of(), BigDecimal.ZERO, "CNY", 0.05, 200_000, new LabProperties.Hours(ZoneId.of("Asia/Shanghai"),
						EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)),
				20_000);
	}

	static Map<String, byte[]> asIs() throws Exception {
		Map<String, byte[]> models = new LinkedHashMap<>();
		models.put("lead-qualification.bpmn",
				Files.readAllBytes(Path.of("processes/sales/lead-qualification.as-is.bpmn")));
		try (Stream<Path> files = Files.list(Path.of("decisions"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".dmn")).sorted().toList()) {
				models.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		return models;
	}

	static final Map<String, JavaDelegate> EFFECTS = new LeadQualificationSimulation().effects();

	@Test
	void shouldReproduceTheMeasuredCycleTimeMedianWithinTenPercent() throws Exception {
		Map<String, byte[]> models = asIs();
		Calibration.Calibrated[] calibrated = new Calibration.Calibrated[1];
		SimulationResult history = Simulator.run("lead-qualification", models, DemoLeadHistory.scenario(100, START, 11),
				EFFECTS, null, (engine) -> {
					String definition = engine.engine()
						.getRepositoryService()
						.createProcessDefinitionQuery()
						.singleResult()
						.getId();
					calibrated[0] = new Calibration(engine.dataSource(), properties()).calibrate(definition, 20_000,
							12);
				});
		Scenario scenario = calibrated[0].scenario();

		SimulationResult replay = Simulator.run("lead-qualification", models, scenario, EFFECTS, null);

		double measured = Quantiles.median(history.cycleSeconds());
		double simulated = Quantiles.median(replay.cycleSeconds());
		System.out.printf("Validation: measured median %.2f h of %d cases, simulated from calibration %.2f h of %d%n",
				measured / 3600, history.casesFinished(), simulated / 3600, replay.casesFinished());
		System.out.println("Calibration: " + calibrated[0].notes());
		assertThat(simulated).isCloseTo(measured, within(measured * 0.10));
		// what the calibration found is the scenario the history was made with
		assertThat(scenario.cases()).isEqualTo(history.casesStarted());
		assertThat(scenario.people()).containsAllEntriesOf(Map.of("inside-sales", 2, "key-accounts", 1));
		// the history was made at a constant rate: no weekly pattern may be read into it
		assertThat(scenario.arrivalProfile()).isNull();
		assertThat(((Distribution.Exponential) scenario.interArrival()).meanSeconds()).isCloseTo(86_400 / 14.0,
				within(86_400 / 14.0 * 0.05));
		assertThat(scenario.tasks().get("Task_QualifyLead").answers())
			.extracting((a) -> a.variables().get("qualificationOutcome"))
			.contains("QUALIFIED", "DISQUALIFIED");
		assertThat(scenario.caseVariables()).hasSize(history.casesStarted())
			.allSatisfy((variables) -> assertThat(variables).containsKeys("source", "companySize", "budgetConfirmed"));
	}

}
