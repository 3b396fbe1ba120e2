package io.reflow.crm.support;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import io.reflow.crm.testsupport.EngineTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code case-sla} decision ({@code decisions/case-sla.dmn}, FIRST): every row for
 * every customer tier, the strategic P1 row before the general P1 row, and the inputs
 * that must match no row so that no SLA is ever given by default.
 */
@Deployment(resources = "decisions/case-sla.dmn")
class CaseSlaDecisionTest {

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "P1, STRATEGIC, PT30M, PT4H, ALWAYS", "P1, KEY, PT1H, PT4H, ALWAYS",
			"P1, STANDARD, PT1H, PT4H, ALWAYS", "P1, NEW, PT1H, PT4H, ALWAYS",
			"P2, STRATEGIC, PT4H, PT18H, WORKING_HOURS", "P2, KEY, PT4H, PT18H, WORKING_HOURS",
			"P2, STANDARD, PT4H, PT18H, WORKING_HOURS", "P2, NEW, PT4H, PT18H, WORKING_HOURS",
			"P3, STRATEGIC, PT9H, PT27H, WORKING_HOURS", "P3, KEY, PT9H, PT27H, WORKING_HOURS",
			"P3, STANDARD, PT9H, PT27H, WORKING_HOURS", "P3, NEW, PT9H, PT27H, WORKING_HOURS",
			"P4, STRATEGIC, PT18H, PT45H, WORKING_HOURS", "P4, KEY, PT18H, PT45H, WORKING_HOURS",
			"P4, STANDARD, PT18H, PT45H, WORKING_HOURS", "P4, NEW, PT18H, PT45H, WORKING_HOURS" })
	void shouldGiveTheSlaOfThePriorityAndTier(String priority, String customerTier, String responseDue,
			String resolutionDue, String slaCalendar) {
		DmnDecisionResult result = evaluate(priority, customerTier);
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("responseDue", responseDue),
				entry("resolutionDue", resolutionDue), entry("slaCalendar", slaCalendar));
	}

	@ParameterizedTest
	@CsvSource({ "P0, KEY", "P5, STRATEGIC", "p1, STRATEGIC", "'', KEY", ", STRATEGIC", "P1, GOLD", "P1, strategic",
			"P2, ''", "P3, ", ", " })
	void shouldGiveNoSlaWhenPriorityOrTierIsUnknownOrMissing(String priority, String customerTier) {
		assertThat(evaluate(priority, customerTier).isEmpty()).isTrue();
	}

	@Test
	void shouldGiveNoSlaWhenNoVariableIsSet() {
		assertThat(engine.getDecisionService()
			.evaluateDecisionByKey("case-sla")
			.variables(Variables.createVariables())
			.evaluate()
			.isEmpty()).isTrue();
	}

	private DmnDecisionResult evaluate(String priority, String customerTier) {
		return engine.getDecisionService()
			.evaluateDecisionByKey("case-sla")
			.variables(Variables.putValue("priority", priority).putValue("customerTier", customerTier))
			.evaluate();
	}

}
