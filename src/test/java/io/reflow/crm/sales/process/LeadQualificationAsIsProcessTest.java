package io.reflow.crm.sales.process;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.reflow.crm.testsupport.EngineTests;

import static io.reflow.crm.sales.process.LeadQualificationProcess.Elements.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * {@code processes/sales/lead-qualification.as-is.bpmn}, the earlier version the lab
 * compares the to-be version with, still behaves as before: every lead that sales works,
 * even one scoring 100, waits for manual qualification. The full paths are tested on the
 * to-be version ({@link LeadQualificationProcessTest}); this is a regression check of the
 * one difference, hence the low coverage bar.
 */
@Deployment(resources = { "processes/sales/lead-qualification.as-is.bpmn", "decisions/lead-scoring.dmn",
		"decisions/lead-assignment.dmn" })
class LeadQualificationAsIsProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = EngineTests.processEngine(0.6);

	@BeforeEach
	void mockDelegates() {
		init(engine.getProcessEngine());
		for (String bean : new String[] { "recordLeadScoreDelegate", "recordQualificationDelegate" }) {
			DelegateExpressions.registerJavaDelegateMock(bean);
		}
		DelegateExpressions.registerJavaDelegateMock("recordAssignmentDelegate")
			.onExecutionSetVariables(Variables.putValue(LeadQualificationProcess.Variables.FIRST_CONTACT_DUE_AT,
					new Date(System.currentTimeMillis() + 86_400_000L)));
		DelegateExpressions.registerJavaDelegateMock("convertLeadDelegate")
			.onExecutionSetVariables(Variables.putValue(LeadQualificationProcess.Variables.OPPORTUNITY_ID, 7L));
		DelegateExpressions.registerTaskListenerMock("salesTaskContextListener");
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void shouldLetEvenATopScoringLeadWaitForManualQualification() {
		ProcessInstance lead = runtimeService().startProcessInstanceByKey(LeadQualificationProcess.KEY, "lead-1",
				Map.of("leadId", 1L, "source", "REFERRAL", "companySize", 1000, "budgetConfirmed", true, "industry",
						"MANUFACTURING", "region", "NORTH"));
		assertThat(lead).isWaitingAt(TASK_SCORE_LEAD);
		execute(job());
		assertThat(lead).isWaitingAt(TASK_ASSIGN_LEAD);
		execute(job());

		assertThat(lead).isWaitingAt(TASK_QUALIFY_LEAD).variables().containsEntry("leadScore", 100);
		org.assertj.core.api.Assertions
			.assertThat(repositoryService().getProcessDefinition(lead.getProcessDefinitionId()).getVersionTag())
			.isEqualTo("as-is");
		assertThat(task()).hasCandidateGroup("key-accounts");

		complete(task(), Map.of("qualificationOutcome", "QUALIFIED"));
		assertThat(lead).isWaitingAt(TASK_CONVERT_LEAD);
		execute(job());

		assertThat(lead).isEnded().hasPassed(END_EVENT_LEAD_CONVERTED);
	}

}
