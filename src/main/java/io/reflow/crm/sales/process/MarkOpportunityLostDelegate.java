package io.reflow.crm.sales.process;

import io.reflow.crm.sales.OpportunityManagement;
import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code opportunity-to-order}, {@code Task_MarkOpportunityLost}: the opportunity ends
 * LOST with {@code lossReason}.
 */
@Component
class MarkOpportunityLostDelegate implements JavaDelegate {

	private final OpportunityManagement opportunities;

	MarkOpportunityLostDelegate(OpportunityManagement opportunities) {
		this.opportunities = opportunities;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.opportunities.lose(ExecutionValues.id(execution, OPPORTUNITY_ID),
				ExecutionValues.text(execution, LOSS_REASON));
	}

}
