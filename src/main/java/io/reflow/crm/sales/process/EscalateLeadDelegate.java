package io.reflow.crm.sales.process;

import io.reflow.crm.sales.LeadManagement;
import static io.reflow.crm.sales.process.LeadQualificationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code lead-qualification}, {@code Task_EscalateLead}: first contact is overdue; the
 * open {@code Task_QualifyLead} also becomes visible to the escalation group (input
 * parameter {@code escalationGroup}) and the escalation is recorded.
 */
@Component
class EscalateLeadDelegate implements JavaDelegate {

	private final LeadManagement leads;

	EscalateLeadDelegate(LeadManagement leads) {
		this.leads = leads;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String group = ExecutionValues.text(execution, ESCALATION_GROUP);
		this.leads.escalate(ExecutionValues.id(execution, LEAD_ID), group);
		var taskService = execution.getProcessEngineServices().getTaskService();
		taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(LeadQualificationProcess.Elements.TASK_QUALIFY_LEAD)
			.list()
			.forEach((task) -> taskService.addCandidateGroup(task.getId(), group));
	}

}
