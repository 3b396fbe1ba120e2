package io.reflow.crm.marketing.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import io.reflow.crm.platform.process.TaskFormContext;

import org.springframework.stereotype.Component;

import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Elements.TASK_APPROVE_BUDGET;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Elements.TASK_CALL_CAMPAIGN_MEMBERS;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Elements.TASK_REVIEW_RESULTS;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.CAMPAIGN_ID;

/**
 * What the {@code marketing-campaign} forms show besides their questions, read from the
 * campaign when the form is read: the plan for the budget approval, the call list for the
 * calls, the results (members, responses, leads, revenue, ROI as of now) for the review.
 * The plan form is pre-filled with answers instead
 * ({@link MarketingTaskContextListener}).
 */
@Component
class MarketingTaskFormContext implements TaskFormContext {

	private final MarketingManagement campaigns;

	MarketingTaskFormContext(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public Set<String> processDefinitionKeys() {
		return Set.of(MarketingCampaignProcess.KEY);
	}

	@Override
	public Map<String, Object> values(DelegateTask task) {
		long campaignId = ProcessValues.id(task, CAMPAIGN_ID);
		return switch (task.getTaskDefinitionKey()) {
			case TASK_APPROVE_BUDGET -> this.campaigns.approvalContext(campaignId);
			case TASK_CALL_CAMPAIGN_MEMBERS -> this.campaigns.callContext(campaignId);
			case TASK_REVIEW_RESULTS -> this.campaigns.reviewContext(campaignId);
			default -> Map.of();
		};
	}

}
