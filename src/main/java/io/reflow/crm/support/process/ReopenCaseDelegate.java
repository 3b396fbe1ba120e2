package io.reflow.crm.support.process;

import java.util.Date;

import io.reflow.crm.support.SupportManagement.Reopened;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_ReopenCase}: back to work with a fresh resolution
 * time; sets {@code reopenCount}.
 */
@Component
class ReopenCaseDelegate implements JavaDelegate {

	private final SupportManagement cases;

	ReopenCaseDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Reopened reopened = this.cases.reopen(CaseValues.id(execution));
		execution.setVariable(REOPEN_COUNT, reopened.reopenCount());
		execution.setVariable(RESOLUTION_DUE_AT, Date.from(reopened.resolutionDueAt()));
	}

}
