package io.reflow.crm.platform.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

/**
 * The in-memory engine and the small test models ({@link ModelDeployerTest#PROCESS},
 * {@code DECISION}, {@code FORM}) that the deployer and live reload tests share, and what
 * they read back from the engine.
 */
final class DeployedModels {

	private DeployedModels() {
	}

	/** A fresh in-memory engine of its own, without job executor. */
	static ProcessEngine newEngine(String name) {
		String unique = name + "-" + UUID.randomUUID();
		return ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1")
			.setProcessEngineName(unique)
			.setJobExecutorActivate(false)
			.buildProcessEngine();
	}

	static void write(Path folder, String name, String content) throws IOException {
		Path file = folder.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	/** The form the user task of a new {@code test-approval} instance shows. */
	static String deployedForm(ProcessEngine engine) throws IOException {
		String instance = engine.getRuntimeService().startProcessInstanceByKey("test-approval").getId();
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
		try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static int processVersion(ProcessEngine engine) {
		return engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("test-approval")
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	static int decisionVersion(ProcessEngine engine) {
		return engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey("test-limit")
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
