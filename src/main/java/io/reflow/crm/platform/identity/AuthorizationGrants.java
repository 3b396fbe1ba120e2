package io.reflow.crm.platform.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.security.ReflowSecurityProperties;

/**
 * Keeps the group grants of {@code docs/security.md} in Camunda's authorization tables.
 * Runs at every start after the models are deployed; adds what is missing and never
 * removes a grant an administrator made in Camunda Admin.
 */
public class AuthorizationGrants {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationGrants.class);

	static final String ANY = Authorization.ANY;

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
			String module = moduleOf(definition.getResourceName());
			for (String group : this.properties.moduleGroups().getOrDefault(module, List.of())) {
				grants.add(new Grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), WORK_PROCESSES));
				grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
			}
		}
		return grants;
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
