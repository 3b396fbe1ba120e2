package io.reflow.crm.sales.process;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.sales.QuoteFacts;
import io.reflow.crm.sales.QuoteInput;
import io.reflow.crm.sales.QuoteManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_RecordQuote}: checks and stores the
 * {@code prepare-quote} answers as a new quote version and sets the inputs of
 * {@code discount-approval}; bad answers send the task back (BPMN error
 * {@code QUOTE_INVALID}).
 */
@Component
class RecordQuoteDelegate implements JavaDelegate {

	private final QuoteManagement quotes;

	RecordQuoteDelegate(QuoteManagement quotes) {
		this.quotes = quotes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		QuoteFacts facts;
		try {
			facts = this.quotes.record(ExecutionValues.id(execution, OPPORTUNITY_ID),
					new QuoteInput(execution.getVariable(QUOTE_LINES), execution.getVariable(QUOTE_AMOUNT),
							execution.getVariable(REQUESTED_DISCOUNT), execution.getVariable(EXPECTED_CLOSE_DATE),
							execution.getVariable(QUOTE_NOTE)));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(OpportunityToOrderProcess.Errors.QUOTE_INVALID, ex.getMessage());
		}
		// a decision of an earlier round must not stand in for one the rules cannot make
		// now
		execution.removeVariables(java.util.List.of(APPROVAL_LEVEL, MAX_DISCOUNT, APPROVER_GROUP, "discountDecision"));
		execution.setVariable(QUOTE_ID, facts.quoteId());
		execution.setVariable(ORDER_AMOUNT, facts.orderAmount().doubleValue());
		execution.setVariable(REQUESTED_DISCOUNT, facts.requestedDiscount().doubleValue());
		execution.setVariable(CUSTOMER_TIER, facts.customerTier());
		execution.removeVariable(QUOTE_FEEDBACK);
	}

}
