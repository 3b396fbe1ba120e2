package io.reflow.crm.sales.process;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_HandOverToNurturing}: the lead goes to
 * marketing nurturing.
 */
@Component
class HandOverToNurturingDelegate implements JavaDelegate {

	private final LeadManagement leads;

	HandOverToNurturingDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.leads.nurture(ExecutionValues.id(execution, LEAD_ID), ExecutionValues.text(execution, ASSIGNEE_GROUP),
				ExecutionValues.text(execution, FIRST_CONTACT_DUE));
	}

}
