package io.reflow.crm.platform.deployment;

import java.util.List;

/**
 * Published after a deployment committed, whichever way it came in (Camunda Modeler over
 * engine REST, start-up, live reload), once per new deployment; never for a refused one
 * or for a repeated Modeler deployment the engine filtered as a duplicate.
 * <p>
 * Listeners ({@code @EventListener}) run on the deploying thread right after the commit,
 * inside a fresh transaction ({@code REQUIRES_NEW}) shared by all listeners, and without
 * engine authentication: engine calls run as the application, not as {@link #actor()}. A
 * listener whose work must not be undone by another listener's failure runs it in a
 * transaction of its own and catches its failures (see {@code DeploymentGrants}); an
 * exception that escapes is logged and stops the listeners after it, but never the
 * committed deployment.
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
