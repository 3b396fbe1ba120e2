package io.reflow.crm.platform.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;
import io.reflow.crm.platform.audit.ModelAuditRecord;
import io.reflow.crm.platform.migration.AutoMigrationSetting;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Every deployed process and decision with its versions, read from the engine in a fixed
 * number of queries whatever the number of instances: the definitions with their running
 * instances and incidents (Camunda's process definition statistics, one grouped query),
 * the deployments, the deployment entries of the model audit trail and of Camunda's user
 * operation log (for the author), and one indexed count per decision version for its
 * evaluations.
 */
@Service
class ModelCatalogue {

	/** The author of a deployment nobody is recorded for: the start-up deployer. */
	static final String APPLICATION = "application";

	private final ProcessEngine engine;

	private final ModelAudit audit;

	ModelCatalogue(ProcessEngine engine, ModelAudit audit) {
		this.engine = engine;
		this.audit = audit;
	}

	List<ProcessModel> processes() {
		List<ProcessDefinitionStatistics> definitions = this.engine.getManagementService()
			.createProcessDefinitionStatisticsQuery()
			.includeIncidents()
			.list();
		Deployments deployments = deployments();
		Map<String, List<ProcessDefinitionStatistics>> byKey = definitions.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getKey, LinkedHashMap::new, Collectors.toList()));
		return byKey.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> processModel(entry.getValue(), deployments))
			.toList();
	}

	ProcessModel process(String key) {
		List<ProcessDefinitionStatistics> definitions = this.engine.getManagementService()
			.createProcessDefinitionStatisticsQuery()
			.includeIncidents()
			.list()
			.stream()
			.filter((definition) -> definition.getKey().equals(key))
			.toList();
		if (definitions.isEmpty()) {
			throw new NotFoundException("No process with the key '" + key + "' is deployed.");
		}
		return processModel(definitions, deployments());
	}

	List<DecisionModel> decisions() {
		List<DecisionDefinition> definitions = this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.list();
		Deployments deployments = deployments();
		Map<String, List<DecisionDefinition>> byKey = definitions.stream()
			.collect(Collectors.groupingBy(DecisionDefinition::getKey, LinkedHashMap::new, Collectors.toList()));
		return byKey.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> decisionModel(entry.getValue(), deployments))
			.toList();
	}

	DecisionModel decision(String key) {
		List<DecisionDefinition> definitions = this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.list();
		if (definitions.isEmpty()) {
			throw new NotFoundException("No decision with the key '" + key + "' is deployed.");
		}
		return decisionModel(definitions, deployments());
	}

	String processXml(String key, int version) {
		ProcessDefinition definition = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Process '" + key + "' has no version " + version + "."));
		return read(this.engine.getRepositoryService().getProcessModel(definition.getId()));
	}

	String decisionXml(String key, int version) {
		DecisionDefinition definition = this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.decisionDefinitionVersion(version)
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Decision '" + key + "' has no version " + version + "."));
		return read(this.engine.getRepositoryService().getDecisionModel(definition.getId()));
	}

	private ProcessModel processModel(List<ProcessDefinitionStatistics> definitions, Deployments deployments) {
		List<ProcessVersion> versions = definitions.stream()
			.sorted(Comparator.comparingInt(ProcessDefinition::getVersion).reversed())
			.map((definition) -> {
				Deployment deployment = deployments.byId().get(definition.getDeploymentId());
				int incidents = definition.getIncidentStatistics()
					.stream()
					.mapToInt(IncidentStatistics::getIncidentCount)
					.sum();
				return new ProcessVersion(definition.getId(), definition.getVersion(), definition.getVersionTag(),
						definition.getName(), definition.getResourceName(), definition.getDeploymentId(),
						(deployment != null) ? instant(deployment) : null,
						(deployment != null) ? deployment.getName() : null,
						(deployment != null) ? deployment.getSource() : null,
						deployments.author(definition.getDeploymentId()), definition.getInstances(), incidents,
						definition.isSuspended());
			})
			.toList();
		ProcessVersion latest = versions.get(0);
		boolean autoMigrate = AutoMigrationSetting.isEnabled(
				this.engine.getRepositoryService().getBpmnModelInstance(latest.id()), definitions.get(0).getKey());
		return new ProcessModel(definitions.get(0).getKey(), latest.name(), latest.version(),
				versions.stream().mapToInt(ProcessVersion::runningInstances).sum(), autoMigrate, versions);
	}

	private DecisionModel decisionModel(List<DecisionDefinition> definitions, Deployments deployments) {
		List<DecisionVersion> versions = definitions.stream()
			.sorted(Comparator.comparingInt(DecisionDefinition::getVersion).reversed())
			.map((definition) -> {
				Deployment deployment = deployments.byId().get(definition.getDeploymentId());
				long evaluations = this.engine.getHistoryService()
					.createHistoricDecisionInstanceQuery()
					.decisionDefinitionId(definition.getId())
					.count();
				return new DecisionVersion(definition.getId(), definition.getVersion(), definition.getVersionTag(),
						definition.getName(), definition.getResourceName(), definition.getDeploymentId(),
						(deployment != null) ? instant(deployment) : null,
						(deployment != null) ? deployment.getName() : null,
						(deployment != null) ? deployment.getSource() : null,
						deployments.author(definition.getDeploymentId()), evaluations,
						definition.getDecisionRequirementsDefinitionKey());
			})
			.toList();
		DecisionVersion latest = versions.get(0);
		String key = definitions.get(0).getKey();
		return new DecisionModel(key, latest.name(), latest.version(),
				versions.stream().mapToLong(DecisionVersion::evaluations).sum(),
				"/models/decisions/" + key + "/backtest", versions);
	}

	/**
	 * The deployments, with their authors: the actor of the audit trail's DEPLOYED entry
	 * (the application itself when it has none), else the user of Camunda's operation log
	 * (deployments over engine REST before the audit trail existed), else the
	 * application.
	 */
	private Deployments deployments() {
		List<Deployment> all = this.engine.getRepositoryService().createDeploymentQuery().list();
		Map<String, Deployment> byId = all.stream()
			.collect(Collectors.toMap(Deployment::getId, Function.identity(), (a, b) -> a));
		Map<String, String> authors = new HashMap<>();
		this.engine.getHistoryService()
			.createUserOperationLogQuery()
			.entityType(EntityTypes.DEPLOYMENT)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
			.list()
			.stream()
			.filter((entry) -> entry.getDeploymentId() != null && entry.getUserId() != null)
			.forEach((entry) -> authors.put(entry.getDeploymentId(), entry.getUserId()));
		Map<String, String> audited = new HashMap<>();
		for (ModelAuditRecord entry : this.audit.all(ModelAuditAction.DEPLOYED)) {
			if (entry.subject() == null || !byId.containsKey(entry.subject())) {
				continue;
			}
			// newest first; a named actor wins over an entry of the application
			if (entry.actor() != null) {
				audited.putIfAbsent(entry.subject(), entry.actor());
			}
			else if (!audited.containsKey(entry.subject()) && !authors.containsKey(entry.subject())) {
				authors.put(entry.subject(), APPLICATION);
			}
		}
		authors.putAll(audited);
		return new Deployments(byId, authors);
	}

	private static Instant instant(Deployment deployment) {
		return (deployment.getDeploymentTime() != null) ? deployment.getDeploymentTime().toInstant() : null;
	}

	private static String read(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Deployments(Map<String, Deployment> byId, Map<String, String> authors) {

		String author(String deploymentId) {
			return this.authors.getOrDefault(deploymentId, APPLICATION);
		}

	}

}
