package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_RecordVisitReport}: the engineer's report; back to
 * resolution.
 */
@Component
class RecordVisitReportDelegate implements JavaDelegate {

	private final SupportManagement cases;

	RecordVisitReportDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.cases.recordVisit(CaseValues.id(execution), execution.getVariable(VISIT_REPORT),
				execution.getVariable(VISIT_SOLVED));
	}

}
