package io.reflow.crm.sales.process;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_ConvertLead}: customer, contact and opportunity
 * (which starts {@code opportunity-to-order}); sets {@code opportunityId}.
 */
@Component
class ConvertLeadDelegate implements JavaDelegate {

	private final LeadManagement leads;

	ConvertLeadDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(OPPORTUNITY_ID, this.leads.convert(ExecutionValues.id(execution, LEAD_ID)));
	}

}
