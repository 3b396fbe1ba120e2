package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

/**
 * Assignment listener of {@code Task_ResolveCase}: the first agent who claims the case is
 * its first response (the response SLA is met from then on).
 */
@Component
class CaseRespondedTaskListener implements TaskListener {

	private final SupportManagement cases;

	CaseRespondedTaskListener(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		this.cases.markResponded(CaseValues.id(task), task.getAssignee());
	}

}
