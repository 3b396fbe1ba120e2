package io.reflow.crm.sales;

/** A quote version's state in {@code opportunity-to-order}. */
public enum QuoteStatus {

	DRAFT, PENDING_APPROVAL, APPROVED, REJECTED, SENT, ACCEPTED, DECLINED

}
