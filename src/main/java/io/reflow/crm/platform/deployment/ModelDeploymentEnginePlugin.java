package io.reflow.crm.platform.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * Hooks the deployment checks and the audit trail into the engine, so they hold for every
 * deployment whichever way it comes in: {@link DeploymentChecks} before the engine's own
 * deployers, {@link DeploymentAudit} after them, and {@link DeploymentRefusals} around
 * the deployment command. The Spring Boot starter applies every
 * {@code ProcessEnginePlugin} bean.
 */
class ModelDeploymentEnginePlugin extends AbstractProcessEnginePlugin {

	private final DeploymentChecks checks;

	private final DeploymentAudit audit;

	private final DeploymentRefusals refusals;

	ModelDeploymentEnginePlugin(DeploymentChecks checks, DeploymentAudit audit, DeploymentRefusals refusals) {
		this.checks = checks;
		this.audit = audit;
		this.refusals = refusals;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> pre = new ArrayList<>();
		pre.add(this.checks);
		if (configuration.getCustomPreDeployers() != null) {
			pre.addAll(configuration.getCustomPreDeployers());
		}
		configuration.setCustomPreDeployers(pre);
		List<Deployer> post = new ArrayList<>();
		if (configuration.getCustomPostDeployers() != null) {
			post.addAll(configuration.getCustomPostDeployers());
		}
		post.add(this.audit);
		configuration.setCustomPostDeployers(post);
		List<CommandInterceptor> interceptors = new ArrayList<>();
		interceptors.add(this.refusals);
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

}
