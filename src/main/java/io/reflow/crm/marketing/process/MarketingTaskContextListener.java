package io.reflow.crm.marketing.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Elements.*;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * Create listener of every user task in {@code marketing-campaign}. For
 * {@code Task_PlanCampaign} it fills the plan form from the campaign (answers the planner
 * already typed, returned by an incomplete submission, are kept). Answers of an earlier
 * round are removed so that Tasklist does not show them pre-filled. What the other forms
 * show from the campaign is not stored on the task; {@link MarketingTaskFormContext}
 * reads it when the form is read.
 */
@Component
class MarketingTaskContextListener implements TaskListener {

	private static final Map<String, List<String>> STALE_ANSWERS = Map.of(TASK_PLAN_CAMPAIGN,
			List.of(PLAN_DECISION, CANCEL_REASON), TASK_APPROVE_BUDGET, List.of(BUDGET_DECISION, BUDGET_COMMENT),
			TASK_CALL_CAMPAIGN_MEMBERS, List.of(CALLS_REACHED, INTERESTED_CONTACTS, CALL_NOTE), TASK_REVIEW_RESULTS,
			List.of(LESSONS_LEARNED));

	private final MarketingManagement campaigns;

	MarketingTaskContextListener(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void notify(DelegateTask task) {
		STALE_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of())
			.forEach((name) -> task.getExecution().removeVariable(name));
		if (TASK_PLAN_CAMPAIGN.equals(task.getTaskDefinitionKey())) {
			this.campaigns.planAnswers(ProcessValues.id(task, CAMPAIGN_ID)).forEach((name, value) -> {
				if (!task.getExecution().hasVariable(name)) {
					task.getExecution().setVariable(name, value);
				}
			});
		}
	}

}
