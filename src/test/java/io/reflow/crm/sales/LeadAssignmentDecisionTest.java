package io.reflow.crm.sales;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import io.reflow.crm.testsupport.EngineTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code lead-assignment} decision ({@code decisions/lead-assignment.dmn}, FIRST):
 * every row with its score and company-size boundaries, and the row order that decides
 * between rows that both match.
 */
@Deployment(resources = "decisions/lead-assignment.dmn")
class LeadAssignmentDecisionTest {

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "0, 10, NORTH", "29, 10, CENTRAL", "29, 1000, NORTH", "29, 250000, WEST" })
	void shouldNurtureLowScoresInMarketingWhenScoreIsBelowThirty(int leadScore, int companySize, String region) {
		assertAssignment(leadScore, companySize, region, "marketing-nurture", "P30D");
	}

	@ParameterizedTest
	@CsvSource({ "30, 1000, CENTRAL", "49, 1000, NORTH", "84, 250000, SOUTH", ", 1000, EAST" })
	void shouldRouteBigCompaniesToKeyAccountsWhenScoreIsThirtyOrMore(Integer leadScore, int companySize,
			String region) {
		assertAssignment(leadScore, companySize, region, "key-accounts", "P1D");
	}

	@ParameterizedTest
	@CsvSource({ "85, 999, NORTH", "85, 10, CENTRAL", "100, , WEST" })
	void shouldRouteHotLeadsToKeyAccountsWhenScoreIsEightyFiveOrMore(int leadScore, Integer companySize,
			String region) {
		assertAssignment(leadScore, companySize, region, "key-accounts", "P1D");
	}

	@ParameterizedTest
	@CsvSource({ "30, 999, NORTH", "49, 999, SOUTH", "49, , EAST" })
	void shouldRouteMediumScoresToInsideSalesWhenScoreIsBelowFifty(int leadScore, Integer companySize, String region) {
		assertAssignment(leadScore, companySize, region, "inside-sales", "P3D");
	}

	@ParameterizedTest
	@CsvSource({ "50, 999, NORTH, sales-north", "84, 10, NORTH, sales-north", "50, 999, SOUTH, sales-south",
			"84, , SOUTH, sales-south", "50, 10, EAST, sales-east", "84, 999, EAST, sales-east",
			"50, 10, WEST, sales-west", "84, 999, WEST, sales-west" })
	void shouldRouteToTheRegionalTeamWhenScoreIsFiftyToEightyFour(int leadScore, Integer companySize, String region,
			String assigneeGroup) {
		assertAssignment(leadScore, companySize, region, assigneeGroup, "P2D");
	}

	@ParameterizedTest
	@CsvSource({ "50, 999, CENTRAL", "84, 10, CENTRAL", "70, 10, ABROAD", "70, 10, north", "70, 10, ", ", 10, NORTH",
			", , " })
	void shouldRouteEverythingElseToInsideSales(Integer leadScore, Integer companySize, String region) {
		assertAssignment(leadScore, companySize, region, "inside-sales", "P3D");
	}

	private void assertAssignment(Integer leadScore, Integer companySize, String region, String assigneeGroup,
			String firstContactDue) {
		DmnDecisionResultEntries result = engine.getDecisionService()
			.evaluateDecisionByKey("lead-assignment")
			.variables(Variables.putValue("leadScore", leadScore)
				.putValue("companySize", companySize)
				.putValue("region", region))
			.evaluate()
			.getSingleResult();
		assertThat(result.getEntryMap()).containsOnly(entry("assigneeGroup", assigneeGroup),
				entry("firstContactDue", firstContactDue));
	}

}
