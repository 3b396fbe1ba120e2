package io.reflow.crm.sales.process;

import io.reflow.crm.sales.QuoteManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_RemindApprover}: the approval is overdue;
 * reminds the approver group and records it.
 */
@Component
class RemindApproverDelegate implements JavaDelegate {

	private final QuoteManagement quotes;

	RemindApproverDelegate(QuoteManagement quotes) {
		this.quotes = quotes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.quotes.remindApprover(ExecutionValues.id(execution, QUOTE_ID),
				ExecutionValues.text(execution, APPROVER_GROUP));
	}

}
