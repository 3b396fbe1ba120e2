package io.reflow.crm.platform.demo;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Works process instances for the demo seeders ({@code sales.DemoSales},
 * {@code support.DemoSupport}, {@code marketing.DemoMarketing}) the way people and the
 * job executor would: tasks are claimed and completed as a demo user with that user's
 * groups, and the jobs an action creates run here at once, so every fresh database holds
 * the same data and nothing waits for the job executor.
 */
@Component
@Profile("demo")
public class DemoWorker {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	DemoWorker(ProcessEngine engine) {
		this.runtimeService = engine.getRuntimeService();
		this.taskService = engine.getTaskService();
		this.managementService = engine.getManagementService();
		this.identityService = engine.getIdentityService();
	}

	/**
	 * The instance's open task {@code taskKey}.
	 * @throws IllegalStateException if the instance does not wait there
	 */
	public Task task(String processInstanceId, String taskKey) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("no task " + taskKey + "; the process waits at "
					+ this.runtimeService.getActiveActivityIds(processInstanceId));
		}
		return task;
	}

	public boolean waitsAt(String processInstanceId, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.count() > 0;
	}

	/**
	 * Completes the instance's open task as the first member of its candidate group,
	 * claiming it first, then runs the jobs that created.
	 */
	public void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
		Task task = task(processInstanceId, taskKey);
		String group = this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("task " + taskKey + " has no candidate group"));
		complete(processInstanceId, taskKey, memberOf(group), variables);
	}

	/**
	 * Completes the instance's open task as {@code user}, claiming it first unless it is
	 * the user's already, then runs the jobs that created.
	 */
	public void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
		Task task = task(processInstanceId, taskKey);
		as(user, () -> {
			this.taskService.claim(task.getId(), user);
			this.taskService.complete(task.getId(), variables);
		});
		runJobs(processInstanceId);
	}

	/** Claims the instance's open task as {@code user}. */
	public void claim(String processInstanceId, String taskKey, String user) {
		Task task = task(processInstanceId, taskKey);
		as(user, () -> this.taskService.claim(task.getId(), user));
		runJobs(processInstanceId);
	}

	/**
	 * {@code user} takes the instance's open task over from whoever has it, as a lead or
	 * manager does with Tasklist's "set assignee".
	 */
	public void takeOver(String processInstanceId, String taskKey, String user) {
		Task task = task(processInstanceId, taskKey);
		as(user, () -> this.taskService.setAssignee(task.getId(), user));
		runJobs(processInstanceId);
	}

	/**
	 * Runs the instance's due jobs (not its timers) until it waits for a person, a
	 * message or a timer, or has ended.
	 */
	public void runJobs(String processInstanceId) {
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = this.managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> this.managementService.executeJob(job.getId()));
		}
		throw new IllegalStateException("process " + processInstanceId + " keeps creating jobs");
	}

	/**
	 * Fires the instance's timer at {@code activityId} now, whenever it is due, then runs
	 * the jobs that created.
	 * @throws IllegalStateException if the instance has no such timer
	 */
	public void fireTimer(String processInstanceId, String activityId) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.singleResult();
		if (timer == null) {
			throw new IllegalStateException("no timer " + activityId + "; the process waits at "
					+ this.runtimeService.getActiveActivityIds(processInstanceId));
		}
		this.managementService.executeJob(timer.getId());
		runJobs(processInstanceId);
	}

	/**
	 * Runs the action as the user. Authorization is on and granted per group, so the
	 * user's groups go along ({@code setAuthenticatedUserId} alone would carry none).
	 */
	public void as(String user, Runnable action) {
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		this.identityService.setAuthentication(user, groups);
		try {
			action.run();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/** The first demo user, by id, of the group. */
	public String memberOf(String group) {
		return this.identityService.createUserQuery()
			.memberOfGroup(group)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("group " + group + " has no member to act"));
	}

}
