package io.reflow.crm.marketing.process;

import java.util.List;

import io.reflow.crm.marketing.MarketingManagement;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code SubProcess_ExecuteChannel}: its multi-instance
 * collection {@code ${campaignChannels.of(campaignId)}} reads the channels from the
 * campaign, so the list never becomes a (serialized) process variable.
 */
@Component("campaignChannels")
public class CampaignChannels {

	private final MarketingManagement campaigns;

	CampaignChannels(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	public List<String> of(Object campaignId) {
		if (!(campaignId instanceof Number id)) {
			throw new IllegalStateException("Process variable 'campaignId' must be an id, but is " + campaignId);
		}
		return this.campaigns.channels(id.longValue());
	}

}
