package io.reflow.crm.platform.deployment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the pre-deployer refuses, with the line and column an analyst needs, on small
 * models without an engine.
 */
class DeploymentChecksTest {

	static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://reflow.io/test">
			  <bpmn:process id="test-approval" isExecutable="true" camunda:historyTimeToLive="P30D">
			    <bpmn:startEvent id="StartEvent_Requested" />
			    <bpmn:userTask id="Task_Approve" name="Approve" camunda:formRef="test-approve-form"
			        camunda:formRefBinding="deployment" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	static final String FORM = """
			{"id": "test-approve-form", "type": "default", "components": []}
			""";

	static final String DECISION = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
			    id="Definitions_TestLimit" name="Test limit" namespace="http://reflow.io/test">
			  <decision id="test-limit" name="Test limit" camunda:historyTimeToLive="P30D">
			  </decision>
			</definitions>
			""";

	private static Map<String, byte[]> resources(String... nameAndContent) {
		Map<String, byte[]> resources = new LinkedHashMap<>();
		for (int i = 0; i < nameAndContent.length; i += 2) {
			resources.put(nameAndContent[i], nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
		}
		return resources;
	}

	private static Problem onlyError(ParseException ex, String resource) {
		assertThat(ex.getResorceReports()).hasSize(1);
		assertThat(ex.getResorceReports().get(0).getResourceName()).isEqualTo(resource);
		assertThat(ex.getResorceReports().get(0).getErrors()).hasSize(1);
		return ex.getResorceReports().get(0).getErrors().get(0);
	}

	@Test
	void shouldAcceptAnExecutableProcessWithItsFormAndADecision() {
		assertThatCode(() -> DeploymentChecks.check(null,
				resources("test-approval.bpmn", PROCESS, "test-approve-form.form", FORM, "test-limit.dmn", DECISION),
				true))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseANotExecutableProcessAtTheLineOfTheProcess() {
		ParseException ex = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null,
						resources("test-approval.bpmn",
								PROCESS.replace("isExecutable=\"true\"", "isExecutable=\"false\""), "f.form", FORM),
						true));

		Problem problem = onlyError(ex, "test-approval.bpmn");
		assertThat(problem.getMessage()).contains("'test-approval' is not executable").contains("Executable");
		assertThat(problem.getLine()).isEqualTo(4);
		assertThat(problem.getMainElementId()).isEqualTo("test-approval");
		assertThat(ex.getMessage()).contains("| resource test-approval.bpmn | line 4 |");
	}

	@Test
	void shouldRefuseAProcessWithoutIsExecutableAsTheEngineIgnoresIt() {
		ParseException ex = catchThrowableOfType(ParseException.class, () -> DeploymentChecks.check(null,
				resources("test-approval.bpmn", PROCESS.replace(" isExecutable=\"true\"", ""), "f.form", FORM), true));

		assertThat(onlyError(ex, "test-approval.bpmn").getMessage()).contains("is not executable");
	}

	@Test
	void shouldAcceptANotExecutableDocumentationPoolNextToAnExecutableProcess() {
		String withPool = PROCESS.replace("</bpmn:definitions>",
				"  <bpmn:process id=\"customer\" isExecutable=\"false\" />\n</bpmn:definitions>");

		assertThatCode(
				() -> DeploymentChecks.check(null, resources("test-approval.bpmn", withPool, "f.form", FORM), true))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAFileWithoutProcess() {
		String collaborationOnly = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Empty"
				    targetNamespace="http://reflow.io/test">
				</bpmn:definitions>
				""";

		ParseException ex = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null, resources("empty.bpmn", collaborationOnly), true));

		Problem problem = onlyError(ex, "empty.bpmn");
		assertThat(problem.getMessage()).contains("contains no process");
		assertThat(problem.getLine()).isEqualTo(3);
	}

	@Test
	void shouldRefuseXmlThatIsNotWellFormedWithTheParsersLineAndMessage() {
		String broken = PROCESS.replace("<bpmn:startEvent id=\"StartEvent_Requested\" />",
				"<bpmn:startEvent id=\"StartEvent_Requested\"");

		ParseException ex = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null, resources("test-approval.bpmn", broken, "f.form", FORM), true));

		Problem problem = onlyError(ex, "test-approval.bpmn");
		assertThat(problem.getMessage()).startsWith("Not well-formed XML: ");
		assertThat(problem.getLine()).isEqualTo(6);
		assertThat(problem.getColumn()).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<!DOCTYPE d [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]>",
			"<!DOCTYPE d SYSTEM \"http://127.0.0.1:1/external.dtd\">", "<!DOCTYPE d [<!ENTITY x \"x\">]>" })
	void shouldRefuseADocumentTypeDeclarationInAProcessOrDecisionAsItCarriesEntityAttacks(String doctype) {
		// the engine's parser refuses these too, but as a 500; a DOCTYPE whose entities
		// are
		// never referenced passed the well-formedness check
		String process = PROCESS.replace("<bpmn:definitions", doctype + "\n<bpmn:definitions");
		ParseException bpmn = catchThrowableOfType(ParseException.class, () -> DeploymentChecks.check(null,
				resources("test-approval.bpmn", process, "test-approve-form.form", FORM), true));
		assertThat(onlyError(bpmn, "test-approval.bpmn").getMessage()).contains("document type declaration");
		assertThat(onlyError(bpmn, "test-approval.bpmn").getLine()).isEqualTo(2);
		String decision = DECISION.replace("<definitions", doctype + "\n<definitions");
		ParseException dmn = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null, resources("test-limit.dmn", decision), true));
		assertThat(onlyError(dmn, "test-limit.dmn").getMessage()).contains("document type declaration");
	}

	@Test
	void shouldRefuseAProcessWhoseFormBoundByDeploymentIsMissing() {
		ParseException ex = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null, resources("test-approval.bpmn", PROCESS), true));

		Problem problem = onlyError(ex, "test-approval.bpmn");
		assertThat(problem.getMessage()).contains("'Task_Approve' binds form 'test-approve-form'")
			.contains("attach the form file");
		assertThat(problem.getLine()).isEqualTo(7);
		assertThat(problem.getMainElementId()).isEqualTo("Task_Approve");
	}

	@Test
	void shouldRefuseAFormThatIsNotJsonWithLineAndColumn() {
		ParseException ex = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null, resources("test-approval.bpmn", PROCESS, "test-approve-form.form",
						"{\n  \"id\": \"test-approve-form\",\n  nope\n}"), true));

		Problem problem = onlyError(ex, "test-approve-form.form");
		assertThat(problem.getMessage()).startsWith("Form is not valid JSON");
		assertThat(problem.getLine()).isEqualTo(3);
	}

	@Test
	void shouldRefuseAFormWithoutId() {
		ParseException ex = catchThrowableOfType(ParseException.class, () -> DeploymentChecks.check(null,
				resources("test-approve-form.form", "{\"type\": \"default\", \"components\": []}"), true));

		assertThat(onlyError(ex, "test-approve-form.form").getMessage()).contains("Form has no \"id\"");
	}

	@Test
	void shouldRefuseADecisionWithoutHistoryTimeToLiveWhenTheEngineRequiresIt() {
		String withoutTtl = DECISION.replace(" camunda:historyTimeToLive=\"P30D\"", "");

		ParseException ex = catchThrowableOfType(ParseException.class,
				() -> DeploymentChecks.check(null, resources("test-limit.dmn", withoutTtl), true));

		Problem problem = onlyError(ex, "test-limit.dmn");
		assertThat(problem.getMessage()).contains("Decision 'test-limit' has no History Time To Live");
		assertThat(problem.getLine()).isEqualTo(4);
		assertThatCode(() -> DeploymentChecks.check(null, resources("test-limit.dmn", withoutTtl), false))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseADecisionThatIsNotWellFormed() {
		ParseException ex = catchThrowableOfType(ParseException.class, () -> DeploymentChecks.check(null,
				resources("test-limit.dmn", DECISION.replace("</definitions>", "")), true));

		assertThat(onlyError(ex, "test-limit.dmn").getMessage()).startsWith("Not well-formed XML: ");
	}

	@Test
	void shouldRefuseATenant() {
		assertThatThrownBy(
				() -> DeploymentChecks.check("north", resources("test-approval.bpmn", PROCESS, "f.form", FORM), true))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("does not use tenants")
			.hasMessageContaining("Tenant ID");
	}

}
