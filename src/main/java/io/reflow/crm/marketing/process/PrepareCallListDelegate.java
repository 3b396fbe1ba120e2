package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_PrepareCallList}: puts every member with a
 * phone number on the call list.
 */
@Component
class PrepareCallListDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	PrepareCallListDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.campaigns.prepareCallList(ProcessValues.id(execution, CAMPAIGN_ID));
	}

}
