package io.reflow.crm.sales.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Create listener of every user task in {@code lead-qualification} and
 * {@code opportunity-to-order}: removes the answers of an earlier round that Tasklist
 * would otherwise show pre-filled. What the forms show from the lead or quote is not
 * stored on the task; {@link SalesTaskFormContext} reads it when the form is read.
 */
@Component
class SalesTaskContextListener implements TaskListener {

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
	}

}
