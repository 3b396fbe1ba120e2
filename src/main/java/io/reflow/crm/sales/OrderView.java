package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as the API returns it. */
public record OrderView(long id, String orderNumber, long opportunityId, long quoteId, long customerId,
		BigDecimal amount, Instant placedAt) {
}
