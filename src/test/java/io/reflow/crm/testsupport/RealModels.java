package io.reflow.crm.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

import io.reflow.crm.platform.deployment.ModelDeployer;
import io.reflow.crm.platform.deployment.ModelDeploymentProperties;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's real models copied into a folder, deployed by the real
 * {@link ModelDeployer} to an in-memory engine: an analyst's edit of one file followed by
 * a restart, without Spring.
 */
public final class RealModels implements AutoCloseable {

	private final Path folder;

	private final ProcessEngine engine;

	private final ModelDeployer deployer;

	public RealModels(Path folder) throws IOException {
		this.folder = folder;
		for (String models : new String[] { "processes", "decisions", "forms" }) {
			if (Files.isDirectory(Path.of(models))) {
				FileSystemUtils.copyRecursively(Path.of(models), folder.resolve(models));
			}
		}
		this.engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:real-models-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setProcessEngineName("real-models-" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.buildProcessEngine();
		this.deployer = new ModelDeployer(this.engine.getRepositoryService(), new PathMatchingResourcePatternResolver(),
				new ModelDeploymentProperties(folder.toUri().toString(), "reflow-models", "test", false));
		this.deployer.deploy();
	}

	public ProcessEngine engine() {
		return this.engine;
	}

	/** Replaces one exact piece of a model file, as an analyst would in Modeler. */
	public void edit(String file, String from, String to) throws IOException {
		Path path = this.folder.resolve(file);
		String content = Files.readString(path, StandardCharsets.UTF_8);
		assertThat(content).as(file).contains(from);
		Files.writeString(path, content.replace(from, to), StandardCharsets.UTF_8);
	}

	/** What the next start deploys. */
	public ModelDeployer.DeploymentResult restart() {
		return this.deployer.deploy();
	}

	public int latestDecisionVersion(String key) {
		return this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
