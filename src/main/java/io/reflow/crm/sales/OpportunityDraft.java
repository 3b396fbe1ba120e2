package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new opportunity, as a converted lead (or the demo data) opens it. */
public record OpportunityDraft(Long leadId, long customerId, Long contactId, String name, String ownerGroup,
		BigDecimal amount, LocalDate expectedCloseDate) {
}
