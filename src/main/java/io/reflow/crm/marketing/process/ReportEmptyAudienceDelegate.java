package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_ReportEmptyAudience}: no contact matched; tells
 * the planner in {@code planFeedback}.
 */
@Component
class ReportEmptyAudienceDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	ReportEmptyAudienceDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(PLAN_FEEDBACK,
				this.campaigns.reportEmptyAudience(ProcessValues.id(execution, CAMPAIGN_ID)));
	}

}
