package io.reflow.crm.platform.deployment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start-up deployment mechanism on a real in-memory engine with small test models in
 * a temporary {@code processes/}, {@code decisions/}, {@code forms/} tree: one deployment
 * at first, nothing on an unchanged restart, only the changed resource afterwards, and
 * forms bound by deployment travelling with the processes that use them; and after a
 * deployment from Camunda Modeler, a restart that neither rolls the analyst's version
 * back nor deploys an identical version again, while a file changed in the repository
 * still replaces it. An earlier version of a process ({@code <key>.<tag>.bpmn}) becomes
 * version 1 on a fresh engine, deployed on its own with its form, and is skipped once the
 * process exists or when switched off.
 */
class ModelDeployerTest {

	static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://reflow.io/test">
			  <bpmn:process id="test-approval" name="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
			    <bpmn:startEvent id="StartEvent_Requested" />
			    <bpmn:sequenceFlow id="Flow_ToApprove" sourceRef="StartEvent_Requested" targetRef="Task_Approve" />
			    <bpmn:userTask id="Task_Approve" name="Approve" camunda:formRef="test-approve-form"
			        camunda:formRefBinding="deployment" />
			    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Approve" targetRef="EndEvent_Done" />
			    <bpmn:endEvent id="EndEvent_Done" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	static final String DECISION = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
			    id="Definitions_TestLimit" name="Test limit" namespace="http://reflow.io/test">
			  <decision id="test-limit" name="Test limit" camunda:historyTimeToLive="P30D">
			    <decisionTable id="DecisionTable_TestLimit">
			      <input id="Input_Amount"><inputExpression id="InputExpression_Amount" typeRef="double"><text>amount</text></inputExpression></input>
			      <output id="Output_Approver" name="approver" typeRef="string" />
			      <rule id="Rule_Small"><inputEntry id="InputEntry_Small"><text>&lt; %s</text></inputEntry>
			        <outputEntry id="OutputEntry_Small"><text>"none"</text></outputEntry></rule>
			    </decisionTable>
			  </decision>
			</definitions>
			""";

	static final String FORM = """
			{"id": "test-approve-form", "type": "default", "schemaVersion": 16,
			 "components": [{"key": "approved", "label": "%s", "type": "checkbox", "id": "Field_Approved"}]}
			""";

	@TempDir
	Path models;

	ProcessEngine engine;

	RepositoryService repository;

	ModelDeployer deployer;

	@BeforeEach
	void startEngine() throws IOException {
		this.engine = DeployedModels.newEngine("deployer");
		this.repository = this.engine.getRepositoryService();
		this.deployer = new ModelDeployer(this.repository, new PathMatchingResourcePatternResolver(),
				new ModelDeploymentProperties(this.models.toUri().toString(), "reflow-models", "test", true));
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval"));
		write("decisions/test-limit.dmn", DECISION.formatted("1000"));
		write("forms/test/test-approve-form.form", FORM.formatted("Approved"));
	}

	@AfterEach
	void closeEngine() {
		ClockUtil.reset();
		this.engine.close();
	}

	/**
	 * Moves the engine clock on, so deployments made one after the other in a test have
	 * distinct deployment times (the deployer orders by them).
	 */
	private static void later() {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 1000));
	}

	private void write(String name, String content) throws IOException {
		later();
		DeployedModels.write(this.models, name, content);
	}

	@Test
	void shouldDeployAllModelsTogetherOnFirstStart() throws IOException {
		ModelDeployer.DeploymentResult result = this.deployer.deploy();

		assertThat(result.changed()).containsExactlyInAnyOrder("processes/test/test-approval.bpmn",
				"decisions/test-limit.dmn", "forms/test/test-approve-form.form");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
		assertThat(this.repository.getDeploymentResources(result.deploymentId())).extracting(Resource::getName)
			.hasSize(3);
		assertThat(DeployedModels.deployedForm(this.engine)).contains("\"label\": \"Approved\"");
	}

	@Test
	void shouldDeployNothingWhenRestartedWithoutChanges() {
		this.deployer.deploy();

		ModelDeployer.DeploymentResult again = this.deployer.deploy();

		assertThat(again.deployed()).isFalse();
		assertThat(again.scanned()).isEqualTo(3);
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(1);
		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(1);
	}

	@Test
	void shouldDeployOnlyTheChangedDecision() throws IOException {
		this.deployer.deploy();
		write("decisions/test-limit.dmn", DECISION.formatted("5000"));

		ModelDeployer.DeploymentResult result = this.deployer.deploy();

		assertThat(result.changed()).containsExactly("decisions/test-limit.dmn");
		assertThat(result.carriedAlong()).isEmpty();
		assertThat(this.repository.getDeploymentResources(result.deploymentId())).extracting(Resource::getName)
			.containsExactly("decisions/test-limit.dmn");
		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(2);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(1);
	}

	@Test
	void shouldCarryBoundFormsAlongWithChangedProcess() throws IOException {
		this.deployer.deploy();
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval, redesigned"));

		ModelDeployer.DeploymentResult result = this.deployer.deploy();

		assertThat(result.changed()).containsExactly("processes/test/test-approval.bpmn");
		assertThat(result.carriedAlong()).containsExactly("forms/test/test-approve-form.form");
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(1);
		// the new process version finds its form in its own deployment
		assertThat(DeployedModels.deployedForm(this.engine)).contains("\"label\": \"Approved\"");
	}

	@Test
	void shouldRedeployProcessesThatBindAChangedForm() throws IOException {
		this.deployer.deploy();
		write("forms/test/test-approve-form.form", FORM.formatted("Approved by the manager"));

		ModelDeployer.DeploymentResult result = this.deployer.deploy();

		assertThat(result.changed()).containsExactly("forms/test/test-approve-form.form");
		assertThat(result.carriedAlong()).containsExactly("processes/test/test-approval.bpmn");
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(1);
		assertThat(DeployedModels.deployedForm(this.engine)).contains("Approved by the manager");
	}

	/**
	 * What Camunda Modeler deploys: plain file names, the diagram's name as deployment
	 * name, the form attached.
	 */
	private String deployFromModeler(String processName) {
		later();
		return this.repository.createDeployment()
			.name("test-approval")
			.source("Camunda Modeler")
			.enableDuplicateFiltering(false)
			.addString("test-approval.bpmn", PROCESS.formatted(processName))
			.addString("test-approve-form.form", FORM.formatted("Approved"))
			.deploy()
			.getId();
	}

	@Test
	void shouldKeepTheAnalystsModelerVersionWhenRestartedWithUnchangedFiles() {
		this.deployer.deploy();
		deployFromModeler("Approval, redesigned by the analyst");

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.deployed()).isFalse();
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		assertThat(this.repository.getProcessDefinition(latestProcessId()).getName())
			.isEqualTo("Approval, redesigned by the analyst");
	}

	@Test
	void shouldNotDeployAnExtraVersionWhenTheModelerFileIsSavedIntoTheRepository() throws IOException {
		this.deployer.deploy();
		deployFromModeler("Approval, redesigned");
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval, redesigned"));

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.deployed()).isFalse();
		assertThat(restart.deployedElsewhere()).containsExactly("processes/test/test-approval.bpmn");
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
	}

	@Test
	void shouldNotRollBackALaterModelerVersionToAnEarlierOneSavedIntoTheRepository() throws IOException {
		this.deployer.deploy();
		deployFromModeler("Approval, second");
		deployFromModeler("Approval, third");
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval, second"));

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.deployed()).isFalse();
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(3);
		assertThat(this.repository.getProcessDefinition(latestProcessId()).getName()).isEqualTo("Approval, third");
	}

	@Test
	void shouldDeployAFileChangedInTheRepositoryOverTheModelerVersion() throws IOException {
		this.deployer.deploy();
		deployFromModeler("Approval, redesigned by the analyst");
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval, changed by a developer"));

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.changed()).containsExactly("processes/test/test-approval.bpmn");
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(3);
		assertThat(this.repository.getProcessDefinition(latestProcessId()).getName())
			.isEqualTo("Approval, changed by a developer");
	}

	@Test
	void shouldDeployAFileRevertedToAnEarlierStartUpVersion() throws IOException {
		this.deployer.deploy();
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval, changed"));
		this.deployer.deploy();
		write("processes/test/test-approval.bpmn", PROCESS.formatted("Approval"));

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.changed()).containsExactly("processes/test/test-approval.bpmn");
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(3);
		assertThat(this.repository.getProcessDefinition(latestProcessId()).getName()).isEqualTo("Approval");
	}

	private String latestProcessId() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("test-approval")
			.latestVersion()
			.singleResult()
			.getId();
	}

	static final String AS_IS_FILE = "processes/test/test-approval.as-is.bpmn";

	private static String tagged(String processName, String versionTag) {
		return PROCESS.formatted(processName)
			.replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:versionTag=\"" + versionTag + "\"");
	}

	private void writeEarlierAndCurrentVersion() throws IOException {
		write(AS_IS_FILE, tagged("Approval, as is", "as-is"));
		write("processes/test/test-approval.bpmn", tagged("Approval, to be", "to-be"));
	}

	private ProcessDefinition processVersion(int version) {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("test-approval")
			.processDefinitionVersion(version)
			.singleResult();
	}

	@Test
	void shouldDeployTheEarlierVersionAsVersionOneAndTheCurrentFileAsVersionTwoOnAFreshEngine() throws IOException {
		writeEarlierAndCurrentVersion();

		ModelDeployer.DeploymentResult result = this.deployer.deploy();

		assertThat(result.earlierVersions()).containsExactly(AS_IS_FILE);
		assertThat(result.changed()).contains("processes/test/test-approval.bpmn").doesNotContain(AS_IS_FILE);
		assertThat(processVersion(1).getVersionTag()).isEqualTo("as-is");
		assertThat(processVersion(1).getName()).isEqualTo("Approval, as is");
		assertThat(processVersion(2).getVersionTag()).isEqualTo("to-be");
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		// the earlier version's own deployment, named like the others, with the form it
		// binds by deployment
		Deployment asIs = this.repository.createDeploymentQuery()
			.deploymentId(processVersion(1).getDeploymentId())
			.singleResult();
		assertThat(asIs.getName()).isEqualTo("reflow-models");
		assertThat(asIs.getSource()).isEqualTo("test");
		assertThat(this.repository.getDeploymentResources(asIs.getId())).extracting(Resource::getName)
			.containsExactlyInAnyOrder(AS_IS_FILE, "forms/test/test-approve-form.form");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(2);
	}

	@Test
	void shouldDeployNothingWhenRestartedWithAnEarlierVersion() throws IOException {
		writeEarlierAndCurrentVersion();
		this.deployer.deploy();

		ModelDeployer.DeploymentResult again = this.deployer.deploy();

		assertThat(again.deployed()).isFalse();
		assertThat(again.earlierVersions()).isEmpty();
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(2);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
	}

	@Test
	void shouldSkipTheEarlierVersionWhenItsProcessIsDeployedAlready() throws IOException {
		this.deployer.deploy();
		write(AS_IS_FILE, tagged("Approval, as is", "as-is"));

		ModelDeployer.DeploymentResult restart = this.deployer.deploy();

		assertThat(restart.earlierVersions()).isEmpty();
		assertThat(restart.deployed()).isFalse();
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(1);
	}

	@Test
	void shouldSkipTheEarlierVersionWhenSwitchedOff() throws IOException {
		writeEarlierAndCurrentVersion();
		ModelDeployer switchedOff = new ModelDeployer(this.repository, new PathMatchingResourcePatternResolver(),
				new ModelDeploymentProperties(this.models.toUri().toString(), "reflow-models", "test", false));

		ModelDeployer.DeploymentResult result = switchedOff.deploy();

		assertThat(result.earlierVersions()).isEmpty();
		assertThat(result.changed()).doesNotContain(AS_IS_FILE);
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(1);
		assertThat(processVersion(1).getVersionTag()).isEqualTo("to-be");
	}

	@Test
	void shouldTellEarlierVersionFilesByTheTagBeforeBpmn() {
		assertThat(ModelDeployer.isEarlierVersion("processes/sales/lead-qualification.as-is.bpmn")).isTrue();
		assertThat(ModelDeployer.earlierVersionKey("processes/sales/lead-qualification.as-is.bpmn"))
			.isEqualTo("lead-qualification");
		assertThat(ModelDeployer.isEarlierVersion("processes/sales/lead-qualification.bpmn")).isFalse();
		assertThat(ModelDeployer.isEarlierVersion("decisions/lead-scoring.v1.dmn")).isFalse();
		assertThat(ModelDeployer.isEarlierVersion("forms/sales/qualify-lead.form")).isFalse();
	}

	@Test
	void shouldRefuseModelWithoutHistoryTimeToLiveAndDeployNothing() throws IOException {
		this.deployer.deploy();
		write("processes/test/test-approval.bpmn",
				PROCESS.formatted("No TTL").replace(" camunda:historyTimeToLive=\"P30D\"", ""));

		assertThatThrownBy(this.deployer::deploy).hasMessageContaining("History Time To Live");
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
	}

	@Test
	void shouldNameTheFileOfAProcessThatDoesNotParse() throws IOException {
		write("processes/test/test-approval.bpmn", "<bpmn:definitions");

		assertThatThrownBy(this.deployer::deploy).isInstanceOf(ModelDeploymentException.class)
			.hasMessageContaining("processes/test/test-approval.bpmn");
		assertThat(this.repository.createDeploymentQuery().count()).isZero();
	}

}
