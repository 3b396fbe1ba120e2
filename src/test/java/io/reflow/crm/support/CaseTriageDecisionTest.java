package io.reflow.crm.support;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import io.reflow.crm.testsupport.EngineTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The case triage DRD ({@code decisions/case-triage.dmn}): {@code case-priority} and
 * {@code case-assignee-group} (both FIRST) row by row, and {@code case-triage} (FIRST),
 * which requires both and returns {@code priority} and {@code assigneeGroup} in one
 * result: for every known combination, for none with an unknown or missing input, and
 * never from a stale variable of the caller's.
 */
@Deployment(resources = "decisions/case-triage.dmn")
class CaseTriageDecisionTest {

	private static final String[] CATEGORIES = { "COMPLAINT", "TECHNICAL", "BILLING", "INQUIRY", "FIELD_SERVICE" };

	private static final String[] SEVERITIES = { "CRITICAL", "HIGH", "NORMAL", "LOW" };

	private static final String[] TIERS = { "STRATEGIC", "KEY", "STANDARD", "NEW" };

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "COMPLAINT, STRATEGIC", "TECHNICAL, KEY", "BILLING, STANDARD", "INQUIRY, NEW", "FIELD_SERVICE, NEW" })
	void shouldGiveP1WhenSeverityIsCritical(String category, String customerTier) {
		assertPriority(category, "CRITICAL", customerTier, "P1");
	}

	@ParameterizedTest
	@CsvSource({ "INQUIRY, STRATEGIC", "BILLING, KEY", "COMPLAINT, KEY", "FIELD_SERVICE, STRATEGIC" })
	void shouldGiveP1WhenSeverityIsHighForStrategicOrKeyCustomers(String category, String customerTier) {
		assertPriority(category, "HIGH", customerTier, "P1");
	}

	@ParameterizedTest
	@CsvSource({ "COMPLAINT, STANDARD", "TECHNICAL, NEW", "BILLING, STANDARD", "FIELD_SERVICE, NEW" })
	void shouldGiveP2WhenSeverityIsHighForStandardOrNewCustomers(String category, String customerTier) {
		assertPriority(category, "HIGH", customerTier, "P2");
	}

	@ParameterizedTest
	@CsvSource({ "NORMAL, STRATEGIC", "NORMAL, KEY", "LOW, STRATEGIC", "LOW, KEY" })
	void shouldGiveP2WhenStrategicOrKeyCustomersComplain(String severity, String customerTier) {
		assertPriority("COMPLAINT", severity, customerTier, "P2");
	}

	@ParameterizedTest
	@CsvSource({ "COMPLAINT, STANDARD", "COMPLAINT, NEW", "TECHNICAL, STRATEGIC", "BILLING, KEY", "INQUIRY, NEW",
			"FIELD_SERVICE, STANDARD" })
	void shouldGiveP3WhenSeverityIsNormal(String category, String customerTier) {
		assertPriority(category, "NORMAL", customerTier, "P3");
	}

	@ParameterizedTest
	@CsvSource({ "COMPLAINT, STANDARD", "COMPLAINT, NEW", "TECHNICAL, KEY", "BILLING, STRATEGIC", "INQUIRY, STANDARD",
			"FIELD_SERVICE, NEW" })
	void shouldGiveP4WhenSeverityIsLow(String category, String customerTier) {
		assertPriority(category, "LOW", customerTier, "P4");
	}

	@ParameterizedTest
	@CsvSource({ "FIELD_SERVICE, CRITICAL, field-service", "FIELD_SERVICE, LOW, field-service",
			"BILLING, CRITICAL, billing", "BILLING, LOW, billing", "TECHNICAL, CRITICAL, support-tier2",
			"TECHNICAL, HIGH, support-tier2", "TECHNICAL, NORMAL, support-tier1", "TECHNICAL, LOW, support-tier1",
			"COMPLAINT, CRITICAL, support-tier1", "COMPLAINT, LOW, support-tier1", "INQUIRY, HIGH, support-tier1",
			"INQUIRY, NORMAL, support-tier1" })
	void shouldRouteTheCaseToTheTeamOfItsCategory(String category, String severity, String assigneeGroup) {
		DmnDecisionResult result = evaluate("case-assignee-group", triageVariables(category, severity, null));
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("assigneeGroup", assigneeGroup));
	}

	@ParameterizedTest
	@CsvSource({ "TECHNICAL, CRITICAL, NEW, P1, support-tier2", "TECHNICAL, HIGH, KEY, P1, support-tier2",
			"FIELD_SERVICE, HIGH, STANDARD, P2, field-service", "COMPLAINT, LOW, STRATEGIC, P2, support-tier1",
			"BILLING, NORMAL, NEW, P3, billing", "INQUIRY, LOW, KEY, P4, support-tier1" })
	void shouldTriageTheCaseWithPriorityAndAssigneeGroup(String category, String severity, String customerTier,
			String priority, String assigneeGroup) {
		DmnDecisionResult result = evaluate("case-triage", triageVariables(category, severity, customerTier));
		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("priority", priority),
				entry("assigneeGroup", assigneeGroup));
	}

	@Test
	void shouldTriageEveryKnownCombination() {
		for (String category : CATEGORIES) {
			for (String severity : SEVERITIES) {
				for (String customerTier : TIERS) {
					DmnDecisionResult result = evaluate("case-triage",
							triageVariables(category, severity, customerTier));
					assertThat(result).as("%s %s %s", category, severity, customerTier).hasSize(1);
					assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("priority", "assigneeGroup")
						.doesNotContainValue(null);
				}
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "SALES, CRITICAL, KEY", "technical, HIGH, KEY", "'', HIGH, KEY", ", CRITICAL, STRATEGIC",
			"COMPLAINT, URGENT, KEY", "BILLING, critical, KEY", "INQUIRY, '', NEW", "TECHNICAL, , STRATEGIC",
			"COMPLAINT, NORMAL, GOLD", "COMPLAINT, LOW, key", "TECHNICAL, CRITICAL, ''", "FIELD_SERVICE, HIGH, ",
			", , " })
	void shouldTriageNothingWhenAnInputIsUnknownOrMissing(String category, String severity, String customerTier) {
		VariableMap variables = triageVariables(category, severity, customerTier);
		assertThat(evaluate("case-triage", variables).isEmpty()).isTrue();
		assertThat(evaluate("case-priority", variables).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "SALES, CRITICAL", "field_service, LOW", "'', HIGH", ", HIGH", "TECHNICAL, URGENT", "TECHNICAL, ",
			"BILLING, ''", "INQUIRY, low" })
	void shouldGiveNoTeamWhenCategoryOrSeverityIsUnknownOrMissing(String category, String severity) {
		assertThat(evaluate("case-assignee-group", triageVariables(category, severity, null)).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "SALES, CRITICAL, KEY", "TECHNICAL, URGENT, KEY", "COMPLAINT, NORMAL, GOLD", ", , " })
	void shouldIgnoreAnEarlierTriageWhenAnInputIsUnknown(String category, String severity, String customerTier) {
		VariableMap variables = triageVariables(category, severity, customerTier).putValue("priority", "P1")
			.putValue("assigneeGroup", "support-tier2");
		assertThat(evaluate("case-triage", variables).isEmpty()).isTrue();
	}

	@Test
	void shouldReplaceAnEarlierTriageWhenTheCaseIsTriagedAgain() {
		VariableMap variables = triageVariables("BILLING", "LOW", "NEW").putValue("priority", "P1")
			.putValue("assigneeGroup", "support-tier2");
		assertThat(evaluate("case-triage", variables).getSingleResult().getEntryMap())
			.containsOnly(entry("priority", "P4"), entry("assigneeGroup", "billing"));
	}

	@Test
	void shouldTriageNothingWhenNoVariableIsSet() {
		assertThat(evaluate("case-triage", Variables.createVariables()).isEmpty()).isTrue();
	}

	private void assertPriority(String category, String severity, String customerTier, String priority) {
		DmnDecisionResult result = evaluate("case-priority", triageVariables(category, severity, customerTier));
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("priority", priority));
	}

	private static VariableMap triageVariables(String category, String severity, String customerTier) {
		return Variables.putValue("category", category)
			.putValue("severity", severity)
			.putValue("customerTier", customerTier);
	}

	private DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
		return engine.getDecisionService().evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
	}

}
