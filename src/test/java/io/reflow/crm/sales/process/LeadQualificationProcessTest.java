package io.reflow.crm.sales.process;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.Job;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.mockito.Mockito.never;

/**
 * {@code processes/sales/lead-qualification.bpmn} (the to-be version) on a real engine
 * with the real decisions and mocked delegates: every path (nurture, fast track,
 * disqualify, convert, incomplete answers, escalation) and full flow coverage.
 */
@Deployment(resources = { "processes/sales/lead-qualification.bpmn", "decisions/lead-scoring.dmn",
		"decisions/lead-assignment.dmn", "decisions/lead-fast-track.dmn" })
class LeadQualificationProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = EngineTests.processEngine(1.0);

	static final Date DUE = new Date(System.currentTimeMillis() + 86_400_000L);

	String escalationGroup;

	@BeforeEach
	void mockDelegates() {
		init(engine.getProcessEngine());
		for (String bean : new String[] { "recordLeadScoreDelegate", "handOverToNurturingDelegate",
				"disqualifyLeadDelegate", "recordQualificationDelegate" }) {
			DelegateExpressions.registerJavaDelegateMock(bean);
		}
		DelegateExpressions.registerJavaDelegateMock("recordAssignmentDelegate")
			.onExecutionSetVariables(Variables.putValue(LeadQualificationProcess.Variables.FIRST_CONTACT_DUE_AT, DUE));
		DelegateExpressions.registerJavaDelegateMock("convertLeadDelegate")
			.onExecutionSetVariables(Variables.putValue(LeadQualificationProcess.Variables.OPPORTUNITY_ID, 7L));
		DelegateExpressions.registerJavaDelegateMock("fastTrackLeadDelegate")
			.onExecutionSetVariables(Variables.putValue(LeadQualificationProcess.Variables.OPPORTUNITY_ID, 8L));
		Mocks.register("escalateLeadDelegate",
				(org.camunda.bpm.engine.delegate.JavaDelegate) (execution) -> this.escalationGroup = (String) execution
					.getVariable(LeadQualificationProcess.Variables.ESCALATION_GROUP));
		DelegateExpressions.registerTaskListenerMock("salesTaskContextListener");
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	ProcessInstance startLead(String source, int companySize, boolean budgetConfirmed, String industry, String region) {
		ProcessInstance lead = runtimeService().startProcessInstanceByKey(LeadQualificationProcess.KEY, "lead-1",
				Map.of("leadId", 1L, "source", source, "companySize", companySize, "budgetConfirmed", budgetConfirmed,
						"industry", industry, "region", region));
		assertThat(lead).isWaitingAt(TASK_SCORE_LEAD);
		execute(job());
		assertThat(lead).isWaitingAt(TASK_ASSIGN_LEAD);
		execute(job());
		return lead;
	}

	@Test
	void shouldHandLowScoresToNurturing() {
		ProcessInstance lead = startLead("COLD_CALL", 10, false, "SOFTWARE", "NORTH");

		assertThat(lead).isEnded().hasPassed(TASK_HAND_OVER_TO_NURTURING, END_EVENT_LEAD_NURTURING);
		assertThat(lead).variables().containsEntry("leadScore", 10).containsEntry("assigneeGroup", "marketing-nurture");
		verifyJavaDelegateMock("recordLeadScoreDelegate").executed();
		verifyJavaDelegateMock("recordAssignmentDelegate").executed(never());
	}

	@Test
	void shouldRouteBigCompaniesToKeyAccountsWithTheirDueDate() {
		ProcessInstance lead = startLead("WEB", 1200, false, "SOFTWARE", "NORTH");

		assertThat(lead).isWaitingAt(TASK_QUALIFY_LEAD);
		assertThat(task()).hasCandidateGroup("key-accounts").hasDueDate(DUE).hasFormKey(null);
		assertThat(lead).variables().containsEntry("firstContactDue", "P1D").doesNotContainKey("leadAssignment");
	}

	@Test
	void shouldFastTrackLeadsScoring85OrMoreWithoutManualQualification() {
		ProcessInstance lead = startLead("EVENT", 200, true, "FINANCE", "NORTH");

		assertThat(lead).hasPassed(TASK_RECORD_ASSIGNMENT, TASK_DECIDE_FAST_TRACK, GATEWAY_FAST_TRACK)
			.isWaitingAt(TASK_FAST_TRACK_LEAD);
		assertThat(lead).variables().containsEntry("leadScore", 85).containsEntry("fastTrack", true);
		execute(job());

		assertThat(lead).isEnded()
			.hasPassed(END_EVENT_LEAD_FAST_TRACKED)
			.hasNotPassed(TASK_QUALIFY_LEAD, TASK_CONVERT_LEAD)
			.variables()
			.containsEntry("opportunityId", 8L);
		verifyJavaDelegateMock("fastTrackLeadDelegate").executed();
		verifyJavaDelegateMock("convertLeadDelegate").executed(never());
	}

	@Test
	void shouldLeaveLeadsScoringBelow85ToManualQualification() {
		ProcessInstance lead = startLead("EVENT", 200, false, "FINANCE", "NORTH");

		assertThat(lead).isWaitingAt(TASK_QUALIFY_LEAD).hasPassed(TASK_DECIDE_FAST_TRACK);
		assertThat(lead).variables().containsEntry("leadScore", 60).containsEntry("fastTrack", false);
		verifyJavaDelegateMock("fastTrackLeadDelegate").executed(never());
	}

	@Test
	void shouldEndDisqualified() {
		ProcessInstance lead = startLead("REFERRAL", 1200, false, "RETAIL", "NORTH");
		assertThat(task()).hasCandidateGroup("key-accounts");

		complete(task(), Map.of("qualificationOutcome", "DISQUALIFIED", "disqualificationReason", "NO_NEED"));

		assertThat(lead).isEnded().hasPassed(TASK_DISQUALIFY_LEAD, END_EVENT_LEAD_DISQUALIFIED);
		verifyJavaDelegateMock("convertLeadDelegate").executed(never());
	}

	@Test
	void shouldConvertQualifiedLeads() {
		ProcessInstance lead = startLead("EVENT", 250, false, "MANUFACTURING", "SOUTH");
		assertThat(task()).hasCandidateGroup("sales-south");

		complete(task(), Map.of("qualificationOutcome", "QUALIFIED"));
		assertThat(lead).isWaitingAt(TASK_CONVERT_LEAD);
		execute(job());

		assertThat(lead).isEnded().hasPassed(END_EVENT_LEAD_CONVERTED).variables().containsEntry("opportunityId", 7L);
	}

	@Test
	void shouldSendTheTaskBackWhenAnswersAreIncomplete() {
		ProcessInstance lead = startLead("WEB", 250, false, "SOFTWARE", "CENTRAL");
		assertThat(task()).hasCandidateGroup("inside-sales");
		DelegateExpressions.registerJavaDelegateMock("recordQualificationDelegate")
			.onExecutionThrowBpmnError(
					new BpmnError("QUALIFICATION_INVALID", "A qualified lead needs a buying timeline."));

		complete(task(), Map.of("qualificationOutcome", "QUALIFIED"));

		assertThat(lead).isWaitingAt(TASK_QUALIFY_LEAD)
			.hasPassed(BOUNDARY_EVENT_QUALIFICATION_INVALID)
			.variables()
			.containsEntry("qualificationFeedback", "A qualified lead needs a buying timeline.");
		DelegateExpressions.registerJavaDelegateMock("recordQualificationDelegate");
		complete(task(), Map.of("qualificationOutcome", "DISQUALIFIED"));
		assertThat(lead).isEnded();
	}

	@Test
	void shouldEscalateToSalesManagersWhenFirstContactIsOverdueAndKeepTheTask() {
		ProcessInstance lead = startLead("CAMPAIGN", 600, true, "FINANCE", "WEST");
		assertThat(task()).hasCandidateGroup("sales-west");
		Job timer = managementService().createJobQuery()
			.processInstanceId(lead.getId())
			.activityId(BOUNDARY_EVENT_FIRST_CONTACT_OVERDUE)
			.singleResult();
		org.assertj.core.api.Assertions.assertThat(timer.getDuedate()).isEqualTo(DUE);

		execute(timer);

		assertThat(lead).hasPassed(TASK_ESCALATE_LEAD, END_EVENT_LEAD_ESCALATED).isWaitingAt(TASK_QUALIFY_LEAD);
		org.assertj.core.api.Assertions.assertThat(this.escalationGroup).isEqualTo("sales-managers");
	}

}
