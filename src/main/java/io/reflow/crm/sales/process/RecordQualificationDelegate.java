package io.reflow.crm.sales.process;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.Qualification;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_RecordQualification}: checks and stores the
 * {@code qualify-lead} answers; bad answers send the task back (BPMN error
 * {@code QUALIFICATION_INVALID}).
 */
@Component
class RecordQualificationDelegate implements JavaDelegate {

	private final LeadManagement leads;

	RecordQualificationDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			this.leads.recordQualification(ExecutionValues.id(execution, LEAD_ID),
					new Qualification(execution.getVariable(QUALIFICATION_OUTCOME),
							execution.getVariable(BUDGET_AMOUNT), execution.getVariable(AUTHORITY_CONFIRMED),
							execution.getVariable(NEED), execution.getVariable(TIMELINE),
							execution.getVariable(DISQUALIFICATION_REASON),
							execution.getVariable(DISQUALIFICATION_NOTE)));
			execution.removeVariable(QUALIFICATION_FEEDBACK);
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(LeadQualificationProcess.Errors.QUALIFICATION_INVALID, ex.getMessage());
		}
	}

}
