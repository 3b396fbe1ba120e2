package io.reflow.crm.sales;

/** Where a lead stands in {@code lead-qualification}. */
public enum LeadStatus {

	NEW, NURTURING, IN_QUALIFICATION, DISQUALIFIED, CONVERTED

}
