package io.reflow.crm.sales.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import io.reflow.crm.platform.process.TaskFormContext;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.OpportunityManagement;

import org.springframework.stereotype.Component;

/**
 * What the sales forms show besides their questions: the lead (company, contact, score)
 * in {@code lead-qualification}, the opportunity and its latest quote in
 * {@code opportunity-to-order}; read from the JPA rows when the form is read.
 */
@Component
class SalesTaskFormContext implements TaskFormContext {

	private final LeadManagement leads;

	private final OpportunityManagement opportunities;

	SalesTaskFormContext(LeadManagement leads, OpportunityManagement opportunities) {
		this.leads = leads;
		this.opportunities = opportunities;
	}

	@Override
	public Set<String> processDefinitionKeys() {
		return Set.of(LeadQualificationProcess.KEY, OpportunityToOrderProcess.KEY);
	}

	@Override
	public Map<String, Object> values(DelegateTask task) {
		if (task.hasVariable(OpportunityToOrderProcess.Variables.OPPORTUNITY_ID)) {
			return this.opportunities
				.taskContext(ExecutionValues.id(task, OpportunityToOrderProcess.Variables.OPPORTUNITY_ID));
		}
		return this.leads.taskContext(ExecutionValues.id(task, LeadQualificationProcess.Variables.LEAD_ID));
	}

}
