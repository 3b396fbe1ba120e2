package io.reflow.crm.lab;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two versions of a probe process {@code lab-probe} run on the real engine under a
 * controlled clock, so every scorecard figure is known in advance. Version 1 ("as-is"):
 * the task waits 1 h for a claim, takes 2 h of work (due after 2 h, so always late), 10
 * of 30 cases are won and 6 are done twice. Version 2 ("to-be"): 10 min waiting, 1 h of
 * work, an added check for won cases (done at once), 24 of 30 won, no rework loop.
 */
final class LabProbeHistory {

	static final String KEY = "lab-probe";

	static final long HOUR = 3_600_000L;

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private LabProbeHistory(RepositoryService repositoryService, RuntimeService runtimeService,
			TaskService taskService) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	static void run(ProcessEngine engine) {
		new LabProbeHistory(engine.getRepositoryService(), engine.getRuntimeService(), engine.getTaskService()).run();
	}

	static BpmnModelInstance version(boolean redesign) {
		var builder = Bpmn.createExecutableProcess(KEY)
			.name("Lab probe")
			.camundaHistoryTimeToLive(30)
			.camundaVersionTag(redesign ? "to-be" : "as-is")
			.startEvent("StartEvent_Started")
			.sequenceFlowId("Flow_ToJoin")
			.exclusiveGateway("Gateway_Join")
			.sequenceFlowId("Flow_ToWork")
			.userTask("Task_Work")
			.name(redesign ? "Work (shortened)" : "Work")
			.camundaCandidateGroups("sales-north")
			.camundaDueDate("${due}")
			.sequenceFlowId("Flow_ToAgain")
			.exclusiveGateway("Gateway_Again");
		if (redesign) {
			return builder.sequenceFlowId("Flow_Won")
				.condition("won", "${outcome == 'won'}")
				.userTask("Task_Check")
				.name("Check")
				.camundaCandidateGroups("sales-managers")
				.sequenceFlowId("Flow_Checked")
				.endEvent("EndEvent_Won")
				.name("Won")
				.moveToNode("Gateway_Again")
				.sequenceFlowId("Flow_Lost")
				.condition("lost", "${outcome != 'won'}")
				.endEvent("EndEvent_Lost")
				.name("Lost")
				.done();
		}
		return builder.sequenceFlowId("Flow_Won")
			.condition("won", "${outcome == 'won'}")
			.endEvent("EndEvent_Won")
			.name("Won")
			.moveToNode("Gateway_Again")
			.sequenceFlowId("Flow_Lost")
			.condition("lost", "${outcome == 'lost'}")
			.endEvent("EndEvent_Lost")
			.name("Lost")
			.moveToNode("Gateway_Again")
			.sequenceFlowId("Flow_Again")
			.condition("again", "${outcome == 'again'}")
			.connectTo("Gateway_Join")
			.done();
	}

	private void run() {
		long t0 = System.currentTimeMillis() - 200 * HOUR;
		try {
			deploy(version(false));
			for (int i = 0; i < 30; i++) {
				long start = t0 + i * HOUR;
				boolean won = i < 10;
				boolean rework = i >= 24;
				String pid = start(start);
				long now = work(pid, start, HOUR, 2 * HOUR, rework ? "again" : (won ? "won" : "lost"));
				if (rework) {
					work(pid, now, HOUR, 2 * HOUR, "lost");
				}
			}
			deploy(version(true));
			long t1 = t0 + 100 * HOUR;
			for (int i = 0; i < 30; i++) {
				long start = t1 + i * HOUR;
				boolean won = i < 24;
				String pid = start(start);
				long now = work(pid, start, 10 * 60_000L, HOUR, won ? "won" : "lost");
				if (won) {
					Task check = this.taskService.createTaskQuery().processInstanceId(pid).singleResult();
					this.taskService.complete(check.getId()); // at once: no waiting, no
																// working
				}
				assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
				assertThat(now).isPositive();
			}
		}
		finally {
			ClockUtil.reset();
		}
	}

	private void deploy(BpmnModelInstance model) {
		this.repositoryService.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
	}

	private String start(long at) {
		ClockUtil.setCurrentTime(new Date(at));
		return this.runtimeService
			.startProcessInstanceByKey(KEY, Variables.putValue("due", new Date(at + 2 * HOUR)).putValue("outcome", ""))
			.getId();
	}

	/**
	 * Claims the open Task_Work after {@code waiting}, completes it after
	 * {@code working}.
	 */
	private long work(String pid, long from, long waiting, long working, String outcome) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey("Task_Work")
			.singleResult();
		ClockUtil.setCurrentTime(new Date(from + waiting));
		this.taskService.claim(task.getId(), "li.wei");
		ClockUtil.setCurrentTime(new Date(from + waiting + working));
		this.taskService.complete(task.getId(), Map.of("outcome", outcome));
		return from + waiting + working;
	}

}
