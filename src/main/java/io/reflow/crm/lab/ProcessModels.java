package io.reflow.crm.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The models a simulation of a deployed process version runs on: the version's BPMN and
 * the latest version of every decision table (what {@code decisionRef} with the default
 * binding calls in production), as file name to content. Forms are not needed: nobody
 * reads a form in a simulation.
 */
@org.springframework.stereotype.Component
public class ProcessModels {

	private final RepositoryService repositoryService;

	public ProcessModels(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	/** The files, the BPMN under {@code <key>.bpmn}, each DMN under its file name. */
	public Map<String, byte[]> forSimulation(ProcessDefinition definition) {
		Map<String, byte[]> resources = new LinkedHashMap<>();
		resources.put(definition.getKey() + ".bpmn", read(this.repositoryService.getProcessModel(definition.getId())));
		for (DecisionDefinition decision : this.repositoryService.createDecisionDefinitionQuery()
			.latestVersion()
			.list()) {
			String name = fileName(decision.getResourceName());
			if (!resources.containsKey(name)) {
				resources.put(name, read(this.repositoryService.getResourceAsStream(decision.getDeploymentId(),
						decision.getResourceName())));
			}
		}
		return resources;
	}

	static String fileName(String resourceName) {
		return resourceName.substring(resourceName.lastIndexOf('/') + 1);
	}

	private static byte[] read(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
