package io.reflow.crm.marketing;

/** Where a campaign stands in {@code marketing-campaign}. */
public enum CampaignStatus {

	/** Being planned (also after a rejected budget or an empty audience). */
	DRAFT,
	/** Waiting for the budget approval. */
	PENDING_APPROVAL,
	/** Approved, members selected, waiting for the start date. */
	SCHEDULED,
	/** Channels executed or executing; responses until the end date. */
	RUNNING,
	/** Evaluated, waiting for the managers' review. */
	IN_REVIEW, COMPLETED, CANCELLED;

	/** Whether the campaign still takes responses. */
	boolean takesResponses() {
		return this != COMPLETED && this != CANCELLED;
	}

}
