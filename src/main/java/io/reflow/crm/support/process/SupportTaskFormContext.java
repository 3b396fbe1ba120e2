package io.reflow.crm.support.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import io.reflow.crm.platform.process.TaskFormContext;
import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

/**
 * What the {@code support-case} forms show besides their questions: the case, its
 * customer and the latest visit, read from the JPA rows when the form is read.
 */
@Component
class SupportTaskFormContext implements TaskFormContext {

	private final SupportManagement cases;

	SupportTaskFormContext(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public Set<String> processDefinitionKeys() {
		return Set.of(SupportCaseProcess.KEY);
	}

	@Override
	public Map<String, Object> values(DelegateTask task) {
		return this.cases.taskContext(CaseValues.id(task));
	}

}
