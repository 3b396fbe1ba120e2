package io.reflow.crm.sales.process;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import io.reflow.crm.lab.simulation.SimulationEffects;
import io.reflow.crm.sales.LeadManagement;

import org.springframework.stereotype.Component;

import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.FIRST_CONTACT_DUE;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.FIRST_CONTACT_DUE_AT;

/**
 * {@code lead-qualification} in the lab's simulator: {@code Task_RecordAssignment} sets
 * {@code firstContactDueAt} from {@code lead-assignment}'s {@code firstContactDue}, as
 * {@link RecordAssignmentDelegate} does, so the qualification task's due date and the
 * first-contact escalation timer behave as in production. The other delegates only write
 * CRM rows the model does not read.
 */
@Component
public class LeadQualificationSimulation implements SimulationEffects {

	@Override
	public String processKey() {
		return LeadQualificationProcess.KEY;
	}

	@Override
	public Map<String, JavaDelegate> effects() {
		return Map.of(LeadQualificationProcess.Elements.TASK_RECORD_ASSIGNMENT,
				(execution) -> execution.setVariable(FIRST_CONTACT_DUE_AT,
						Date.from(LeadManagement.dueAt(ClockUtil.getCurrentTime().toInstant(),
								ExecutionValues.text(execution, FIRST_CONTACT_DUE)))));
	}

}
