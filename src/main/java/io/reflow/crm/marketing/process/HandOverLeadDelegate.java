package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_HandOverLead} (event sub-process
 * {@code SubProcess_InterestShown}): the interested member becomes a lead, which starts
 * {@code lead-qualification}.
 */
@Component
class HandOverLeadDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	HandOverLeadDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.campaigns.handOverLead(ProcessValues.id(execution, RESPONSE_ID));
	}

}
