package io.reflow.crm.sales;

/**
 * The answers of the {@code qualify-lead} form as they come from the engine, not yet
 * checked: outcome {@code QUALIFIED} or {@code DISQUALIFIED}, then BANT or a reason.
 */
public record Qualification(Object outcome, Object budgetAmount, Object authorityConfirmed, Object need,
		Object timeline, Object disqualificationReason, Object disqualificationNote) {

	static final String QUALIFIED = "QUALIFIED";

	static final String DISQUALIFIED = "DISQUALIFIED";

}
