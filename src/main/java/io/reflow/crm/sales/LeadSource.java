package io.reflow.crm.sales;

/** Where a lead came from; an input of {@code decisions/lead-scoring.dmn}. */
public enum LeadSource {

	REFERRAL, EVENT, CAMPAIGN, WEB, COLD_CALL

}
