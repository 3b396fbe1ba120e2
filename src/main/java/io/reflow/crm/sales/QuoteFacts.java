package io.reflow.crm.sales;

import java.math.BigDecimal;

/** What {@code discount-approval} needs to know about a recorded quote. */
public record QuoteFacts(long quoteId, BigDecimal orderAmount, BigDecimal requestedDiscount, String customerTier) {
}
