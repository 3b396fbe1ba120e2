package io.reflow.crm.sales.process;

import java.util.Date;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_RecordAssignment}: stores the group of
 * {@code lead-assignment} and sets {@code firstContactDueAt}, which the task's due date
 * and the escalation timer use.
 */
@Component
class RecordAssignmentDelegate implements JavaDelegate {

	private final LeadManagement leads;

	RecordAssignmentDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(FIRST_CONTACT_DUE_AT, Date.from(this.leads.assign(ExecutionValues.id(execution, LEAD_ID),
				ExecutionValues.text(execution, ASSIGNEE_GROUP), ExecutionValues.text(execution, FIRST_CONTACT_DUE))));
	}

}
