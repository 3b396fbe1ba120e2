package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_SelectAudience}: stores the members and sets
 * {@code memberCount}.
 */
@Component
class SelectAudienceDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	SelectAudienceDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(MEMBER_COUNT, this.campaigns.selectAudience(ProcessValues.id(execution, CAMPAIGN_ID)));
	}

}
