package io.reflow.crm.sales.process;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification} (to-be version), {@code Task_FastTrackLead}: a lead that
 * {@code lead-fast-track} lets skip manual qualification becomes customer, contact and
 * opportunity at once (which starts {@code opportunity-to-order}); sets
 * {@code opportunityId}.
 */
@Component
class FastTrackLeadDelegate implements JavaDelegate {

	private final LeadManagement leads;

	FastTrackLeadDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(OPPORTUNITY_ID, this.leads.fastTrack(ExecutionValues.id(execution, LEAD_ID)));
	}

}
