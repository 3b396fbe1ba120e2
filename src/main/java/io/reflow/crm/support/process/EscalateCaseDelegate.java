package io.reflow.crm.support.process;

import io.reflow.crm.support.Breach;
import io.reflow.crm.support.SupportManagement.Escalated;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_EscalateCase}: applies what {@code escalation}
 * decided; the target group becomes a candidate of the case's open tasks.
 */
@Component
class EscalateCaseDelegate implements JavaDelegate {

	private final SupportManagement cases;

	EscalateCaseDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String group = CaseValues.text(execution, ESCALATE_TO);
		Escalated escalated = this.cases.escalate(CaseValues.id(execution),
				Breach.valueOf(CaseValues.text(execution, BREACH)), group,
				(Boolean) execution.getVariable(NOTIFY_ACCOUNT_OWNER), CaseValues.text(execution, NEW_PRIORITY));
		execution.setVariable(ESCALATION_LEVEL, escalated.level());
		execution.setVariable(PRIORITY, escalated.priority());
		var taskService = execution.getProcessEngineServices().getTaskService();
		taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.list()
			.forEach((task) -> taskService.addCandidateGroup(task.getId(), group));
	}

}
