package io.reflow.crm.sales.process;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_DisqualifyLead}: the lead ends DISQUALIFIED.
 */
@Component
class DisqualifyLeadDelegate implements JavaDelegate {

	private final LeadManagement leads;

	DisqualifyLeadDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.leads.disqualify(ExecutionValues.id(execution, LEAD_ID));
	}

}
