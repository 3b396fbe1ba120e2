package io.reflow.crm.platform.identity;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters every user sees: their own tasks, their groups' open tasks,
 * and overdue tasks. They use only the expressions the task-query guard allows.
 */
public class TasklistFilters {

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	public TasklistFilters(FilterService filterService, TaskService taskService,
			AuthorizationService authorizationService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
	}

	/** Creates the filters that do not exist yet. */
	public void ensure() {
		ensure("My tasks", 10, "Tasks assigned to me",
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		ensure("My group tasks", 20, "Unassigned tasks of my groups",
				this.taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.taskUnassigned());
		ensure("Overdue", 30, "Tasks of mine or my groups past their due date",
				this.taskService.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr()
					.dueBeforeExpression("${now()}"));
	}

	private void ensure(String name, int priority, String description, TaskQuery query) {
		if (this.filterService.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = this.filterService.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.<String, Object>of("priority", priority, "description", description, "refresh", true));
		this.filterService.saveFilter(filter);
		Authorization everyone = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		everyone.setUserId(Authorization.ANY);
		everyone.setResource(Resources.FILTER);
		everyone.setResourceId(filter.getId());
		everyone.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(everyone);
	}

}
