package io.reflow.crm.marketing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reflow.crm.testsupport.TasklistFormChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Camunda Forms of the marketing user tasks ({@code forms/marketing/*.form})
 * of {@code processes/marketing/marketing-campaign.bpmn} against the marketing variable
 * contract; the checks and what they rest on are in {@link TasklistFormChecks}. The
 * values each form shows are task-local variables {@code marketingTaskContextListener}
 * sets; the plan inputs are pre-filled from process variables.
 */
class MarketingFormsTest extends TasklistFormChecks {

	/** Cancelling hides the plan, so none of it is validated or submitted. */
	static final String CANCELLED = "planDecision = \"CANCEL\"";

	static final Map<String, FormContract> CONTRACTS = Map.of(
	// @formatter:off
			"plan-campaign", new FormContract(
					List.of("planFeedback"),
					List.of(
							Input.of("campaignName", "textfield").required().maxLength(200).hiddenWhen(CANCELLED),
							Input.of("objective", "textarea").required().maxLength(1000).hiddenWhen(CANCELLED),
							Input.of("channelEmail", "checkbox").hiddenWhen(CANCELLED),
							Input.of("channelSms", "checkbox").hiddenWhen(CANCELLED),
							Input.of("channelPhone", "checkbox").hiddenWhen(CANCELLED),
							Input.of("channelEvent", "checkbox").hiddenWhen(CANCELLED),
							// more than 0: the field takes at most two decimal digits, so 0.01 is the least
							Input.of("budget", "number").required().min("0.01").hiddenWhen(CANCELLED),
							Input.of("expectedResponseRate", "number").required().min("0").max("100").hiddenWhen(CANCELLED),
							// not before the start date: the server checks it, the description says it
							Input.of("startDate", "datetime").required().hiddenWhen(CANCELLED),
							Input.of("endDate", "datetime").required().hiddenWhen(CANCELLED),
							// the audience: an empty select (null) means any
							Input.of("region", "select").values("NORTH", "SOUTH", "EAST", "WEST", "CENTRAL")
								.hiddenWhen(CANCELLED),
							Input.of("industry", "select")
								.values("MANUFACTURING", "FINANCE", "RETAIL", "SOFTWARE", "LOGISTICS", "PHARMA", "ENERGY",
										"CONSTRUCTION", "FOOD", "AUTOMOTIVE", "ELECTRONICS", "EDUCATION", "OTHER")
								.hiddenWhen(CANCELLED),
							Input.of("tier", "select").values("STRATEGIC", "KEY", "STANDARD", "NEW").hiddenWhen(CANCELLED),
							Input.of("sizeBand", "select").values("MICRO", "SMALL", "MEDIUM", "LARGE", "ENTERPRISE")
								.hiddenWhen(CANCELLED),
							Input.of("planDecision", "radio").required().values("SUBMIT", "CANCEL"),
							Input.of("cancelReason", "textarea").required().maxLength(1000)
								.shownWhen("planDecision", "CANCEL"))),
			"approve-budget", new FormContract(
					List.of("campaignName", "objective", "campaignBudget", "channelList", "audienceDescription",
							"campaignPeriod", "expectedResponseRate", "plannedBy", "budgetFeedback"),
					List.of(
							Input.of("budgetDecision", "radio").required().values("APPROVE", "REJECT"),
							// required for REJECT: the server checks it (required may not be FEEL), the description says it
							Input.of("budgetComment", "textarea").maxLength(1000))),
			"call-campaign-members", new FormContract(
					List.of("campaignName", "objective", "callListSize", "callList", "callFeedback"),
					List.of(
							Input.of("callsReached", "number").required().min("0"),
							Input.of("interestedContacts", "textarea").maxLength(4000),
							Input.of("callNote", "textarea").maxLength(1000))),
			"review-campaign", new FormContract(
					List.of("campaignName", "memberCount", "responseSummary", "responseRate", "leadCount",
							"qualifiedLeadCount", "opportunityCount", "wonOrderCount", "attributedRevenue",
							"campaignBudget", "costPerLead", "roi", "reviewFeedback"),
					List.of(
							Input.of("lessonsLearned", "textarea").required().maxLength(4000))));
	// @formatter:on

	MarketingFormsTest() {
		super("forms/marketing", CONTRACTS);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			plan-campaign         | planFeedback   | =planFeedback = null or planFeedback = ""
			approve-budget        | budgetFeedback | =budgetFeedback = null or budgetFeedback = ""
			call-campaign-members | callFeedback   | =callFeedback = null or callFeedback = ""
			review-campaign       | reviewFeedback | =reviewFeedback = null or reviewFeedback = ""
			""")
	void shouldShowFeedbackOnlyWhenPresent(String formId, String key, String hideCondition) {
		List<Component> shown = showing(components(read(formId)), key);

		assertThat(shown).as(formId + " shows " + key).isNotEmpty();
		shown.forEach((component) -> assertThat(component.hideConditions()).as(formId + " " + key + " hidden when")
			.containsExactly(hideCondition));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			plan-campaign         | budget               | 2
			plan-campaign         | expectedResponseRate | 2
			call-campaign-members | callsReached         | 0
			""")
	void shouldTakeNumbersWithTheirDecimalDigits(String formId, String key, int decimalDigits) {
		List<Component> fields = components(read(formId)).stream()
			.filter((c) -> key.equals(c.node().path("key").asText()))
			.toList();

		assertThat(fields).as(formId + " " + key)
			.singleElement()
			.satisfies((field) -> assertThat(field.node().path("decimalDigits").asInt(-1)).isEqualTo(decimalDigits));
	}

	@ParameterizedTest
	@CsvSource({ "approve-budget", "call-campaign-members", "review-campaign" })
	void shouldAlwaysShowTheCampaignName(String formId) {
		assertThat(showing(components(read(formId)), "campaignName")).as(formId + " shows campaignName")
			.isNotEmpty()
			.allMatch((component) -> component.hideConditions().isEmpty());
	}

}
