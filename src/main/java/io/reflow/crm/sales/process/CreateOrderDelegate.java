package io.reflow.crm.sales.process;

import io.reflow.crm.sales.OrderManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_CreateOrder}: places the order once and wins
 * the opportunity.
 */
@Component
class CreateOrderDelegate implements JavaDelegate {

	private final OrderManagement orders;

	CreateOrderDelegate(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.placeOrder(ExecutionValues.id(execution, OPPORTUNITY_ID));
	}

}
