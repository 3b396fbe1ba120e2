package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An opportunity as the API returns it, with its quote versions (oldest first) and its
 * order once won. {@code awaitingCustomer} tells whether a customer response can be
 * posted.
 */
public record OpportunityView(long id, String name, OpportunityStage stage, BigDecimal probability, BigDecimal amount,
		BigDecimal weightedAmount, LocalDate expectedCloseDate, String ownerGroup, long customerId, Long contactId,
		Long leadId, int reworkCount, String lossReason, boolean awaitingCustomer, String processInstanceId,
		Instant createdAt, Instant closedAt, List<QuoteView> quotes, OrderView order) {

	static OpportunityView of(Opportunity opportunity, boolean awaitingCustomer, List<QuoteView> quotes,
			OrderView order) {
		BigDecimal amount = opportunity.getAmount();
		return new OpportunityView(opportunity.getId(), opportunity.getName(), opportunity.getStage(),
				opportunity.getStage().probability(), amount,
				(amount != null)
						? amount.multiply(opportunity.getStage().probability()).setScale(2, RoundingMode.HALF_UP)
						: null,
				opportunity.getExpectedCloseDate(), opportunity.getOwnerGroup(), opportunity.getCustomerId(),
				opportunity.getContactId(), opportunity.getLeadId(), opportunity.getReworkCount(),
				opportunity.getLossReason(), awaitingCustomer, opportunity.getProcessInstanceId(),
				opportunity.getCreatedAt(), opportunity.getClosedAt(), quotes, order);
	}

}
