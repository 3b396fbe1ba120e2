package io.reflow.crm.marketing.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_RecordBudgetDecision}: the approver's answer; a
 * rejection sets {@code planFeedback} for the planner, an incomplete answer sends the
 * task back (BPMN error {@code BUDGET_DECISION_INVALID}).
 */
@Component
class RecordBudgetDecisionDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	RecordBudgetDecisionDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String feedback;
		try {
			feedback = this.campaigns.recordBudgetDecision(ProcessValues.id(execution, CAMPAIGN_ID),
					ProcessValues.text(execution, APPROVER_GROUP), execution.getVariable(BUDGET_DECISION),
					execution.getVariable(BUDGET_COMMENT));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(MarketingCampaignProcess.Errors.BUDGET_DECISION_INVALID, ex.getMessage());
		}
		execution.removeVariable(BUDGET_FEEDBACK);
		if (feedback != null) {
			execution.setVariable(PLAN_FEEDBACK, feedback);
		}
	}

}
