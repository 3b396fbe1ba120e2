package io.reflow.crm.platform.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;

/**
 * Engine post-deployer: every new deployment, however it came in (Camunda Modeler over
 * engine REST, start-up, live reload, Cockpit), is recorded as
 * {@link ModelAuditAction#DEPLOYED} in the deployment's own transaction (so the entry
 * exists exactly when the deployment does), and a {@link ModelsDeployedEvent} is
 * published once that transaction has committed. The actor is the user the engine
 * authenticated for the call ({@code null} for the application itself, as at start-up).
 * Deployments the engine merely loads into its cache ({@code isNew() == false}) are
 * ignored.
 */
class DeploymentAudit implements Deployer {

	private final Supplier<ModelAudit> audit;

	private final ModelsDeployedPublisher publisher;

	DeploymentAudit(Supplier<ModelAudit> audit, ModelsDeployedPublisher publisher) {
		this.audit = audit;
		this.publisher = publisher;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			return;
		}
		CommandContext commandContext = Context.getCommandContext();
		String actor = (commandContext != null) ? commandContext.getAuthenticatedUserId() : null;
		List<String> resources = (deployment.getResources() != null)
				? deployment.getResources().keySet().stream().sorted().toList() : List.of();
		List<ProcessDefinition> processes = sorted(deployment.getDeployedProcessDefinitions(),
				ProcessDefinition::getKey);
		List<DecisionDefinition> decisions = sorted(deployment.getDeployedDecisionDefinitions(),
				DecisionDefinition::getKey);
		List<CamundaFormDefinitionEntity> forms = sorted(
				deployment.getDeployedArtifacts(CamundaFormDefinitionEntity.class),
				CamundaFormDefinitionEntity::getKey);
		this.audit.get()
			.record(ModelAuditAction.DEPLOYED, actor, deployment.getSource(), deployment.getId(), resources,
					detail(processes, decisions, forms));
		ModelsDeployedEvent event = new ModelsDeployedEvent(deployment.getId(), deployment.getSource(), actor,
				processes.stream().map(ProcessDefinition::getId).toList(),
				decisions.stream().map(DecisionDefinition::getId).toList());
		if (commandContext != null) {
			commandContext.getTransactionContext()
				.addTransactionListener(TransactionState.COMMITTED, (committed) -> this.publisher.publish(event));
		}
		else {
			this.publisher.publish(event);
		}
	}

	/** {@code lead-qualification v3 (process), lead-scoring v2 (decision), ...}. */
	static String detail(List<ProcessDefinition> processes, List<DecisionDefinition> decisions,
			List<CamundaFormDefinitionEntity> forms) {
		List<String> parts = new ArrayList<>();
		processes
			.forEach((definition) -> parts.add(definition.getKey() + " v" + definition.getVersion() + " (process)"));
		decisions
			.forEach((definition) -> parts.add(definition.getKey() + " v" + definition.getVersion() + " (decision)"));
		forms.forEach((definition) -> parts.add(definition.getKey() + " v" + definition.getVersion() + " (form)"));
		return parts.isEmpty() ? "no new definitions" : String.join(", ", parts);
	}

	private static <T> List<T> sorted(List<T> definitions, java.util.function.Function<T, String> key) {
		if (definitions == null) {
			return List.of();
		}
		return definitions.stream().sorted(Comparator.comparing(key)).toList();
	}

}
