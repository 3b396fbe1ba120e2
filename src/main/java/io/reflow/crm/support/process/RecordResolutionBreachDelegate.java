package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_RecordResolutionBreach}: the resolution time passed
 * with the case unresolved.
 */
@Component
class RecordResolutionBreachDelegate implements JavaDelegate {

	private final SupportManagement cases;

	RecordResolutionBreachDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(BREACH, "RESOLUTION");
		this.cases.resolutionBreach(CaseValues.id(execution));
	}

}
