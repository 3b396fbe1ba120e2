package io.reflow.crm.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the models of {@code processes/}, {@code decisions/} and {@code forms/} as one
 * deployment, but only what changed since the latest deployment of the same name.
 * <p>
 * A file counts as changed when its content differs from the latest start-up deployment
 * that holds it <em>and</em> from everything deployed under the same file name by other
 * means since then (Camunda Modeler sends plain file names such as
 * {@code lead-qualification.bpmn}). So a restart after an analyst deployed from Modeler
 * neither rolls the analyst's version back (the file did not change) nor deploys an extra
 * identical version when the analyst saved the deployed file into the repository. A file
 * that did change replaces the analyst's version, and the log says so.
 * <p>
 * Camunda's own duplicate filter offers either "everything again when anything changed"
 * or "changed resources only"; the first gives every process a new version for a one-line
 * change, the second breaks {@code camunda:formRefBinding="deployment"} because a changed
 * process would be deployed without its forms. This deployer therefore computes the
 * changed set itself and closes it over form references: a changed process takes the
 * forms it binds by deployment along, and a changed form takes the processes that bind it
 * (otherwise they would keep showing the old form).
 * <p>
 * A file named {@code <key>.<tag>.bpmn} (a dot-separated tag before {@code .bpmn}, such
 * as {@code lead-qualification.as-is.bpmn}) is an <em>earlier version</em> of process
 * {@code <key>}. It is never part of the deployment above (two definitions with one key
 * in one deployment is an engine error). When
 * {@link ModelDeploymentProperties#deployEarlierVersions()} is on and no version of
 * {@code <key>} is deployed yet, it is deployed first, in a deployment of its own with
 * the forms it binds by deployment, so that on a fresh database it becomes version 1 and
 * the current file version 2. Once the key exists it is skipped; of several earlier
 * versions of one key only the first by name is deployed.
 */
public class ModelDeployer {

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private static final List<String> PATTERNS = List.of("processes/**/*.bpmn", "decisions/**/*.dmn",
			"forms/**/*.form");

	private static final String FORM_KEY_DEPLOYMENT_PREFIX = "camunda-forms:deployment:";

	private final RepositoryService repositoryService;

	private final ResourcePatternResolver resolver;

	private final ModelDeploymentProperties properties;

	private final ObjectMapper json = new ObjectMapper();

	public ModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resolver,
			ModelDeploymentProperties properties) {
		this.repositoryService = repositoryService;
		this.resolver = resolver;
		this.properties = properties;
	}

	/**
	 * Whether the model file is an earlier version of a process:
	 * {@code processes/sales/lead-qualification.as-is.bpmn} is,
	 * {@code lead-qualification.bpmn} is not.
	 */
	public static boolean isEarlierVersion(String name) {
		String file = fileName(name);
		return file.endsWith(".bpmn") && file.indexOf('.') < file.length() - ".bpmn".length();
	}

	/** The process key of an earlier-version file: its name up to the first dot. */
	static String earlierVersionKey(String name) {
		String file = fileName(name);
		return file.substring(0, file.indexOf('.'));
	}

	/**
	 * Deploys earlier versions of processes not deployed yet, then what changed.
	 * @return what was deployed; an empty result when nothing changed
	 */
	public DeploymentResult deploy() {
		Map<String, byte[]> all = scan();
		Map<String, byte[]> models = new TreeMap<>();
		Map<String, byte[]> earlier = new TreeMap<>();
		all.forEach((name, content) -> (isEarlierVersion(name) ? earlier : models).put(name, content));
		if (this.repositoryService instanceof ServiceImpl service && service.getCommandExecutor() != null) {
			// Compare and deploy under the engine's deployment lock (the row
			// deployment.lock of ACT_GE_PROPERTY, selected for update), which Camunda's
			// own duplicate filter holds too: two nodes starting together on one
			// database would otherwise both see "changed" and both deploy. The nested
			// engine calls join this command's transaction, so the lock is held until
			// the deployment commits; the second node then finds it and deploys nothing.
			// The earlier versions commit first, in a command of their own: a deployment
			// numbers its versions from what the database holds, so within one command
			// the
			// current file would become version 1 a second time.
			List<String> earlierVersions = service.getCommandExecutor().execute((context) -> {
				context.getPropertyManager().acquireExclusiveLock();
				return deployEarlierVersions(earlier, all);
			});
			return service.getCommandExecutor().execute((context) -> {
				context.getPropertyManager().acquireExclusiveLock();
				return deployChanged(models, earlierVersions);
			});
		}
		return deployChanged(models, deployEarlierVersions(earlier, all));
	}

	/**
	 * Deploys each earlier-version file whose process key has no deployed definition yet,
	 * in a deployment of its own with the forms it binds by deployment.
	 * @return the earlier-version files deployed
	 */
	private List<String> deployEarlierVersions(Map<String, byte[]> earlier, Map<String, byte[]> all) {
		if (earlier.isEmpty()) {
			return List.of();
		}
		if (!this.properties.deployEarlierVersions()) {
			log.info("Earlier versions {} not deployed: reflow.models.deploy-earlier-versions is off",
					earlier.keySet());
			return List.of();
		}
		Map<String, byte[]> forms = new TreeMap<>();
		all.forEach((name, content) -> {
			if (name.endsWith(".form")) {
				forms.put(name, content);
			}
		});
		List<String> deployed = new ArrayList<>();
		earlier.forEach((name, content) -> {
			String key = earlierVersionKey(name);
			long versions = this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count();
			if (versions > 0) {
				log.info("Earlier version {} not deployed: process {} has {} deployed version(s) already", name, key,
						versions);
				return;
			}
			Map<String, byte[]> scope = new TreeMap<>(forms);
			scope.put(name, content);
			Set<String> toDeploy = closeOverFormReferences(Set.of(name), scope);
			DeploymentBuilder builder = this.repositoryService.createDeployment()
				.name(this.properties.deploymentName())
				.source(this.properties.source());
			toDeploy
				.forEach((resource) -> builder.addInputStream(resource, new ByteArrayInputStream(scope.get(resource))));
			Deployment deployment = builder.deploy();
			log.info("Deployed earlier version {} of process {} with {} as deployment {}", name, key,
					toDeploy.stream().filter((resource) -> !resource.equals(name)).toList(), deployment.getId());
			deployed.add(name);
		});
		return List.copyOf(deployed);
	}

	private DeploymentResult deployChanged(Map<String, byte[]> models, List<String> earlierVersions) {
		Map<String, DeployedHistory> history = deployedHistory(models.keySet());
		Set<String> changed = new LinkedHashSet<>();
		List<String> deployedElsewhere = new ArrayList<>();
		models.forEach((name, content) -> {
			DeployedHistory deployed = history.getOrDefault(name, DeployedHistory.NONE);
			if (Arrays.equals(content, deployed.lastStartup())) {
				return;
			}
			Deployment same = deployed.sameContentSince(content);
			if (same != null) {
				deployedElsewhere.add(name);
				log.info(
						"{} changed since the last start-up deployment, but deployment {} ({}, source {}) holds the "
								+ "same content already; not deployed again",
						name, same.getId(), same.getName(), same.getSource());
				return;
			}
			if (!deployed.since().isEmpty()) {
				Deployment other = deployed.since().get(0).deployment();
				log.warn("{} changed and replaces what deployment {} ({}, source {}) deployed after the last start",
						name, other.getId(), other.getName(), other.getSource());
			}
			changed.add(name);
		});
		if (changed.isEmpty()) {
			log.info("Models unchanged: {} resources, nothing deployed", models.size());
			return new DeploymentResult(null, List.of(), List.of(), List.copyOf(deployedElsewhere), earlierVersions,
					models.size());
		}
		Set<String> toDeploy = closeOverFormReferences(changed, models);
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(this.properties.deploymentName())
			.source(this.properties.source());
		toDeploy.forEach((name) -> builder.addInputStream(name, new ByteArrayInputStream(models.get(name))));
		Deployment deployment = builder.deploy();
		List<String> carried = toDeploy.stream().filter((name) -> !changed.contains(name)).toList();
		log.info("Deployed {} changed model(s) {} with {} carried along {} as deployment {}", changed.size(), changed,
				carried.size(), carried, deployment.getId());
		return new DeploymentResult(deployment.getId(), List.copyOf(changed), carried, List.copyOf(deployedElsewhere),
				earlierVersions, models.size());
	}

	/**
	 * Reads every model below the configured location, keyed by its name relative to it.
	 */
	Map<String, byte[]> scan() {
		Map<String, byte[]> models = new TreeMap<>();
		for (String pattern : PATTERNS) {
			String folder = pattern.substring(0, pattern.indexOf('/'));
			try {
				for (org.springframework.core.io.Resource resource : this.resolver
					.getResources(this.properties.location() + pattern)) {
					if (!resource.isReadable()) {
						continue;
					}
					String name = relativeName(resource.getURL().toString(), folder);
					try (InputStream in = resource.getInputStream()) {
						models.put(name, in.readAllBytes());
					}
				}
			}
			catch (IOException ex) {
				throw new ModelDeploymentException("Cannot read models matching " + pattern + ": " + ex.getMessage(),
						ex);
			}
		}
		return models;
	}

	private static String relativeName(String url, String folder) {
		int start = url.lastIndexOf("/" + folder + "/");
		return url.substring(start + 1);
	}

	/**
	 * For each model file: its content in the latest start-up deployment that holds it,
	 * and what other deployments (Camunda Modeler, live reload, ...) deployed under the
	 * same plain file name after that, newest first. Modeler sends plain file names
	 * ({@code lead-qualification.bpmn}), start-up deployments carry the folder.
	 */
	private Map<String, DeployedHistory> deployedHistory(Set<String> names) {
		Map<String, List<String>> namesByFileName = new HashMap<>();
		names.forEach((name) -> namesByFileName.computeIfAbsent(fileName(name), (key) -> new ArrayList<>()).add(name));
		Set<String> open = new HashSet<>(names);
		Map<String, byte[]> lastStartup = new HashMap<>();
		Map<String, List<DeployedContent>> since = new HashMap<>();
		List<Deployment> deployments = this.repositoryService.createDeploymentQuery()
			.orderByDeploymentTime()
			.desc()
			.list();
		for (Deployment deployment : deployments) {
			if (open.isEmpty()) {
				break;
			}
			boolean startup = this.properties.deploymentName().equals(deployment.getName());
			for (Resource resource : this.repositoryService.getDeploymentResources(deployment.getId())) {
				if (startup && open.remove(resource.getName())) {
					lastStartup.put(resource.getName(), resource.getBytes());
				}
				else if (!startup) {
					for (String name : namesByFileName.getOrDefault(fileName(resource.getName()), List.of())) {
						if (open.contains(name)) {
							since.computeIfAbsent(name, (key) -> new ArrayList<>())
								.add(new DeployedContent(deployment, resource.getBytes()));
						}
					}
				}
			}
		}
		Map<String, DeployedHistory> history = new HashMap<>();
		for (String name : names) {
			history.put(name, new DeployedHistory(lastStartup.get(name), since.getOrDefault(name, List.of())));
		}
		return history;
	}

	private static String fileName(String resourceName) {
		return resourceName.substring(resourceName.lastIndexOf('/') + 1);
	}

	private record DeployedContent(Deployment deployment, byte[] content) {
	}

	/**
	 * @param lastStartup the file's content in the latest start-up deployment, or
	 * {@code null}
	 * @param since contents deployed under the same file name by other deployments after
	 * that, newest first
	 */
	private record DeployedHistory(byte[] lastStartup, List<DeployedContent> since) {

		static final DeployedHistory NONE = new DeployedHistory(null, List.of());

		Deployment sameContentSince(byte[] content) {
			return this.since.stream()
				.filter((deployed) -> Arrays.equals(deployed.content(), content))
				.map(DeployedContent::deployment)
				.findFirst()
				.orElse(null);
		}

	}

	private Set<String> closeOverFormReferences(Set<String> changed, Map<String, byte[]> models) {
		Map<String, String> formFileById = new HashMap<>();
		models.forEach((name, content) -> {
			if (name.endsWith(".form")) {
				formFileById.put(formId(name, content), name);
			}
		});
		Map<String, Set<String>> formsByProcess = new HashMap<>();
		models.forEach((name, content) -> {
			if (name.endsWith(".bpmn")) {
				formsByProcess.put(name, formsBoundByDeployment(name, content, formFileById));
			}
		});
		Set<String> result = new LinkedHashSet<>(changed);
		boolean grown = true;
		while (grown) {
			grown = false;
			for (Map.Entry<String, Set<String>> entry : formsByProcess.entrySet()) {
				String process = entry.getKey();
				Set<String> forms = entry.getValue();
				if (result.contains(process)) {
					grown |= result.addAll(forms);
				}
				else if (forms.stream().anyMatch(result::contains)) {
					grown |= result.add(process);
				}
			}
		}
		return result;
	}

	private String formId(String name, byte[] content) {
		try {
			JsonNode id = this.json.readTree(content).get("id");
			if (id == null || !id.isTextual()) {
				throw new ModelDeploymentException("Form " + name + " has no \"id\"");
			}
			return id.asText();
		}
		catch (IOException ex) {
			throw new ModelDeploymentException("Form " + name + " is not valid JSON: " + ex.getMessage(), ex);
		}
	}

	private static Set<String> formsBoundByDeployment(String name, byte[] content, Map<String, String> formFileById) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
		}
		catch (RuntimeException ex) {
			throw new ModelDeploymentException("Process model " + name + " does not parse: " + ex.getMessage(), ex);
		}
		List<FormReference> references = new ArrayList<>();
		model.getModelElementsByType(UserTask.class)
			.forEach((task) -> references.add(new FormReference(task.getCamundaFormRef(),
					task.getCamundaFormRefBinding(), task.getCamundaFormKey())));
		model.getModelElementsByType(StartEvent.class)
			.forEach((event) -> references.add(new FormReference(event.getCamundaFormRef(),
					event.getCamundaFormRefBinding(), event.getCamundaFormKey())));
		Set<String> forms = new LinkedHashSet<>();
		for (FormReference reference : references) {
			if (reference.formRef() != null && "deployment".equals(reference.binding())
					&& formFileById.containsKey(reference.formRef())) {
				forms.add(formFileById.get(reference.formRef()));
			}
			if (reference.formKey() != null && reference.formKey().startsWith(FORM_KEY_DEPLOYMENT_PREFIX)) {
				String file = reference.formKey().substring(FORM_KEY_DEPLOYMENT_PREFIX.length());
				if (formFileById.containsValue(file)) {
					forms.add(file);
				}
			}
		}
		return forms;
	}

	private record FormReference(String formRef, String binding, String formKey) {
	}

	/**
	 * What one start-up deployment did.
	 *
	 * @param deploymentId the new deployment, or {@code null} when nothing changed
	 * @param changed resources that differ from their latest deployed version
	 * @param carriedAlong unchanged resources deployed again because a changed one binds
	 * them by deployment
	 * @param deployedElsewhere resources that changed since the last start-up deployment
	 * but whose content another deployment (Camunda Modeler, live reload) holds already;
	 * not deployed again
	 * @param earlierVersions earlier-version files deployed in deployments of their own
	 * before {@code deploymentId}
	 * @param scanned how many model files were found, earlier versions not counted
	 */
	public record DeploymentResult(String deploymentId, List<String> changed, List<String> carriedAlong,
			List<String> deployedElsewhere, List<String> earlierVersions, int scanned) {

		public boolean deployed() {
			return this.deploymentId != null;
		}

	}

}
