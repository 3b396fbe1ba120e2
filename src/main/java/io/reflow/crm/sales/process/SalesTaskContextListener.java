package io.reflow.crm.sales.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.OpportunityManagement;

import org.springframework.stereotype.Component;

/**
 * Create listener of every user task in {@code lead-qualification} and
 * {@code opportunity-to-order}: copies what the task's form shows (company, contact,
 * amounts) into task-local variables, so people see the lead or quote they decide on
 * while the process itself carries only ids.
 */
@Component
class SalesTaskContextListener implements TaskListener {

	private final LeadManagement leads;

	private final OpportunityManagement opportunities;

	SalesTaskContextListener(LeadManagement leads, OpportunityManagement opportunities) {
		this.leads = leads;
		this.opportunities = opportunities;
	}

	/**
	 * Answers of an earlier round that Tasklist would otherwise show pre-filled (a stale
	 * REJECT on the next approval, say); they are stored on the quote already.
	 */
	private static final Map<String, List<String>> STALE_ANSWERS = Map.of(
			OpportunityToOrderProcess.Elements.TASK_APPROVE_DISCOUNT,
			List.of(OpportunityToOrderProcess.Variables.APPROVAL_DECISION,
					OpportunityToOrderProcess.Variables.APPROVAL_COMMENT),
			OpportunityToOrderProcess.Elements.TASK_FOLLOW_UP_QUOTE,
			List.of(OpportunityToOrderProcess.Variables.FOLLOW_UP_OUTCOME,
					OpportunityToOrderProcess.Variables.LOSS_REASON,
					OpportunityToOrderProcess.Variables.FOLLOW_UP_NOTE));

	@Override
	public void notify(DelegateTask task) {
		STALE_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of())
			.forEach((name) -> task.getExecution().removeVariable(name));
		Map<String, Object> context;
		if (task.hasVariable(OpportunityToOrderProcess.Variables.OPPORTUNITY_ID)) {
			long opportunityId = ExecutionValues.id(task, OpportunityToOrderProcess.Variables.OPPORTUNITY_ID);
			context = this.opportunities.taskContext(opportunityId);
		}
		else {
			context = this.leads.taskContext(ExecutionValues.id(task, LeadQualificationProcess.Variables.LEAD_ID));
		}
		context.forEach((name, value) -> {
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		});
	}

}
