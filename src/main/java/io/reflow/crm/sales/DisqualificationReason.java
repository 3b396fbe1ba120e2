package io.reflow.crm.sales;

/** Why a lead was disqualified (form {@code qualify-lead}). */
public enum DisqualificationReason {

	NO_BUDGET, NO_NEED, NO_AUTHORITY, BAD_TIMING, COMPETITOR, UNREACHABLE, DUPLICATE, OTHER

}
