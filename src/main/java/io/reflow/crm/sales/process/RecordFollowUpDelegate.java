package io.reflow.crm.sales.process;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.sales.OpportunityManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_RecordFollowUp}: checks the
 * {@code follow-up-quote} answer; an incomplete one sends the task back (BPMN error
 * {@code FOLLOW_UP_INVALID}).
 */
@Component
class RecordFollowUpDelegate implements JavaDelegate {

	private final OpportunityManagement opportunities;

	RecordFollowUpDelegate(OpportunityManagement opportunities) {
		this.opportunities = opportunities;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			this.opportunities.recordFollowUp(ExecutionValues.id(execution, OPPORTUNITY_ID),
					execution.getVariable(FOLLOW_UP_OUTCOME), execution.getVariable(LOSS_REASON),
					execution.getVariable(FOLLOW_UP_NOTE));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(OpportunityToOrderProcess.Errors.FOLLOW_UP_INVALID, ex.getMessage());
		}
		execution.removeVariable(FOLLOW_UP_FEEDBACK);
	}

}
