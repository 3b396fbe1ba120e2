package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_EvaluateCampaign}: the response window has
 * closed; the campaign goes to review.
 */
@Component
class EvaluateCampaignDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	EvaluateCampaignDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.campaigns.evaluate(ProcessValues.id(execution, CAMPAIGN_ID));
	}

}
