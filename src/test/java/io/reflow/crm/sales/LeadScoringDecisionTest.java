package io.reflow.crm.sales;

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

/**
 * The {@code lead-scoring} decision ({@code decisions/lead-scoring.dmn}, COLLECT SUM):
 * the points of every row on their own, the company-size boundaries, and sums from the
 * smallest to the largest score of 100.
 */
@Deployment(resources = "decisions/lead-scoring.dmn")
class LeadScoringDecisionTest {

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "REFERRAL, 30", "EVENT, 25", "CAMPAIGN, 20", "WEB, 15", "COLD_CALL, 5" })
	void shouldScoreTheSource(String source, int points) {
		assertThat(score(source, null, false, "OTHER")).isEqualTo(points);
	}

	@ParameterizedTest
	@CsvSource({ "0, 5", "49, 5", "50, 10", "199, 10", "200, 20", "999, 20", "1000, 30", "250000, 30" })
	void shouldScoreTheCompanySize(int companySize, int points) {
		assertThat(score("UNKNOWN", companySize, false, "OTHER")).isEqualTo(points);
	}

	@Test
	void shouldScoreAConfirmedBudget() {
		assertThat(score("UNKNOWN", null, true, "OTHER")).isEqualTo(25);
	}

	@ParameterizedTest
	@CsvSource({ "MANUFACTURING", "FINANCE", "RETAIL" })
	void shouldScoreAFocusIndustry(String industry) {
		assertThat(score("UNKNOWN", null, false, industry)).isEqualTo(15);
	}

	@ParameterizedTest
	@CsvSource({ "REFERRAL, 1000, true, MANUFACTURING, 100", "EVENT, 200, true, FINANCE, 85",
			"CAMPAIGN, 999, false, RETAIL, 55", "WEB, 50, true, EDUCATION, 50", "WEB, 49, false, RETAIL, 35",
			"COLD_CALL, 0, false, EDUCATION, 10", "REFERRAL, , , , 30" })
	void shouldAddThePointsOfAllMatchingRows(String source, Integer companySize, Boolean budgetConfirmed,
			String industry, int leadScore) {
		assertThat(score(source, companySize, budgetConfirmed, industry)).isEqualTo(leadScore);
	}

	@ParameterizedTest
	@CsvSource({ "UNKNOWN, -1, false, OTHER", ", , , ", "referral, , , manufacturing" })
	void shouldGiveNoScoreWhenNoRowMatches(String source, Integer companySize, Boolean budgetConfirmed,
			String industry) {
		assertThat(score(source, companySize, budgetConfirmed, industry)).isNull();
	}

	private Integer score(String source, Integer companySize, Boolean budgetConfirmed, String industry) {
		DmnDecisionResult result = engine.getDecisionService()
			.evaluateDecisionByKey("lead-scoring")
			.variables(Variables.putValue("source", source)
				.putValue("companySize", companySize)
				.putValue("budgetConfirmed", budgetConfirmed)
				.putValue("industry", industry))
			.evaluate();
		return result.isEmpty() ? null : result.getSingleEntry();
	}

}
