package io.reflow.crm.lab.simulation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import io.reflow.crm.lab.Quantiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulator on a probe process whose queueing behaviour is known from theory: one
 * person, cases arriving every 60 minutes on average (Poisson), work of 30 minutes on
 * average (exponential) is an M/M/1 queue with utilization 0.5 and a mean wait of 30
 * minutes. A non-interrupting timer one hour after a task's creation escalates the cases
 * still waiting then, through a recorder.
 */
class SimulatorTest {

	static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

	/**
	 * Enough cases for the averages to settle near theory, few enough for a unit test.
	 */
	static final int CASES = 600;

	static BpmnModelInstance model() {
		return Bpmn.createExecutableProcess("probe")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEvent_Arrived")
			.userTask("Task_Work")
			.camundaCandidateGroups("team")
			.boundaryEvent("Timer_Overdue")
			.cancelActivity(false)
			.timerWithDuration("PT1H")
			.serviceTask("Task_Escalate")
			.camundaDelegateExpression("${escalateDelegate}")
			.endEvent("EndEvent_Escalated")
			.moveToActivity("Task_Work")
			.exclusiveGateway("Gateway_Outcome")
			.condition("won", "${outcome == 'won'}")
			.endEvent("EndEvent_Won")
			.moveToNode("Gateway_Outcome")
			.condition("lost", "${outcome != 'won'}")
			.endEvent("EndEvent_Lost")
			.done();
	}

	static Map<String, byte[]> resources() {
		return Map.of("probe.bpmn", Bpmn.convertToString(model()).getBytes(StandardCharsets.UTF_8));
	}

	static Scenario scenario(int cases, long seed) {
		return new Scenario(cases, new Distribution.Exponential(3600), List.of(Map.of("source", "WEB")),
				Map.of("Task_Work",
						new Scenario.TaskBehaviour(new Distribution.Exponential(1800),
								List.of(new Scenario.Answer(0.25, Map.of("outcome", "won")),
										new Scenario.Answer(0.75, Map.of("outcome", "lost"))))),
				Map.of("team", 1), seed, START);
	}

	@Test
	void shouldNameWhatTheEngineRefusesInModelsToSimulate() {
		assertThat(Simulator.problems("probe", resources())).isEmpty();

		String xml = Bpmn.convertToString(model());
		String dangling = xml.replaceFirst("targetRef=\"Task_Work\"", "targetRef=\"Nowhere\"");
		List<String> problems = Simulator.problems("probe",
				Map.of("probe.bpmn", dangling.getBytes(StandardCharsets.UTF_8)));
		System.out.println("Refused: " + problems);
		assertThat(problems).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem).matches("probe\\.bpmn line [0-9]+: .+"));
		assertThat(String.join("\n", problems)).contains("Nowhere");

		String notExecutable = xml.replace("isExecutable=\"true\"", "isExecutable=\"false\"");
		assertThat(Simulator.problems("probe", Map.of("probe.bpmn", notExecutable.getBytes(StandardCharsets.UTF_8))))
			.containsExactly("no executable process 'probe' (is it marked executable?)");
		assertThat(Simulator.problems("other", resources()))
			.containsExactly("no executable process 'other' (is it marked executable?)");
	}

	@Test
	void shouldReproduceTheQueueingTheoryOfOnePersonAndPoissonArrivals() {
		List<Integer> progress = new ArrayList<>();

		SimulationResult result = Simulator.run("probe", resources(), scenario(CASES, 42), Map.of(), progress::add);

		assertThat(result.casesStarted()).isEqualTo(CASES);
		assertThat(progress).hasSize(CASES).endsWith(CASES);
		// every case ends in won or lost; the escalation branches end too
		assertThat(result.outcomes().get("EndEvent_Won") + result.outcomes().get("EndEvent_Lost")).isEqualTo(CASES);
		assertThat((double) result.outcomes().get("EndEvent_Won") / CASES).isCloseTo(0.25, within(0.05));
		SimulationResult.GroupFigures team = result.groups().get("team");
		assertThat(team.tasksDone()).isEqualTo(CASES);
		assertThat(team.utilization()).isCloseTo(0.5, within(0.07));
		assertThat(team.meanWaitingSeconds()).isCloseTo(1800, within(700.0));
		// mean number waiting in an M/M/1 queue: rho^2 / (1 - rho) = 0.5
		assertThat(team.meanQueue()).isCloseTo(0.5, within(0.25));
		// the mean time in the system, 1 / (mu - lambda) = 60 minutes
		double mean = result.cycleSeconds()
			.stream()
			.filter((seconds) -> seconds > 0)
			.mapToDouble(Double::doubleValue)
			.average()
			.orElseThrow();
		assertThat(mean).isCloseTo(3600, within(1000.0));
		// the timer fired, in simulated time, for the cases still open after an hour
		assertThat(result.recorded().get("Task_Escalate")).isPositive().isLessThan(CASES);
		assertThat(result.simulatedEnd()).isAfter(START.plusSeconds(CASES * 3600L * 8 / 10));
	}

	@Test
	void shouldGiveTheSameResultForTheSameSeedAndAnotherForAnother() {
		SimulationResult first = Simulator.run("probe", resources(), scenario(100, 7), Map.of(), null);
		SimulationResult again = Simulator.run("probe", resources(), scenario(100, 7), Map.of(), null);
		SimulationResult other = Simulator.run("probe", resources(), scenario(100, 8), Map.of(), null);

		assertThat(again.outcomes()).isEqualTo(first.outcomes());
		assertThat(again.groups()).isEqualTo(first.groups());
		assertThat(Quantiles.median(again.cycleSeconds())).isEqualTo(Quantiles.median(first.cycleSeconds()));
		assertThat(again.simulatedEnd()).isEqualTo(first.simulatedEnd());
		assertThat(other.simulatedEnd()).isNotEqualTo(first.simulatedEnd());
	}

	@Test
	void shouldLetAnEffectSetWhatTheProcessNeedsAndCountEachRecordedStep() {
		List<Object> seen = new ArrayList<>();
		JavaDelegate effect = (execution) -> seen.add(execution.getVariable("source"));

		SimulationResult result = Simulator.run("probe", resources(),
				new Scenario(20, new Distribution.Fixed(600), List.of(Map.of("source", "EVENT")),
						Map.of("Task_Work",
								new Scenario.TaskBehaviour(new Distribution.Fixed(7200),
										List.of(new Scenario.Answer(1, Map.of("outcome", "won"))))),
						Map.of("team", 20), 1, START),
				Map.of("Task_Escalate", effect), null);

		// 20 people, 2 h of work each, due after 1 h: every case is escalated once, and
		// won
		assertThat(result.recorded()).containsEntry("Task_Escalate", 20);
		assertThat(seen).hasSize(20).containsOnly("EVENT");
		assertThat(result.outcomes()).containsOnly(Map.entry("EndEvent_Won", 20L));
		assertThat(Quantiles.median(result.cycleSeconds().stream().filter((s) -> s > 3600).toList())).isEqualTo(7200);
		assertThat(result.groups().get("team").meanWaitingSeconds()).isZero();
	}

}
