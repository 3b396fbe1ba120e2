package io.reflow.crm.sales;

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
import io.reflow.crm.sales.process.OpportunityToOrderProcess;
import io.reflow.crm.testsupport.RealModels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's acceptance check for the sales rules: the real models are deployed as at
 * start-up; one rule of {@code decisions/discount.dmn} is edited (STANDARD from 100,000
 * CNY: 0.05 becomes 0.06); the next start deploys that file only, and the next quote is
 * decided by the new rule, with no Java change.
 */
class DiscountRuleChangeTest {

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

	String approvalLevel(String tier, double amount, double requested) {
		return this.models.engine()
			.getDecisionService()
			.evaluateDecisionByKey("discount-approval")
			.variables(Map.of("customerTier", tier, "orderAmount", amount, "requestedDiscount", requested))
			.evaluate()
			.getSingleResult()
			.getEntry("approvalLevel");
	}

	@Test
	void shouldDecideTheNextQuoteByTheEditedRuleAndVersionOnlyThatFile() throws IOException {
		assertThat(approvalLevel("STANDARD", 150_000, 0.06)).isEqualTo("SALES_MANAGER");
		String rule = """
				<outputEntry id="OutputEntry_StandardOverOneHundredThousand_MaxDiscount">
				          <text>0.05</text>""";
		this.models.edit("decisions/discount.dmn", rule, rule.replace("0.05", "0.06"));

		ModelDeployer.DeploymentResult restart = this.models.restart();

		assertThat(restart.changed()).containsExactly("decisions/discount.dmn");
		assertThat(restart.carriedAlong()).isEmpty();
		assertThat(approvalLevel("STANDARD", 150_000, 0.06)).isEqualTo("NONE");
		assertThat(this.models.latestDecisionVersion("discount")).isEqualTo(2);
		assertThat(this.models.latestDecisionVersion("discount-approval")).isEqualTo(2);
		assertThat(this.models.latestDecisionVersion("lead-scoring")).isEqualTo(1);
		assertThat(this.models.latestDecisionVersion("lead-assignment")).isEqualTo(1);
		RepositoryService repository = this.models.engine().getRepositoryService();
		assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
			.allSatisfy((definition) -> assertThat(definition.getVersion()).isEqualTo(1));
		// the process asks for the latest decision, so running quotes use the new rule
		// too
		BusinessRuleTask decide = repository
			.getBpmnModelInstance(repository.createProcessDefinitionQuery()
				.processDefinitionKey(OpportunityToOrderProcess.KEY)
				.singleResult()
				.getId())
			.getModelElementById(OpportunityToOrderProcess.Elements.TASK_DECIDE_DISCOUNT);
		assertThat(decide.getCamundaDecisionRefBinding()).isIn(null, "latest");
	}

}
