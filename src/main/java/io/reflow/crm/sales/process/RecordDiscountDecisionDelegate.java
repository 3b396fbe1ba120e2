package io.reflow.crm.sales.process;

import io.reflow.crm.sales.QuoteManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_RecordDiscountDecision}: stores what
 * {@code discount-approval} decided; a REJECT sets {@code quoteFeedback} for the rep. No
 * result at all stops the process with an incident.
 */
@Component
class RecordDiscountDecisionDelegate implements JavaDelegate {

	private final QuoteManagement quotes;

	RecordDiscountDecisionDelegate(QuoteManagement quotes) {
		this.quotes = quotes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String feedback = this.quotes.recordDecision(ExecutionValues.id(execution, QUOTE_ID),
				ExecutionValues.text(execution, APPROVAL_LEVEL), (Number) execution.getVariable(MAX_DISCOUNT));
		if (feedback != null) {
			execution.setVariable(QUOTE_FEEDBACK, feedback);
		}
	}

}
