package io.reflow.crm.sales.process;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.sales.QuoteFacts;
import io.reflow.crm.sales.QuoteInput;
import io.reflow.crm.sales.QuoteManagement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@link RecordQuoteDelegate} without engine or Spring: it hands the form answers to
 * {@link QuoteManagement}, sets the decision inputs, clears the previous round's decision
 * (so a stale {@code maxDiscount} can never stand in for one the rules cannot make), and
 * turns a refused answer into BPMN error {@code QUOTE_INVALID}.
 */
class RecordQuoteDelegateTest {

	QuoteManagement quotes = mock(QuoteManagement.class);

	DelegateExecution execution = mock(DelegateExecution.class);

	RecordQuoteDelegate delegate = new RecordQuoteDelegate(this.quotes);

	@Test
	void shouldSetTheDecisionInputsAndClearTheLastDecision() {
		when(this.execution.getVariable("opportunityId")).thenReturn(5L);
		when(this.execution.getVariable("quoteAmount")).thenReturn(150_000.0);
		when(this.execution.getVariable("requestedDiscount")).thenReturn("0.18");
		when(this.quotes.record(eq(5L), any(QuoteInput.class)))
			.thenReturn(new QuoteFacts(11L, new BigDecimal("150000.00"), new BigDecimal("0.1800"), "STANDARD"));

		this.delegate.execute(this.execution);

		verify(this.execution)
			.removeVariables(List.of("approvalLevel", "maxDiscount", "approverGroup", "discountDecision"));
		verify(this.execution).setVariable("quoteId", 11L);
		verify(this.execution).setVariable("orderAmount", 150_000.0);
		verify(this.execution).setVariable("requestedDiscount", 0.18);
		verify(this.execution).setVariable("customerTier", "STANDARD");
		verify(this.execution).removeVariable("quoteFeedback");
	}

	@Test
	void shouldSendTheTaskBackWithTheReasonWhenTheAnswersAreRefused() {
		when(this.execution.getVariable("opportunityId")).thenReturn(5L);
		when(this.quotes.record(eq(5L), any(QuoteInput.class)))
			.thenThrow(new InvalidTaskInputException("Enter the expected close date."));

		assertThatThrownBy(() -> this.delegate.execute(this.execution)).isInstanceOfSatisfying(BpmnError.class,
				(error) -> {
					org.assertj.core.api.Assertions.assertThat(error.getErrorCode()).isEqualTo("QUOTE_INVALID");
					org.assertj.core.api.Assertions.assertThat(error.getMessage())
						.isEqualTo("Enter the expected close date.");
				});
		verify(this.execution, never()).setVariable(eq("quoteId"), any());
	}

}
