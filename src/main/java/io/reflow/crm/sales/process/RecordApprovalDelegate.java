package io.reflow.crm.sales.process;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.sales.QuoteManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_RecordApproval}: the approver's answer; a
 * rejection sets {@code quoteFeedback} for the rep, an incomplete answer sends the task
 * back (BPMN error {@code APPROVAL_INVALID}).
 */
@Component
class RecordApprovalDelegate implements JavaDelegate {

	private final QuoteManagement quotes;

	RecordApprovalDelegate(QuoteManagement quotes) {
		this.quotes = quotes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String feedback;
		try {
			feedback = this.quotes.recordApproval(ExecutionValues.id(execution, QUOTE_ID),
					execution.getVariable(APPROVAL_DECISION), execution.getVariable(APPROVAL_COMMENT));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(OpportunityToOrderProcess.Errors.APPROVAL_INVALID, ex.getMessage());
		}
		execution.removeVariable(APPROVAL_FEEDBACK);
		if (feedback != null) {
			execution.setVariable(QUOTE_FEEDBACK, feedback);
		}
	}

}
