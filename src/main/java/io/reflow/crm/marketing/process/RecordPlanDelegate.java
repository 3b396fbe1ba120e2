package io.reflow.crm.marketing.process;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.marketing.MarketingManagement.PlanOutcome;
import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.ProcessValues;
import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables.*;

import org.springframework.stereotype.Component;

/**
 * {@code marketing-campaign}, {@code Task_RecordPlan}: stores the plan form's answers on
 * the campaign and removes them from the process, leaving {@code budget} for the approval
 * rule and {@code startAt}/{@code endAt} for the timers. An incomplete plan sends the
 * task back with the answers kept (BPMN error {@code PLAN_INVALID}).
 */
@Component
class RecordPlanDelegate implements JavaDelegate {

	/** The plan form's answers, read here and then removed from the process. */
	static final List<String> PLAN_ANSWERS = List.of(CAMPAIGN_NAME, OBJECTIVE, CHANNEL_EMAIL, CHANNEL_SMS,
			CHANNEL_PHONE, CHANNEL_EVENT, START_DATE, END_DATE, EXPECTED_RESPONSE_RATE, REGION, INDUSTRY, TIER,
			SIZE_BAND, CANCEL_REASON);

	private final MarketingManagement campaigns;

	RecordPlanDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Map<String, Object> answers = new HashMap<>();
		PLAN_ANSWERS.forEach((name) -> answers.put(name, execution.getVariable(name)));
		answers.put(BUDGET, execution.getVariable(BUDGET));
		answers.put(PLAN_DECISION, execution.getVariable(PLAN_DECISION));
		PlanOutcome outcome;
		try {
			outcome = this.campaigns.recordPlan(ProcessValues.id(execution, CAMPAIGN_ID), answers);
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(MarketingCampaignProcess.Errors.PLAN_INVALID, ex.getMessage());
		}
		PLAN_ANSWERS.forEach(execution::removeVariable);
		execution.removeVariable(PLAN_FEEDBACK);
		if (!outcome.cancelled()) {
			execution.setVariable(BUDGET, outcome.budget().doubleValue());
			execution.setVariable(START_AT, Date.from(outcome.startAt()));
			execution.setVariable(END_AT, Date.from(outcome.endAt()));
		}
	}

}
