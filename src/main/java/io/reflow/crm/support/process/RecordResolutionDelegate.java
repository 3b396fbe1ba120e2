package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.BpmnError;

import io.reflow.crm.platform.process.InvalidTaskInputException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.support.SupportManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.support.process.SupportCaseProcess.Variables.*;

/**
 * {@code support-case}, {@code Task_RecordResolution}: checks the {@code resolve-case}
 * answers; incomplete ones send the task back (BPMN error {@code RESOLUTION_INVALID}).
 */
@Component
class RecordResolutionDelegate implements JavaDelegate {

	private final SupportManagement cases;

	RecordResolutionDelegate(SupportManagement cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			execution.setVariable(FIELD_VISIT_NEEDED,
					this.cases.recordResolution(CaseValues.id(execution), execution.getVariable(DIAGNOSIS),
							execution.getVariable(RESOLUTION), execution.getVariable(FIELD_VISIT_NEEDED)));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(SupportCaseProcess.Errors.RESOLUTION_INVALID, ex.getMessage());
		}
		execution.removeVariable(RESOLVE_FEEDBACK);
	}

}
