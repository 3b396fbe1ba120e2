package io.reflow.crm.platform.deployment;

import org.camunda.bpm.engine.IdentityService;

import io.reflow.crm.platform.audit.ModelAudit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The engine plugin of the model deployment (checks, audit trail, refusals). Its
 * collaborators that need the engine or JPA are looked up when a deployment runs, not
 * when the engine is built.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

	@Bean
	ModelDeploymentEnginePlugin modelDeploymentEnginePlugin(ObjectProvider<ModelAudit> audit,
			ApplicationEventPublisher events, ObjectProvider<PlatformTransactionManager> transactionManager,
			ObjectProvider<IdentityService> identityService) {
		ModelsDeployedPublisher publisher = new ModelsDeployedPublisher(events, transactionManager, identityService);
		return new ModelDeploymentEnginePlugin(new DeploymentChecks(), new DeploymentAudit(audit::getObject, publisher),
				new DeploymentRefusals(audit::getObject, identityService::getIfAvailable));
	}

}
