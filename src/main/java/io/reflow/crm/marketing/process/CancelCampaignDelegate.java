package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_CancelCampaign}: the planner cancelled the
 * campaign.
 */
@Component
class CancelCampaignDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	CancelCampaignDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.campaigns.cancel(ProcessValues.id(execution, CAMPAIGN_ID));
	}

}
