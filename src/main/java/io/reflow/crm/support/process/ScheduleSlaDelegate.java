package io.reflow.crm.support.process;

import java.util.Date;

import io.reflow.crm.support.SupportManagement.SlaDates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_ScheduleSla}: stores triage and SLA and sets
 * {@code responseDueAt} and {@code resolutionDueAt}, which the SLA timers and the task
 * due date use.
 */
@Component
class ScheduleSlaDelegate implements JavaDelegate {

	private final SupportManagement cases;

	ScheduleSlaDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SlaDates dates = this.cases.schedule(CaseValues.id(execution), CaseValues.text(execution, PRIORITY),
				CaseValues.text(execution, ASSIGNEE_GROUP), CaseValues.text(execution, RESPONSE_DUE),
				CaseValues.text(execution, RESOLUTION_DUE), CaseValues.text(execution, SLA_CALENDAR));
		execution.setVariable(RESPONSE_DUE_AT, Date.from(dates.responseDueAt()));
		execution.setVariable(RESOLUTION_DUE_AT, Date.from(dates.resolutionDueAt()));
		execution.setVariable(ESCALATION_LEVEL, 0);
		execution.setVariable(REOPEN_COUNT, 0);
	}

}
