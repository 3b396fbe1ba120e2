package io.reflow.crm.platform.deployment;

import java.util.List;

/**
 * Published after a deployment committed, whichever way it came in (Camunda Modeler over
 * engine REST, start-up, live reload).
 *
 * @param deploymentId the new deployment
 * @param source its deployment source
 * @param actor the authenticated user, {@code null} for the application itself
 * @param processDefinitionIds process definitions it created (new versions)
 * @param decisionDefinitionIds decision definitions it created
 */
public record ModelsDeployedEvent(String deploymentId, String source, String actor, List<String> processDefinitionIds,
		List<String> decisionDefinitionIds) {

	public ModelsDeployedEvent {
		processDefinitionIds = List.copyOf(processDefinitionIds);
		decisionDefinitionIds = List.copyOf(decisionDefinitionIds);
	}

}
