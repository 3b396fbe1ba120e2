package io.reflow.crm.platform.deployment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.identity.AuthorizationGrants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a module's groups work on the processes of a deployment as soon as it committed,
 * so a process with a new key (deployed from Camunda Modeler, or a new file at start-up)
 * can be started and followed without a restart. New versions of known keys need nothing:
 * grants hold per key. Runs in a transaction of its own, so neither a failure here nor in
 * another listener of the event undoes the other's work.
 */
@Component
class DeploymentGrants {

	private static final Logger log = LoggerFactory.getLogger(DeploymentGrants.class);

	private final AuthorizationGrants grants;

	private final TransactionTemplate transaction;

	DeploymentGrants(AuthorizationGrants grants, PlatformTransactionManager transactionManager) {
		this.grants = grants;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(ModelsDeployedEvent event) {
		if (event.processDefinitionIds().isEmpty()) {
			return;
		}
		try {
			this.transaction.executeWithoutResult((status) -> this.grants.applyFor(event.processDefinitionIds()));
		}
		catch (RuntimeException ex) {
			log.error("Could not grant the module groups work on {} of deployment {}; they get it at the next start",
					event.processDefinitionIds(), event.deploymentId(), ex);
		}
	}

}
