package io.reflow.crm.platform.deployment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link ModelsDeployedEvent} once a deployment's transaction has committed.
 * <p>
 * Listeners run in a transaction of their own ({@code REQUIRES_NEW}): after a commit the
 * finished transaction's resources are still bound to the thread, and work joining it
 * would never be committed. They run without engine authentication, as the application
 * (the deploying user is {@link ModelsDeployedEvent#actor()}), so granting or migrating
 * does not depend on the analyst's own permissions. A failing listener is logged and does
 * not turn the committed deployment into an error for the client.
 */
class ModelsDeployedPublisher {

	private static final Logger log = LoggerFactory.getLogger(ModelsDeployedPublisher.class);

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PlatformTransactionManager> transactionManager;

	private final ObjectProvider<IdentityService> identityService;

	ModelsDeployedPublisher(ApplicationEventPublisher events,
			ObjectProvider<PlatformTransactionManager> transactionManager,
			ObjectProvider<IdentityService> identityService) {
		this.events = events;
		this.transactionManager = transactionManager;
		this.identityService = identityService;
	}

	void publish(ModelsDeployedEvent event) {
		IdentityService identity = this.identityService.getIfAvailable();
		Authentication caller = (identity != null) ? identity.getCurrentAuthentication() : null;
		if (caller != null) {
			identity.clearAuthentication();
		}
		try {
			TransactionTemplate transaction = new TransactionTemplate(this.transactionManager.getObject());
			transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			transaction.executeWithoutResult((status) -> this.events.publishEvent(event));
		}
		catch (RuntimeException ex) {
			log.error("A listener of deployment {} ({}) failed; the deployment itself is committed",
					event.deploymentId(), event.source(), ex);
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

}
