package io.reflow.crm.platform.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.security.ReflowSecurityProperties;

/**
 * Keeps the group grants of {@code docs/security.md} in Camunda's authorization tables.
 * Runs at every start after the models are deployed, and for the processes of every new
 * deployment right after it committed ({@link #applyFor}); adds what is missing and never
 * removes a grant an administrator made in Camunda Admin. Which module's groups work a
 * process is decided by {@link #moduleOf(ProcessDefinition)}.
 */
public class AuthorizationGrants {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationGrants.class);

	static final String ANY = Authorization.ANY;

	/** The extension property of a process that names its module explicitly. */
	public static final String MODULE_PROPERTY = "module";

	/**
	 * What a module's groups hold on each of its process definitions: start and follow
	 * instances. Tasks are not included: a group sees and works a task only when it is a
	 * candidate (Camunda grants that per task), so a rep cannot approve a director's
	 * discount or take another team's lead.
	 */
	static final Permission[] WORK_PROCESSES = { ProcessDefinitionPermissions.READ,
			ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
			ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY };

	/**
	 * Permissions that earlier versions granted module-wide and that are taken back at
	 * start-up (they would open every task of the module to every group of it).
	 */
	static final Permission[] WITHDRAWN = { ProcessDefinitionPermissions.UPDATE_INSTANCE,
			ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
			ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN,
			ProcessDefinitionPermissions.READ_TASK_VARIABLE };

	static final Permission[] READ_HISTORY = { ProcessDefinitionPermissions.READ,
			ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY };

	private final AuthorizationService authorizationService;

	private final RepositoryService repositoryService;

	private final ReflowSecurityProperties properties;

	public AuthorizationGrants(AuthorizationService authorizationService, RepositoryService repositoryService,
			ReflowSecurityProperties properties) {
		this.authorizationService = authorizationService;
		this.repositoryService = repositoryService;
		this.properties = properties;
	}

	/** One group's permissions on one resource. */
	public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
	}

	/** The grants as configured, for the models deployed now. */
	public List<Grant> grants() {
		List<Grant> grants = new ArrayList<>();
		for (Resources resource : Resources.values()) {
			grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
		}
		Set<String> everyone = new LinkedHashSet<>();
		this.properties.moduleGroups().values().forEach(everyone::addAll);
		everyone.addAll(this.properties.analystGroups());
		everyone.addAll(this.properties.managerGroups());
		for (String group : everyone) {
			grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
			grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
			grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
		}
		for (String group : this.properties.analystGroups()) {
			grants.add(new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
			grants.add(new Grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
			grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, READ_HISTORY));
			grants
				.add(new Grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
			grants.add(new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
		}
		for (String group : this.properties.managerGroups()) {
			grants.add(new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
			grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, READ_HISTORY));
			grants
				.add(new Grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
		}
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			grants.addAll(moduleGrants(definition));
		}
		return grants;
	}

	/** What the groups of the definition's module hold on its key. */
	private List<Grant> moduleGrants(ProcessDefinition definition) {
		List<Grant> grants = new ArrayList<>();
		String module = moduleOf(definition);
		for (String group : this.properties.moduleGroups().getOrDefault(module, List.of())) {
			grants.add(new Grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), WORK_PROCESSES));
			grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
		}
		return grants;
	}

	/**
	 * Grants the module's groups work on just-deployed process definitions (a new key
	 * from Camunda Modeler or a new file at start-up), so they can be used without a
	 * restart. Adds what is missing only, like {@link #apply()}.
	 * @param processDefinitionIds the definitions a deployment created
	 * @return how many authorizations were created or extended
	 */
	public int applyFor(Collection<String> processDefinitionIds) {
		int changed = 0;
		for (String id : processDefinitionIds) {
			ProcessDefinition definition = this.repositoryService.getProcessDefinition(id);
			List<Grant> grants = moduleGrants(definition);
			if (grants.isEmpty()) {
				log.warn(
						"Process {} (resource {}) belongs to no module: only analysts and administrators can use it. "
								+ "Set the extension property '{}' on the process (e.g. sales), or deploy it from "
								+ "processes/<module>/",
						definition.getKey(), definition.getResourceName(), MODULE_PROPERTY);
			}
			for (Grant grant : grants) {
				if (ensure(grant)) {
					changed++;
				}
				if (grant.permissions() == WORK_PROCESSES && withdraw(grant)) {
					changed++;
				}
			}
		}
		if (changed > 0) {
			log.info("Created or extended {} authorizations for newly deployed processes", changed);
		}
		return changed;
	}

	/**
	 * The module whose groups work a process, the first that answers of:
	 * <ol>
	 * <li>the process's extension property {@value #MODULE_PROPERTY}
	 * ({@code camunda:properties}, "Extension properties" in Camunda Modeler);</li>
	 * <li>the folder of its file: {@code processes/sales/lead-qualification.bpmn} is
	 * {@code sales};</li>
	 * <li>the folder of an earlier version of the same key (Camunda Modeler deploys plain
	 * file names such as {@code lead-qualification.bpmn});</li>
	 * <li>the candidate groups of its user tasks: the one module that holds more of them
	 * than any other (expressions such as {@code ${assigneeGroup}} do not count).</li>
	 * </ol>
	 * Only configured modules ({@code reflow.security.module-groups}) count; otherwise
	 * {@code ""} (no module: analysts and administrators only).
	 */
	public String moduleOf(ProcessDefinition definition) {
		Map<String, List<String>> modules = this.properties.moduleGroups();
		BpmnModelInstance model = null;
		try {
			model = this.repositoryService.getBpmnModelInstance(definition.getId());
		}
		catch (RuntimeException ex) {
			log.debug("Cannot read the model of {}", definition.getId(), ex);
		}
		String declared = (model != null) ? declaredModule(model, definition.getKey()) : null;
		if (declared != null && modules.containsKey(declared)) {
			return declared;
		}
		String folder = moduleOf(definition.getResourceName());
		if (modules.containsKey(folder)) {
			return folder;
		}
		for (ProcessDefinition earlier : this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(definition.getKey())
			.orderByProcessDefinitionVersion()
			.desc()
			.list()) {
			String earlierFolder = moduleOf(earlier.getResourceName());
			if (modules.containsKey(earlierFolder)) {
				return earlierFolder;
			}
		}
		return (model != null) ? moduleOfCandidateGroups(model, modules) : "";
	}

	private static String declaredModule(BpmnModelInstance model, String key) {
		Process process = model.getModelElementById(key);
		if (process == null || process.getExtensionElements() == null) {
			return null;
		}
		return process.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> MODULE_PROPERTY.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.filter((value) -> value != null && !value.isBlank())
			.map(String::trim)
			.findFirst()
			.orElse(null);
	}

	private static String moduleOfCandidateGroups(BpmnModelInstance model, Map<String, List<String>> modules) {
		Set<String> groups = new LinkedHashSet<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String candidates = task.getCamundaCandidateGroups();
			if (candidates == null || candidates.contains("${") || candidates.contains("#{")) {
				continue;
			}
			Arrays.stream(candidates.split(",")).map(String::trim).filter((g) -> !g.isEmpty()).forEach(groups::add);
		}
		String best = "";
		long bestCount = 0;
		boolean tie = false;
		for (Map.Entry<String, List<String>> module : new TreeMap<>(modules).entrySet()) {
			long count = groups.stream().filter(module.getValue()::contains).count();
			if (count > bestCount) {
				best = module.getKey();
				bestCount = count;
				tie = false;
			}
			else if (count == bestCount && count > 0) {
				tie = true;
			}
		}
		return tie ? "" : best;
	}

	/**
	 * {@code processes/sales/lead-qualification.bpmn} belongs to module {@code sales}.
	 */
	static String moduleOf(String resourceName) {
		if (resourceName == null) {
			return "";
		}
		String[] parts = resourceName.split("/");
		return (parts.length >= 3 && "processes".equals(parts[0])) ? parts[1] : "";
	}

	/** Creates missing grants and adds missing permissions to existing ones. */
	public int apply() {
		int changed = 0;
		for (Grant grant : grants()) {
			if (ensure(grant)) {
				changed++;
			}
			if (grant.permissions() == WORK_PROCESSES && withdraw(grant)) {
				changed++;
			}
		}
		if (changed > 0) {
			log.info("Created or extended {} authorizations", changed);
		}
		return changed;
	}

	private boolean withdraw(Grant grant) {
		Authorization authorization = find(grant);
		if (authorization == null || Stream.of(WITHDRAWN).noneMatch(authorization::isPermissionGranted)) {
			return false;
		}
		Arrays.stream(WITHDRAWN).forEach(authorization::removePermission);
		this.authorizationService.saveAuthorization(authorization);
		return true;
	}

	private Authorization find(Grant grant) {
		return this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.groupId())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.singleResult();
	}

	private boolean ensure(Grant grant) {
		Authorization authorization = find(grant);
		if (authorization == null) {
			authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.groupId());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		else if (Stream.of(grant.permissions()).allMatch(authorization::isPermissionGranted)) {
			return false;
		}
		Arrays.stream(grant.permissions()).forEach(authorization::addPermission);
		this.authorizationService.saveAuthorization(authorization);
		return true;
	}

}
