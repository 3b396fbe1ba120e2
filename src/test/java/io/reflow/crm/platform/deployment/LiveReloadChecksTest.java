package io.reflow.crm.platform.deployment;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.deployment.LiveReloadChecks.Finding;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How live reload names a broken file, its line and message, without an engine; and its
 * status endpoint when it is off.
 */
class LiveReloadChecksTest {

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void shouldFindLineOfProcessThatIsNotWellFormed() {
		String process = ModelDeployerTest.PROCESS.formatted("Approval").replace("</bpmn:process>", "");

		Finding finding = LiveReloadChecks.read("processes/test/test-approval.bpmn", bytes(process)).orElseThrow();

		assertThat(finding.resource()).isEqualTo("processes/test/test-approval.bpmn");
		assertThat(finding.line()).isEqualTo(12);
		assertThat(finding.message()).contains("bpmn:process");
	}

	@Test
	void shouldFindLineOfDecisionThatBreaksTheSchema() {
		String decision = ModelDeployerTest.DECISION.formatted("1000")
			.replace("<decisionTable", "<decisionTabel")
			.replace("</decisionTable>", "</decisionTabel>");

		Finding finding = LiveReloadChecks.read("decisions/test-limit.dmn", bytes(decision)).orElseThrow();

		assertThat(finding.line()).isEqualTo(5);
		assertThat(finding.message()).contains("decisionTabel");
	}

	@Test
	void shouldFindLineOfFormThatIsNotJson() {
		String form = ModelDeployerTest.FORM.formatted("Approved")
			.replace("\"type\": \"default\",", "\"type\" \"default\",");

		Finding finding = LiveReloadChecks.read("forms/test/test-approve-form.form", bytes(form)).orElseThrow();

		assertThat(finding.line()).isEqualTo(1);
		assertThat(finding.message()).isNotBlank().doesNotContain("Source:");
	}

	@Test
	void shouldSayWhereAnUnclosedFormStarted() {
		Finding finding = LiveReloadChecks.read("forms/a.form", bytes("{\"id\": \"a\", \"components\": ["))
			.orElseThrow();

		assertThat(finding.message()).contains("start marker at line 1, column 27").doesNotContain("Source:");
	}

	@Test
	void shouldFindFormWithoutId() {
		assertThat(LiveReloadChecks.read("forms/a.form", bytes("{\"components\": []}"))).get()
			.extracting(Finding::message)
			.isEqualTo("The form has no \"id\"");
	}

	@Test
	void shouldAcceptGoodModels() {
		assertThat(LiveReloadChecks.read("processes/a.bpmn", bytes(ModelDeployerTest.PROCESS.formatted("A"))))
			.isEmpty();
		assertThat(LiveReloadChecks.read("decisions/a.dmn", bytes(ModelDeployerTest.DECISION.formatted("1"))))
			.isEmpty();
		assertThat(LiveReloadChecks.read("forms/a.form", bytes(ModelDeployerTest.FORM.formatted("A")))).isEmpty();
	}

	@Test
	void shouldNameTheFileAnEngineRefusalMentions() {
		List<Finding> findings = LiveReloadChecks.refused(
				new ProcessEngineException("ENGINE-22004 Unable to transform DMN resource 'decisions/b.dmn'."),
				List.of("decisions/a.dmn", "decisions/b.dmn"));

		assertThat(findings).extracting(Finding::resource).containsExactly("decisions/b.dmn");
		assertThat(LiveReloadChecks.refused(new ProcessEngineException("database down"), List.of("decisions/a.dmn")))
			.isEmpty();
	}

	@Test
	void shouldAnswerNotFoundWhenLiveReloadIsOff() {
		LiveReloadController controller = new LiveReloadController(
				new StaticListableBeanFactory().getBeanProvider(LiveReload.class));

		assertThatThrownBy(controller::status).isInstanceOf(NotFoundException.class)
			.hasMessageContaining("reflow.models.live-reload.enabled=true");
	}

}
