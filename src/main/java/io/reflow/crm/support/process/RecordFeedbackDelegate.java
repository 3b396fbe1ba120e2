package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/** {@code support-case}, {@code Task_RecordFeedback}: stores the customer's answer. */
@Component
class RecordFeedbackDelegate implements JavaDelegate {

	private final SupportManagement cases;

	RecordFeedbackDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.recordFeedback(CaseValues.id(execution), execution.getVariable(FEEDBACK_RESOLVED),
				execution.getVariable(CSAT), execution.getVariable(FEEDBACK_COMMENT));
	}

}
