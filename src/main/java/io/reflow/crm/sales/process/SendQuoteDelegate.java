package io.reflow.crm.sales.process;

import io.reflow.crm.sales.QuoteManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_SendQuote}: renders, keeps and mails the
 * quote PDF.
 */
@Component
class SendQuoteDelegate implements JavaDelegate {

	private final QuoteManagement quotes;

	SendQuoteDelegate(QuoteManagement quotes) {
		this.quotes = quotes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.quotes.send(ExecutionValues.id(execution, QUOTE_ID));
	}

}
