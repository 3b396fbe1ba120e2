package io.reflow.crm.sales;

import java.util.List;
import java.util.Map;

import io.reflow.crm.testsupport.TasklistFormChecks;

/**
 * Checks the Camunda Forms of the sales user tasks ({@code forms/sales/*.form}) against
 * the variable contract of the sales processes; the checks and what they rest on are in
 * {@link TasklistFormChecks}.
 */
class SalesFormsTest extends TasklistFormChecks {

	static final Map<String, FormContract> CONTRACTS = Map.of(
	// @formatter:off
			"qualify-lead", new FormContract(
					List.of("companyName", "contactName", "contactEmail", "contactPhone", "leadSource", "leadScore",
							"companySize", "region", "qualificationFeedback"),
					List.of(
							Input.of("qualificationOutcome", "radio").required().values("QUALIFIED", "DISQUALIFIED"),
							Input.of("budgetAmount", "number").required().min("0").shownWhen("qualificationOutcome", "QUALIFIED"),
							Input.of("authorityConfirmed", "checkbox").shownWhen("qualificationOutcome", "QUALIFIED"),
							Input.of("need", "textarea").required().maxLength(1000).shownWhen("qualificationOutcome", "QUALIFIED"),
							Input.of("timeline", "select").required()
								.values("WITHIN_1_MONTH", "WITHIN_3_MONTHS", "WITHIN_6_MONTHS", "WITHIN_12_MONTHS", "LATER")
								.shownWhen("qualificationOutcome", "QUALIFIED"),
							Input.of("disqualificationReason", "select").required()
								.values("NO_BUDGET", "NO_NEED", "NO_AUTHORITY", "BAD_TIMING", "COMPETITOR", "UNREACHABLE",
										"DUPLICATE", "OTHER")
								.shownWhen("qualificationOutcome", "DISQUALIFIED"),
							Input.of("disqualificationNote", "textarea").maxLength(1000)
								.shownWhen("qualificationOutcome", "DISQUALIFIED"))),
			"prepare-quote", new FormContract(
					List.of("companyName", "customerTier", "opportunityAmount", "quoteFeedback", "reworkCount"),
					List.of(
							// more than 0: the field takes at most two decimal digits, so 0.01 is the least
							Input.of("quoteAmount", "number").required().min("0.01"),
							Input.of("requestedDiscount", "number").required().min("0").max("1"),
							Input.of("expectedCloseDate", "datetime").required(),
							Input.of("quoteNote", "textarea").maxLength(1000))),
			"approve-discount", new FormContract(
					List.of("companyName", "customerTier", "orderAmount", "requestedDiscount", "maxDiscount",
							"approvalLevel", "quoteNumber"),
					List.of(
							Input.of("approvalDecision", "radio").required().values("APPROVE", "REJECT"),
							Input.of("approvalComment", "textarea").required().maxLength(1000)
								.shownWhen("approvalDecision", "REJECT"))),
			"follow-up-quote", new FormContract(
					List.of("companyName", "quoteNumber", "orderAmount", "quoteSentOn"),
					List.of(
							Input.of("followUpOutcome", "radio").required().values("ACCEPTED", "DECLINED", "WAIT"),
							Input.of("lossReason", "select").required()
								.values("PRICE", "COMPETITOR", "NO_DECISION", "TIMING", "REQUIREMENTS", "OTHER")
								.shownWhen("followUpOutcome", "DECLINED"),
							Input.of("followUpNote", "textarea").maxLength(1000))));
	// @formatter:on

	SalesFormsTest() {
		super("forms/sales", CONTRACTS);
	}

}
