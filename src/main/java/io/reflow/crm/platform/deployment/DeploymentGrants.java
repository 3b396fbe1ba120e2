package io.reflow.crm.platform.deployment;

import io.reflow.crm.platform.identity.AuthorizationGrants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a module's groups work on the processes of a deployment as soon as it committed,
 * so a process with a new key (deployed from Camunda Modeler, or a new file at start-up)
 * can be started and followed without a restart. New versions of known keys need nothing:
 * grants hold per key.
 */
@Component
class DeploymentGrants {

	private final AuthorizationGrants grants;

	DeploymentGrants(AuthorizationGrants grants) {
		this.grants = grants;
	}

	@EventListener
	void on(ModelsDeployedEvent event) {
		if (!event.processDefinitionIds().isEmpty()) {
			this.grants.applyFor(event.processDefinitionIds());
		}
	}

}
