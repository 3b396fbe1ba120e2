package io.reflow.crm.lab.simulation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated clock drives a real engine's timers: each fires at its due time in
 * simulated time, history records the simulated times, delegates come from the bean map,
 * and other threads (production's engine in the same JVM) keep the real time throughout.
 */
class SimulatedTimersTest {

	static final Instant START = Instant.parse("2026-01-05T01:00:00Z");

	/** Start, wait 2 h, a service task (a recorder), then wait 1 day, end. */
	static BpmnModelInstance model() {
		return Bpmn.createExecutableProcess("timers")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEvent_Started")
			.intermediateCatchEvent("Timer_TwoHours")
			.timerWithDuration("PT2H")
			.serviceTask("Task_Record")
			.camundaDelegateExpression("${recorder}")
			.intermediateCatchEvent("Timer_OneDay")
			.timerWithDuration("P1D")
			.endEvent("EndEvent_Done")
			.done();
	}

	static Map<String, byte[]> resources() {
		return Map.of("timers.bpmn", Bpmn.convertToString(model()).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldFireEachTimerAtItsDueTimeInSimulatedTime() throws Exception {
		List<Instant> recorded = new ArrayList<>();
		JavaDelegate recorder = (execution) -> recorded.add(ClockUtil.getCurrentTime().toInstant());

		List<Instant> fired = SimulatedClock.run(START, () -> {
			try (SimulationEngine simulation = SimulationEngine.start(Map.of("recorder", recorder), resources())) {
				String pid = simulation.engine().getRuntimeService().startProcessInstanceByKey("timers").getId();
				List<Instant> dues = new ArrayList<>();
				while (simulation.nextDue().isPresent()) {
					Instant due = simulation.nextDue().get();
					dues.add(due);
					SimulatedClock.advanceTo(due);
					// while the simulation is in 2026-01, another thread lives in real
					// time
					Instant elsewhere = CompletableFuture.supplyAsync(() -> ClockUtil.getCurrentTime().toInstant())
						.join();
					assertThat(Duration.between(elsewhere, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
					assertThat(simulation.runDueJobs().ran()).isEqualTo(1);
				}
				List<HistoricActivityInstance> activities = simulation.engine()
					.getHistoryService()
					.createHistoricActivityInstanceQuery()
					.processInstanceId(pid)
					.orderByHistoricActivityInstanceStartTime()
					.asc()
					.list();
				assertThat(activities).extracting(HistoricActivityInstance::getActivityId)
					.containsSubsequence("Timer_TwoHours", "Task_Record", "Timer_OneDay", "EndEvent_Done");
				HistoricActivityInstance end = activities.stream()
					.filter((a) -> a.getActivityId().equals("EndEvent_Done"))
					.findFirst()
					.orElseThrow();
				assertThat(end.getEndTime().toInstant()).isEqualTo(START.plus(Duration.ofHours(26)));
				assertThat(simulation.engine()
					.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceId(pid)
					.singleResult()
					.getDurationInMillis()).isEqualTo(Duration.ofHours(26).toMillis());
				return dues;
			}
		});

		assertThat(fired).containsExactly(START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(26)));
		assertThat(recorded).containsExactly(START.plus(Duration.ofHours(2)));
		// after the run this thread is back in real time
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
			.isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void shouldRefuseToGoBackInTimeOrToAdvanceOutsideARun() {
		assertThatThrownBy(() -> SimulatedClock.advanceTo(START)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> SimulatedClock.run(START, () -> {
			SimulatedClock.advanceTo(START.minusSeconds(1));
			return null;
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot go back");
	}

	@Test
	void shouldKeepSimulationsApartFromEachOther() {
		List<String> keys = SimulatedClock.run(START, () -> {
			try (SimulationEngine first = SimulationEngine.start(Map.of("recorder", (JavaDelegate) (e) -> {
			}), resources()); SimulationEngine second = SimulationEngine.start(Map.of(), Map.of())) {
				first.engine().getRuntimeService().startProcessInstanceByKey("timers");
				return List.of(String.valueOf(first.engine().getRuntimeService().createProcessInstanceQuery().count()),
						String.valueOf(second.engine().getRuntimeService().createProcessInstanceQuery().count()),
						String.valueOf(second.engine().getRepositoryService().createProcessDefinitionQuery().count()));
			}
		});

		assertThat(keys).containsExactly("1", "0", "0");
	}

}
