package io.reflow.crm.platform.deployment;

import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which engine failures of a deployment become a 400 parse error of the file. */
class DeploymentRefusalsTest {

	@Test
	void shouldTurnAFailedDmnTransformationIntoAParseErrorOfTheFile() {
		ProcessEngineException engine = new ProcessEngineException(
				"ENGINE-22004 Unable to transform DMN resource 'discount.dmn'.",
				new DmnTransformException("DMN-02016 Error while transforming decision requirements graph: x",
						new NotValidException("ENGINE-12018 History Time To Live (TTL) cannot be null.")));

		ParseException parse = DeploymentRefusals.asParseException(engine);

		assertThat(parse.getResorceReports()).singleElement().satisfies((report) -> {
			assertThat(report.getResourceName()).isEqualTo("discount.dmn");
			assertThat(report.getErrors()).singleElement()
				.satisfies((problem) -> assertThat(problem.getMessage()).contains("DMN-02016")
					.contains("Cause: ENGINE-12018 History Time To Live (TTL) cannot be null."));
		});
		assertThat(parse.getMessage()).startsWith("Deployment refused: discount.dmn cannot be deployed.");
	}

	@Test
	void shouldTakeTheLineFromTheXmlParserWhenThereIsOne() {
		ProcessEngineException engine = new ProcessEngineException(
				"ENGINE-22004 Unable to transform DMN resource 'discount.dmn'.",
				new DmnTransformException("DMN-02003 Unable to transform decisions from input stream.",
						new RuntimeException("Error: URI=null Line=5: cvc-enumeration-valid: Value 'SOMETIMES'")));

		assertThat(DeploymentRefusals.asParseException(engine).getResorceReports().get(0).getErrors().get(0).getLine())
			.isEqualTo(5);
	}

	@Test
	void shouldLeaveOtherEngineFailuresAlone() {
		assertThat(DeploymentRefusals.asParseException(new ProcessEngineException("database down"))).isNull();
	}

}
