package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order placed from an accepted quote, at most one per opportunity; table
 * {@code crm_sales_order}.
 */
@Entity
@Table(name = "crm_sales_order")
class SalesOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "order_number", nullable = false)
	private String orderNumber;

	@Column(name = "opportunity_id", nullable = false)
	private long opportunityId;

	@Column(name = "quote_id", nullable = false)
	private long quoteId;

	@Column(name = "customer_id", nullable = false)
	private long customerId;

	@Column(nullable = false)
	private BigDecimal amount;

	@Column(name = "placed_at", nullable = false)
	private Instant placedAt;

	protected SalesOrder() {
	}

	SalesOrder(long opportunityId, long quoteId, long customerId, BigDecimal amount, Instant placedAt) {
		this.orderNumber = "SO-" + opportunityId;
		this.opportunityId = opportunityId;
		this.quoteId = quoteId;
		this.customerId = customerId;
		this.amount = amount;
		this.placedAt = placedAt;
	}

	OrderView view() {
		return new OrderView(this.id, this.orderNumber, this.opportunityId, this.quoteId, this.customerId, this.amount,
				this.placedAt);
	}

	long getOpportunityId() {
		return this.opportunityId;
	}

}
