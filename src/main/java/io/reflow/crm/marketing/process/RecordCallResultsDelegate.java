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
 * {@code marketing-campaign}, {@code Task_RecordCallResults}: what the calls achieved;
 * interested members become leads; an unusable answer sends the task back (BPMN error
 * {@code CALL_RESULTS_INVALID}).
 */
@Component
class RecordCallResultsDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	RecordCallResultsDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			this.campaigns.recordCallResults(ProcessValues.id(execution, CAMPAIGN_ID),
					execution.getVariable(CALLS_REACHED), execution.getVariable(INTERESTED_CONTACTS),
					execution.getVariable(CALL_NOTE));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(MarketingCampaignProcess.Errors.CALL_RESULTS_INVALID, ex.getMessage());
		}
		execution.removeVariable(CALL_FEEDBACK);
	}

}
