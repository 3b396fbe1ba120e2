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
 * The {@code escalation} decision ({@code decisions/escalation.dmn}, FIRST): every row
 * with its escalation-level boundary, the raised priority per priority, the rows whose
 * order decides between two matches, and the inputs that must match no row so that no
 * case is ever escalated by default.
 */
@Deployment(resources = "decisions/escalation.dmn")
class EscalationDecisionTest {

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "RESPONSE, P4, NEW, 2", "RESOLUTION, P3, STANDARD, 2", "REOPENED, P2, KEY, 3",
			"RESOLUTION, P1, STRATEGIC, 2", "RESPONSE, P1, STANDARD, 99" })
	void shouldEscalateToTheDirectorWhenEscalatedTwiceAlready(String breach, String priority, String customerTier,
			int escalationLevel) {
		assertEscalation(breach, priority, customerTier, escalationLevel, "support-director", true, "P1");
	}

	@ParameterizedTest
	@CsvSource({ "STRATEGIC, 0", "KEY, 1", "STANDARD, 0", "NEW, 1" })
	void shouldEscalateToManagersWhenP1IsNotResolvedInTime(String customerTier, int escalationLevel) {
		assertEscalation("RESOLUTION", "P1", customerTier, escalationLevel, "support-managers", true, "P1");
	}

	@ParameterizedTest
	@CsvSource({ "P2, STRATEGIC, 0, P1", "P2, KEY, 1, P1", "P3, STRATEGIC, 1, P2", "P3, KEY, 0, P2",
			"P4, STRATEGIC, 0, P3", "P4, KEY, 1, P3" })
	void shouldEscalateToManagersAndRaisePriorityWhenStrategicOrKeyCaseIsNotResolvedInTime(String priority,
			String customerTier, int escalationLevel, String newPriority) {
		assertEscalation("RESOLUTION", priority, customerTier, escalationLevel, "support-managers", true, newPriority);
	}

	@ParameterizedTest
	@CsvSource({ "P2, STANDARD, 0, P1", "P2, NEW, 1, P1", "P3, STANDARD, 1, P2", "P3, NEW, 0, P2",
			"P4, STANDARD, 0, P3", "P4, NEW, 1, P3" })
	void shouldEscalateToLeadsAndRaisePriorityWhenOtherCaseIsNotResolvedInTime(String priority, String customerTier,
			int escalationLevel, String newPriority) {
		assertEscalation("RESOLUTION", priority, customerTier, escalationLevel, "support-leads", false, newPriority);
	}

	@ParameterizedTest
	@CsvSource({ "REOPENED, P1, STRATEGIC, 0, true", "REOPENED, P2, KEY, 1, true", "REOPENED, P3, STRATEGIC, 1, true",
			"REOPENED, P4, KEY, 0, true", "REOPENED, P1, STANDARD, 1, false", "REOPENED, P2, NEW, 0, false",
			"REOPENED, P3, STANDARD, 0, false", "REOPENED, P4, NEW, 1, false", "RESPONSE, P1, STRATEGIC, 0, true",
			"RESPONSE, P1, KEY, 1, true", "RESPONSE, P2, STRATEGIC, 1, true", "RESPONSE, P2, KEY, 0, true",
			"RESPONSE, P1, STANDARD, 1, false", "RESPONSE, P1, NEW, 0, false", "RESPONSE, P2, STANDARD, 0, false",
			"RESPONSE, P2, NEW, 1, false" })
	void shouldEscalateToLeadsKeepingPriorityWhenCaseIsReopenedOrUrgentCaseIsNotAnsweredInTime(String breach,
			String priority, String customerTier, int escalationLevel, boolean notifyAccountOwner) {
		assertEscalation(breach, priority, customerTier, escalationLevel, "support-leads", notifyAccountOwner,
				priority);
	}

	@ParameterizedTest
	@CsvSource({ "P3, STRATEGIC, 0", "P3, NEW, 1", "P4, KEY, 1", "P4, STANDARD, 0" })
	void shouldEscalateToLeadsQuietlyWhenOtherCaseIsNotAnsweredInTime(String priority, String customerTier,
			int escalationLevel) {
		assertEscalation("RESPONSE", priority, customerTier, escalationLevel, "support-leads", false, priority);
	}

	@ParameterizedTest
	@CsvSource({ "LATE, P2, KEY, 0", "resolution, P2, KEY, 0", "'', P1, KEY, 0", ", P1, STRATEGIC, 0",
			"RESPONSE, P5, KEY, 0", "RESPONSE, p1, KEY, 0", "RESOLUTION, '', KEY, 0", "REOPENED, , KEY, 0",
			"RESPONSE, P1, GOLD, 0", "RESOLUTION, P2, key, 0", "REOPENED, P3, '', 0", "RESPONSE, P1, , 0",
			"RESPONSE, P1, STRATEGIC, -1", "RESOLUTION, P1, STRATEGIC, ", "LATE, P1, STRATEGIC, 2",
			"RESPONSE, P5, KEY, 2", "RESPONSE, P1, GOLD, 5", ", , , " })
	void shouldEscalateNothingWhenAnInputIsUnknownMissingOrNegative(String breach, String priority, String customerTier,
			Integer escalationLevel) {
		assertThat(evaluate(variables(breach, priority, customerTier, escalationLevel)).isEmpty()).isTrue();
	}

	@Test
	void shouldEscalateNothingWhenNoVariableIsSet() {
		assertThat(evaluate(Variables.createVariables()).isEmpty()).isTrue();
	}

	private void assertEscalation(String breach, String priority, String customerTier, int escalationLevel,
			String escalateTo, boolean notifyAccountOwner, String newPriority) {
		DmnDecisionResult result = evaluate(variables(breach, priority, customerTier, escalationLevel));
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("escalateTo", escalateTo),
				entry("notifyAccountOwner", notifyAccountOwner), entry("newPriority", newPriority));
	}

	private static VariableMap variables(String breach, String priority, String customerTier, Integer escalationLevel) {
		return Variables.putValue("breach", breach)
			.putValue("priority", priority)
			.putValue("customerTier", customerTier)
			.putValue("escalationLevel", escalationLevel);
	}

	private DmnDecisionResult evaluate(VariableMap variables) {
		return engine.getDecisionService().evaluateDecisionByKey("escalation").variables(variables).evaluate();
	}

}
