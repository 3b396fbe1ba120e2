package io.reflow.crm.sales;

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
 * The discount DRD ({@code decisions/discount.dmn}): {@code discount} (maximum discount
 * by tier and order amount, FIRST) and {@code discount-approval} (who approves a
 * requested discount, FIRST), which requires {@code discount}. Covers every row at its
 * amount and discount boundaries, the decimal sums at the manager's limit, and the inputs
 * that must match no row so that no discount is ever given by default.
 */
@Deployment(resources = "decisions/discount.dmn")
class DiscountDecisionTest {

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "STRATEGIC, 1000000, 0.20", "STRATEGIC, 50000000, 0.20", "STRATEGIC, 999999.99, 0.15",
			"STRATEGIC, 999999, 0.15", "STRATEGIC, 200000, 0.15", "STRATEGIC, 199999.99, 0.10",
			"STRATEGIC, 199999, 0.10", "STRATEGIC, 0, 0.10", "KEY, 500000, 0.12", "KEY, 499999.99, 0.08",
			"KEY, 0, 0.08", "STANDARD, 500000, 0.07", "STANDARD, 499999.99, 0.05", "STANDARD, 100000, 0.05",
			"STANDARD, 99999.99, 0", "STANDARD, 0, 0", "NEW, 0, 0.03", "NEW, 50000000, 0.03" })
	void shouldLimitTheDiscountByTierAndOrderAmount(String customerTier, double orderAmount, double maxDiscount) {
		DmnDecisionResult result = evaluate("discount", order(customerTier, orderAmount));
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("maxDiscount", maxDiscount));
	}

	@ParameterizedTest
	@CsvSource({ "GOLD, 1000", "strategic, 1000", "'', 1000", ", 1000", "STRATEGIC, -0.01", "NEW, -1", "STANDARD, ",
			", " })
	void shouldGiveNoMaximumDiscountWhenTierOrAmountIsUnknown(String customerTier, Double orderAmount) {
		assertThat(evaluate("discount", order(customerTier, orderAmount)).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({
			// requested = maximum, = maximum + 0.05 and just above, per maximum discount
			"NEW, 1000, 0, NONE, 0.03", "NEW, 1000, 0.03, NONE, 0.03", "NEW, 1000, 0.0300001, SALES_MANAGER, 0.03",
			"NEW, 1000, 0.08, SALES_MANAGER, 0.03", "NEW, 1000, 0.0800001, SALES_DIRECTOR, 0.03",
			"STANDARD, 99999.99, 0, NONE, 0", "STANDARD, 99999.99, 0.0000001, SALES_MANAGER, 0",
			"STANDARD, 99999.99, 0.05, SALES_MANAGER, 0", "STANDARD, 99999.99, 0.0500001, SALES_DIRECTOR, 0",
			"STANDARD, 100000, 0.05, NONE, 0.05", "STANDARD, 100000, 0.10, SALES_MANAGER, 0.05",
			"STANDARD, 500000, 0.07, NONE, 0.07", "STANDARD, 500000, 0.12, SALES_MANAGER, 0.07",
			"STANDARD, 500000, 0.1200001, SALES_DIRECTOR, 0.07", "KEY, 0, 0.08, NONE, 0.08",
			"KEY, 0, 0.13, SALES_MANAGER, 0.08", "KEY, 0, 0.1300001, SALES_DIRECTOR, 0.08",
			// FEEL sums exactly: 0.12 + 0.05 = 0.17 (doubles: 0.16999...)
			"KEY, 500000, 0.12, NONE, 0.12", "KEY, 500000, 0.17, SALES_MANAGER, 0.12",
			"KEY, 500000, 0.1700001, SALES_DIRECTOR, 0.12", "STRATEGIC, 0, 0.10, NONE, 0.10",
			"STRATEGIC, 0, 0.15, SALES_MANAGER, 0.10", "STRATEGIC, 0, 0.1500001, SALES_DIRECTOR, 0.10",
			"STRATEGIC, 200000, 0.15, NONE, 0.15", "STRATEGIC, 200000, 0.20, SALES_MANAGER, 0.15",
			"STRATEGIC, 200000, 0.2000001, SALES_DIRECTOR, 0.15", "STRATEGIC, 1000000, 0.20, NONE, 0.20",
			"STRATEGIC, 1000000, 0.25, SALES_MANAGER, 0.20", "STRATEGIC, 1000000, 0.2500001, SALES_DIRECTOR, 0.20",
			// the director's limit and beyond
			"STRATEGIC, 1000000, 0.30, SALES_DIRECTOR, 0.20", "NEW, 1000, 0.30, SALES_DIRECTOR, 0.03",
			"STRATEGIC, 1000000, 0.3000001, REJECT, 0.20", "STANDARD, 0, 0.31, REJECT, 0", "KEY, 0, 1, REJECT, 0.08",
			"NEW, 1000, 1.5, REJECT, 0.03" })
	void shouldNameTheApprovalLevelForTheRequestedDiscount(String customerTier, double orderAmount,
			double requestedDiscount, String approvalLevel, double maxDiscount) {
		DmnDecisionResult result = evaluate("discount-approval",
				order(customerTier, orderAmount).putValue("requestedDiscount", requestedDiscount));
		assertThat(result.getSingleResult().getEntryMap()).containsOnly(entry("approvalLevel", approvalLevel),
				entry("maxDiscount", maxDiscount), entry("approverGroup", approverGroup(approvalLevel)));
	}

	@ParameterizedTest
	@CsvSource({ "GOLD, 1000, 0.05", "STRATEGIC, -1, 0.05", ", 1000, 0.05", "STRATEGIC, , 0.05", "STRATEGIC, 1000, ",
			"STRATEGIC, 1000, -0.01", "GOLD, 1000, 0.50", ", , " })
	void shouldApproveNothingWhenAnInputIsUnknownMissingOrNegative(String customerTier, Double orderAmount,
			Double requestedDiscount) {
		DmnDecisionResult result = evaluate("discount-approval",
				order(customerTier, orderAmount).putValue("requestedDiscount", requestedDiscount));
		assertThat(result.isEmpty()).isTrue();
	}

	@Test
	void shouldApproveNothingWhenNoVariableIsSet() {
		assertThat(evaluate("discount-approval", Variables.createVariables()).isEmpty()).isTrue();
	}

	private static VariableMap order(String customerTier, Double orderAmount) {
		return Variables.putValue("customerTier", customerTier).putValue("orderAmount", orderAmount);
	}

	private static String approverGroup(String approvalLevel) {
		return switch (approvalLevel) {
			case "SALES_MANAGER" -> "sales-managers";
			case "SALES_DIRECTOR" -> "sales-directors";
			default -> null;
		};
	}

	private DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
		return engine.getDecisionService().evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
	}

}
