package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.reflow.crm.platform.process.InvalidTaskInputException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_RecordVisitPlan}: checks the {@code schedule-visit}
 * answers; incomplete ones send the task back (BPMN error {@code VISIT_PLAN_INVALID}).
 */
@Component
class RecordVisitPlanDelegate implements JavaDelegate {

	private final SupportManagement cases;

	RecordVisitPlanDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			this.cases.planVisit(CaseValues.id(execution), execution.getVariable(ENGINEER),
					execution.getVariable(VISIT_DATE), execution.getVariable(VISIT_NOTE));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(SupportCaseProcess.Errors.VISIT_PLAN_INVALID, ex.getMessage());
		}
		execution.removeVariable(SCHEDULE_FEEDBACK);
	}

}
