package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.Channel;
import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_SendInvitations}: invites every member to the
 * event (channel EVENT).
 */
@Component
class SendCampaignInvitationsDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	SendCampaignInvitationsDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.campaigns.execute(ProcessValues.id(execution, CAMPAIGN_ID), Channel.EVENT);
	}

}
