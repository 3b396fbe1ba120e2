package io.reflow.crm.sales;

import java.time.Clock;
import java.util.List;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.InteractionDraft;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders: placed exactly once per won opportunity. */
@Service
@Transactional
public class OrderManagement {

	private final SalesOrders orders;

	private final Quotes quotes;

	private final OpportunityManagement opportunities;

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	private final Clock clock;

	OrderManagement(SalesOrders orders, Quotes quotes, OpportunityManagement opportunities,
			CustomerManagement customers, CustomerTimeline timeline, Clock clock) {
		this.orders = orders;
		this.quotes = quotes;
		this.opportunities = opportunities;
		this.customers = customers;
		this.timeline = timeline;
		this.clock = clock;
	}

	/**
	 * Step {@code Task_CreateOrder}: places the order for the sent quote and wins the
	 * opportunity. Idempotent: a second call returns the first order (and the database's
	 * unique key on the opportunity stops a concurrent duplicate).
	 */
	public OrderView placeOrder(long opportunityId) {
		var existing = this.orders.findByOpportunityId(opportunityId);
		if (existing.isPresent()) {
			return existing.get().view();
		}
		Opportunity opportunity = this.opportunities.load(opportunityId);
		Quote quote = this.quotes.findFirstByOpportunityIdAndStatusOrderByVersionDesc(opportunityId, QuoteStatus.SENT)
			.orElseThrow(() -> new IllegalStateException(
					"Opportunity " + opportunityId + " has no sent quote to place an order for"));
		quote.answered(true);
		SalesOrder order = this.orders.saveAndFlush(new SalesOrder(opportunityId, quote.getId(),
				opportunity.getCustomerId(), quote.netAmount(), this.clock.instant()));
		opportunity.won(quote.netAmount(), this.clock.instant());
		this.customers.activate(opportunity.getCustomerId());
		this.timeline.record(InteractionDraft.forOpportunity(opportunityId, opportunity.getCustomerId(),
				"OPPORTUNITY_WON", "Won: order " + order.view().orderNumber() + " for " + quote.netAmount() + " CNY"));
		return order.view();
	}

	public long count() {
		return this.orders.count();
	}

	/** The customer's orders, newest first (the customer 360 view reads them). */
	@Transactional(readOnly = true)
	public List<OrderView> ofCustomer(long customerId) {
		return this.orders.findByCustomerIdOrderByPlacedAtDescIdDesc(customerId)
			.stream()
			.map(SalesOrder::view)
			.toList();
	}

	public long countForOpportunity(long opportunityId) {
		return this.orders.countByOpportunityId(opportunityId);
	}

}
