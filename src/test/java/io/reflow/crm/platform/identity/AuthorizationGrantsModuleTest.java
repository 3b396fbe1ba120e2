package io.reflow.crm.platform.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.security.ReflowSecurityProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which module's groups work a process, for processes deployed from the folders and for
 * those Camunda Modeler deploys with a plain file name, and the grants given right after
 * a deployment. On a real in-memory engine.
 */
class AuthorizationGrantsModuleTest {

	static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://reflow.io/test">
			  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P30D">
			    %2$s
			    <bpmn:startEvent id="StartEvent_Started" />
			    <bpmn:userTask id="Task_Work" camunda:candidateGroups="%3$s" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	static ProcessEngine engine;

	static AuthorizationGrants grants;

	@BeforeAll
	static void startEngine() {
		engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:grants-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setProcessEngineName("grants-" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.buildProcessEngine();
		grants = new AuthorizationGrants(engine.getAuthorizationService(), engine.getRepositoryService(),
				new ReflowSecurityProperties(
						Map.of("sales", List.of("sales-north", "inside-sales"), "marketing",
								List.of("marketing", "inside-sales"), "support", List.of("support-tier1")),
						List.of(), List.of("analysts"), List.of()));
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	static ProcessDefinition deploy(String resourceName, String key, String extension, String groups) {
		String id = engine.getRepositoryService()
			.createDeployment()
			.addString(resourceName, PROCESS.formatted(key, extension, groups))
			.deploy()
			.getId();
		return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).singleResult();
	}

	static String key() {
		return "p" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldTakeTheModuleFromTheFolder() {
		String key = key();

		assertThat(grants.moduleOf(deploy("processes/support/" + key + ".bpmn", key, "", "sales-north")))
			.isEqualTo("support");
	}

	@Test
	void shouldTakeTheModuleOfAnEarlierVersionForAPlainFileName() {
		String key = key();
		deploy("processes/marketing/" + key + ".bpmn", key, "", "");

		assertThat(grants.moduleOf(deploy(key + ".bpmn", key, "", "sales-north"))).isEqualTo("marketing");
	}

	@Test
	void shouldPreferTheDeclaredModuleProperty() {
		String key = key();
		String property = "<bpmn:extensionElements><camunda:properties>"
				+ "<camunda:property name=\"module\" value=\"support\" /></camunda:properties></bpmn:extensionElements>";

		assertThat(grants.moduleOf(deploy("processes/sales/" + key + ".bpmn", key, property, "sales-north")))
			.isEqualTo("support");
	}

	@Test
	void shouldTakeTheModuleThatHoldsMostCandidateGroupsAndNoneOnATie() {
		String sales = key();
		String tie = key();
		String expression = key();

		assertThat(grants.moduleOf(deploy(sales + ".bpmn", sales, "", "sales-north, inside-sales"))).isEqualTo("sales");
		assertThat(grants.moduleOf(deploy(tie + ".bpmn", tie, "", "inside-sales"))).isEmpty();
		assertThat(grants.moduleOf(deploy(expression + ".bpmn", expression, "", "${assigneeGroup}"))).isEmpty();
	}

	@Test
	void shouldGrantTheModuleGroupsWorkOnANewKey() {
		String key = key();
		ProcessDefinition definition = deploy(key + ".bpmn", key, "", "support-tier1");

		int changed = grants.applyFor(List.of(definition.getId()));

		assertThat(changed).isPositive();
		Authorization authorization = engine.getAuthorizationService()
			.createAuthorizationQuery()
			.groupIdIn("support-tier1")
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(key)
			.singleResult();
		assertThat(authorization.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
		assertThat(grants.applyFor(List.of(definition.getId()))).isZero();
	}

}
