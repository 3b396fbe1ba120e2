package io.reflow.crm.support.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

/**
 * Create listener of the user tasks of {@code support-case}: removes the previous round's
 * answers that Tasklist would show pre-filled, keeps the case visible to the groups it
 * was escalated to. What the forms show from the case is not stored on the task;
 * {@link SupportTaskFormContext} reads it when the form is read.
 */
@Component
class SupportTaskContextListener implements TaskListener {

	private static final Map<String, List<String>> STALE_ANSWERS = Map.of(SupportCaseProcess.Elements.TASK_RESOLVE_CASE,
			List.of(SupportCaseProcess.Variables.FIELD_VISIT_NEEDED, SupportCaseProcess.Variables.RESOLUTION),
			SupportCaseProcess.Elements.TASK_SCHEDULE_VISIT,
			List.of(SupportCaseProcess.Variables.ENGINEER, SupportCaseProcess.Variables.VISIT_DATE,
					SupportCaseProcess.Variables.VISIT_NOTE),
			SupportCaseProcess.Elements.TASK_PERFORM_VISIT,
			List.of(SupportCaseProcess.Variables.VISIT_REPORT, SupportCaseProcess.Variables.VISIT_SOLVED));

	private final SupportManagement cases;

	SupportTaskContextListener(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		STALE_ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of())
			.forEach((name) -> task.getExecution().removeVariable(name));
		// a case escalated earlier stays visible to the groups it was escalated to
		this.cases.escalationGroups(CaseValues.id(task)).forEach(task::addCandidateGroup);
	}

}
