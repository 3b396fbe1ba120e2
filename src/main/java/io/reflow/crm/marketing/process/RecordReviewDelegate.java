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
 * {@code marketing-campaign}, {@code Task_RecordReview}: the lessons learned complete the
 * campaign; without them the task comes back (BPMN error {@code REVIEW_INVALID}).
 */
@Component
class RecordReviewDelegate implements JavaDelegate {

	private final MarketingManagement campaigns;

	RecordReviewDelegate(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			this.campaigns.recordReview(ProcessValues.id(execution, CAMPAIGN_ID),
					execution.getVariable(LESSONS_LEARNED));
		}
		catch (InvalidTaskInputException ex) {
			throw new BpmnError(MarketingCampaignProcess.Errors.REVIEW_INVALID, ex.getMessage());
		}
		execution.removeVariable(REVIEW_FEEDBACK);
	}

}
