package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_CheckResponseBreach}: the response time passed; sets
 * {@code breachApplies} if nobody responded.
 */
@Component
class CheckResponseBreachDelegate implements JavaDelegate {

	private final SupportManagement cases;

	CheckResponseBreachDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(BREACH, "RESPONSE");
		execution.setVariable(BREACH_APPLIES, this.cases.responseBreach(CaseValues.id(execution)));
	}

}
