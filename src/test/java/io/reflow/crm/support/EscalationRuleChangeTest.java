package io.reflow.crm.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reflow.crm.platform.deployment.ModelDeployer;
import io.reflow.crm.support.process.SupportCaseProcess;
import io.reflow.crm.testsupport.RealModels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance check for escalations: editing who receives an unanswered urgent case of
 * a top-tier customer in {@code decisions/escalation.dmn} (support-leads becomes
 * support-managers) and restarting changes the next escalation, with no Java change.
 */
class EscalationRuleChangeTest {

	@TempDir
	Path folder;

	RealModels models;

	@BeforeEach
	void deployTheRealModels() throws IOException {
		this.models = new RealModels(this.folder);
	}

	@AfterEach
	void closeEngine() {
		this.models.close();
	}

	String escalateTo() {
		return this.models.engine()
			.getDecisionService()
			.evaluateDecisionByKey("escalation")
			.variables(
					Map.of("breach", "RESPONSE", "priority", "P1", "customerTier", "STRATEGIC", "escalationLevel", 0))
			.evaluate()
			.getSingleResult()
			.getEntry("escalateTo");
	}

	@Test
	void shouldEscalateTheNextBreachToWhomTheEditedRuleSays() throws IOException {
		assertThat(escalateTo()).isEqualTo("support-leads");
		String rule = """
				<outputEntry id="OutputEntry_ResponseUrgentTopTier_EscalateTo">
				          <text>"support-leads"</text>""";
		this.models.edit("decisions/escalation.dmn", rule, rule.replace("support-leads", "support-managers"));

		ModelDeployer.DeploymentResult restart = this.models.restart();

		assertThat(restart.changed()).containsExactly("decisions/escalation.dmn");
		assertThat(escalateTo()).isEqualTo("support-managers");
		assertThat(this.models.latestDecisionVersion("escalation")).isEqualTo(2);
		assertThat(this.models.latestDecisionVersion("case-sla")).isEqualTo(1);
		RepositoryService repository = this.models.engine().getRepositoryService();
		BusinessRuleTask decide = repository
			.getBpmnModelInstance(repository.createProcessDefinitionQuery()
				.processDefinitionKey(SupportCaseProcess.KEY)
				.singleResult()
				.getId())
			.getModelElementById(SupportCaseProcess.Elements.TASK_DECIDE_ESCALATION);
		assertThat(decide.getCamundaDecisionRefBinding()).isIn(null, "latest");
	}

}
