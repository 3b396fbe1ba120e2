package io.reflow.crm.testsupport;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of engine-only tests ({@code engine-test.cfg.xml}): decision tests and
 * process tests with flow coverage.
 */
public final class EngineTests {

	public static final String CONFIGURATION = "engine-test.cfg.xml";

	private EngineTests() {
	}

	public static ProcessEngineExtension decisionEngine() {
		return ProcessEngineExtension.builder().configurationResource(CONFIGURATION).build();
	}

	/** A process engine that fails the test class below the given flow coverage. */
	public static ProcessEngineCoverageExtension processEngine(double minimumCoverage) {
		return ProcessEngineCoverageExtension.builder(CONFIGURATION)
			.assertClassCoverageAtLeast(minimumCoverage)
			.build();
	}

}
