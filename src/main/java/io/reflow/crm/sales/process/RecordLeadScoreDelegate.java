package io.reflow.crm.sales.process;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_RecordLeadScore}: stores the score of
 * {@code lead-scoring} on the lead.
 */
@Component
class RecordLeadScoreDelegate implements JavaDelegate {

	private final LeadManagement leads;

	RecordLeadScoreDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.leads.recordScore(ExecutionValues.id(execution, LEAD_ID), (int) ExecutionValues.id(execution, LEAD_SCORE));
	}

}
