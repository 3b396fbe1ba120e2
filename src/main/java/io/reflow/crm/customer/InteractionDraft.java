package io.reflow.crm.customer;

/**
 * What a process step tells the customer timeline: the customer (if already known), the
 * lead, opportunity or campaign it concerns, a type such as {@code QUOTE_SENT} and a
 * sentence for people.
 */
public record InteractionDraft(Long customerId, Long leadId, Long opportunityId, Long campaignId, String type,
		String summary) {

	public InteractionDraft(Long customerId, Long leadId, Long opportunityId, String type, String summary) {
		this(customerId, leadId, opportunityId, null, type, summary);
	}

	public static InteractionDraft forLead(long leadId, Long customerId, String type, String summary) {
		return new InteractionDraft(customerId, leadId, null, type, summary);
	}

	public static InteractionDraft forOpportunity(long opportunityId, long customerId, String type, String summary) {
		return new InteractionDraft(customerId, null, opportunityId, type, summary);
	}

	public static InteractionDraft forCampaign(long campaignId, long customerId, String type, String summary) {
		return new InteractionDraft(customerId, null, null, campaignId, type, summary);
	}

}
