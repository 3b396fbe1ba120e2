package io.reflow.crm.marketing;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import io.reflow.crm.testsupport.EngineTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code campaign-budget-approval} decision
 * ({@code decisions/campaign-budget-approval.dmn}, UNIQUE), which the business rule task
 * {@code Task_DecideBudgetApproval} of {@code marketing-campaign} evaluates: every row at
 * both ends of its range, whole numbers as Tasklist submits them, and the budgets that
 * must match no row so that no campaign ever gets an approver by default.
 */
@Deployment(resources = "decisions/campaign-budget-approval.dmn")
class CampaignBudgetApprovalDecisionTest {

	private static final String DECISION = "campaign-budget-approval";

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "0.01, marketing-managers", "1, marketing-managers", "12000.50, marketing-managers",
			"49999.99, marketing-managers", "50000, marketing-managers", "50000.01, marketing-directors",
			"120000, marketing-directors", "499999.99, marketing-directors", "500000, marketing-directors",
			"500000.01, executives", "2000000, executives", "1000000000000, executives", "1.0E300, executives" })
	void shouldNameTheApproverGroupForTheBudget(double budget, String approverGroup) {
		DmnDecisionResult result = evaluate(Variables.putValue("budget", budget));

		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("approverGroup", approverGroup));
	}

	@ParameterizedTest
	@CsvSource({ "1, marketing-managers", "50000, marketing-managers", "50001, marketing-directors",
			"500000, marketing-directors", "500001, executives", "2147483647, executives" })
	void shouldAcceptWholeNumberBudgetsAsTasklistSubmitsThem(int budget, String approverGroup) {
		assertThat(approverGroup(budget)).isEqualTo(approverGroup);
		assertThat(approverGroup((long) budget)).isEqualTo(approverGroup);
	}

	@Test
	void shouldAcceptBudgetsBeyondTheIntegerRangeAsTasklistSubmitsThem() {
		assertThat(approverGroup(3_000_000_000L)).isEqualTo("executives");
	}

	@ParameterizedTest
	@CsvSource(value = { "0", "0.0", "-0.0", "-0.01", "-1", "-50000", "-500000.01", "-1.0E300", "null" },
			nullValues = "null")
	void shouldNameNoApproverWhenTheBudgetIsZeroNegativeOrMissing(Double budget) {
		assertThat(evaluate(Variables.putValue("budget", budget)).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "0", "-1", "-500001" })
	void shouldNameNoApproverWhenAWholeNumberBudgetIsZeroOrNegative(int budget) {
		assertThat(evaluate(Variables.putValue("budget", budget)).isEmpty()).isTrue();
		assertThat(evaluate(Variables.putValue("budget", (long) budget)).isEmpty()).isTrue();
	}

	@Test
	void shouldNameNoApproverWhenTheBudgetIsNotSet() {
		assertThat(evaluate(Variables.createVariables()).isEmpty()).isTrue();
	}

	/**
	 * The approver group of a budget of the given number type, as the form submits it.
	 */
	private String approverGroup(Number budget) {
		return evaluate(Variables.putValue("budget", budget)).getSingleEntry();
	}

	private DmnDecisionResult evaluate(VariableMap variables) {
		return engine.getDecisionService().evaluateDecisionByKey(DECISION).variables(variables).evaluate();
	}

}
