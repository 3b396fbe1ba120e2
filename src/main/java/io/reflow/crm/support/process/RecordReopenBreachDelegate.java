package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_RecordReopenBreach}: the customer reopened the case a
 * second time.
 */
@Component
class RecordReopenBreachDelegate implements JavaDelegate {

	private final SupportManagement cases;

	RecordReopenBreachDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(BREACH, "REOPENED");
		this.cases.reopenBreach(CaseValues.id(execution));
	}

}
