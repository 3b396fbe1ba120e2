package io.reflow.crm.support.process;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_MarkResolved}: RESOLVED; sets {@code feedbackDueAt}
 * (input parameter {@code feedbackWindow}, working time) for the auto-close timer.
 */
@Component
class MarkCaseResolvedDelegate implements JavaDelegate {

	private final SupportManagement cases;

	MarkCaseResolvedDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(FEEDBACK_DUE_AT, Date.from(this.cases.markResolved(CaseValues.id(execution),
				Duration.parse(CaseValues.text(execution, "feedbackWindow")))));
	}

}
