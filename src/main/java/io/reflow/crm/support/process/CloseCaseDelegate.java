package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_CloseCase}: CLOSED, confirmed by the customer or
 * after no answer.
 */
@Component
class CloseCaseDelegate implements JavaDelegate {

	private final SupportManagement cases;

	CloseCaseDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.close(CaseValues.id(execution), Boolean.TRUE.equals(execution.getVariable(FEEDBACK_RESOLVED)));
	}

}
