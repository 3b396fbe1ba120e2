package io.reflow.crm.sales;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reflow.crm.platform.deployment.ModelDeployer;
import io.reflow.crm.platform.deployment.ModelDeploymentProperties;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's acceptance check for the sales rules: the real models are deployed as at
 * start-up; one rule of {@code decisions/discount.dmn} is edited (STANDARD from 100,000
 * CNY: 0.05 becomes 0.06); the next start deploys that file only, and the next quote is
 * decided by the new rule, with no Java change.
 */
class DiscountRuleChangeTest {

	@TempDir
	Path models;

	ProcessEngine engine;

	RepositoryService repository;

	ModelDeployer deployer;

	@BeforeEach
	void deployTheRealModels() throws IOException {
		for (String folder : new String[] { "processes", "decisions", "forms" }) {
			if (Files.isDirectory(Path.of(folder))) {
				FileSystemUtils.copyRecursively(Path.of(folder), this.models.resolve(folder));
			}
		}
		this.engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:rule-change-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setProcessEngineName("rule-change-" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.buildProcessEngine();
		this.repository = this.engine.getRepositoryService();
		this.deployer = new ModelDeployer(this.repository, new PathMatchingResourcePatternResolver(),
				new ModelDeploymentProperties(this.models.toUri().toString(), "reflow-models", "test"));
		this.deployer.deploy();
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
	}

	String approvalLevel(String tier, double amount, double requested) {
		return this.engine.getDecisionService()
			.evaluateDecisionByKey("discount-approval")
			.variables(Map.of("customerTier", tier, "orderAmount", amount, "requestedDiscount", requested))
			.evaluate()
			.getSingleResult()
			.getEntry("approvalLevel");
	}

	int latestVersion(String decisionKey) {
		return this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(decisionKey)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	@Test
	void shouldDecideTheNextQuoteByTheEditedRuleAndVersionOnlyThatFile() throws IOException {
		assertThat(approvalLevel("STANDARD", 150_000, 0.06)).isEqualTo("SALES_MANAGER");
		Path discount = this.models.resolve("decisions/discount.dmn");
		String rule = """
				<outputEntry id="OutputEntry_StandardOverOneHundredThousand_MaxDiscount">
				          <text>0.05</text>""";
		String dmn = Files.readString(discount, StandardCharsets.UTF_8);
		assertThat(dmn).contains(rule);
		Files.writeString(discount, dmn.replace(rule, rule.replace("0.05", "0.06")), StandardCharsets.UTF_8);

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.changed()).containsExactly("decisions/discount.dmn");
		assertThat(restart.carriedAlong()).isEmpty();
		assertThat(approvalLevel("STANDARD", 150_000, 0.06)).isEqualTo("NONE");
		assertThat(latestVersion("discount")).isEqualTo(2);
		assertThat(latestVersion("discount-approval")).isEqualTo(2);
		assertThat(latestVersion("lead-scoring")).isEqualTo(1);
		assertThat(latestVersion("lead-assignment")).isEqualTo(1);
		assertThat(this.repository.createProcessDefinitionQuery().latestVersion().list())
			.allSatisfy((definition) -> assertThat(definition.getVersion()).isEqualTo(1));
		// the process asks for the latest decision, so running quotes use the new rule
		// too
		BusinessRuleTask decide = this.repository
			.getBpmnModelInstance(this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(OpportunityToOrderProcess.KEY)
				.singleResult()
				.getId())
			.getModelElementById(OpportunityToOrderProcess.Elements.TASK_DECIDE_DISCOUNT);
		assertThat(decide.getCamundaDecisionRefBinding()).isIn(null, "latest");
	}

}
