package io.reflow.crm.sales;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reflow.crm.testsupport.EngineTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code lead-fast-track} decision ({@code decisions/lead-fast-track.dmn}, UNIQUE):
 * each row ({@code Rule_FastTrack}, {@code Rule_ManualQualification}) at the threshold of
 * 85 and at the ends of the score range.
 */
@Deployment(resources = "decisions/lead-fast-track.dmn")
class LeadFastTrackDecisionTest {

	@RegisterExtension
	static ProcessEngineExtension engine = EngineTests.decisionEngine();

	@ParameterizedTest
	@CsvSource({ "85, true", "100, true", "84, false", "0, false", "50, false" })
	void shouldFastTrackLeadsScoring85OrMore(int leadScore, boolean fastTrack) {
		DmnDecisionResult result = engine.getDecisionService()
			.evaluateDecisionByKey("lead-fast-track")
			.variables(Variables.putValue("leadScore", leadScore))
			.evaluate();

		assertThat((Boolean) result.getSingleEntry()).isEqualTo(fastTrack);
	}

	/** lead-scoring scores every lead source, so lead-qualification never gets here. */
	@Test
	void shouldDecideNothingWithoutAScore() {
		assertThat(engine.getDecisionService()
			.evaluateDecisionByKey("lead-fast-track")
			.variables(Variables.putValue("leadScore", null))
			.evaluate()).isEmpty();
	}

}
