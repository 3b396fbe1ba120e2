package io.reflow.crm.support.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.reflow.crm.testsupport.EngineTests;

import static io.reflow.crm.support.process.SupportCaseProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * {@code processes/support/support-case.bpmn} on a real engine with the real triage, SLA
 * and escalation decisions; delegates are stand-ins that keep the variables the real ones
 * keep. Every path: response and resolution breach (each escalating once), repeated
 * escalation up to the director, field visit, feedback, reopen, second reopen and
 * auto-close. Full flow coverage.
 */
@Deployment(resources = { "processes/support/support-case.bpmn", "decisions/case-triage.dmn", "decisions/case-sla.dmn",
		"decisions/escalation.dmn" })
class SupportCaseProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = EngineTests.processEngine(1.0);

	static final Date LATER = new Date(System.currentTimeMillis() + 3_600_000L);

	/** Who each escalation went to, in order. */
	List<String> escalatedTo = new ArrayList<>();

	@BeforeEach
	void standInDelegates() {
		init(engine.getProcessEngine());
		register("scheduleSlaDelegate", (execution) -> {
			execution.setVariable("responseDueAt", LATER);
			execution.setVariable("resolutionDueAt", new Date(LATER.getTime() + 3_600_000L));
			execution.setVariable("escalationLevel", 0);
			execution.setVariable("reopenCount", 0);
		});
		register("recordResolutionDelegate", (execution) -> execution.setVariable("fieldVisitNeeded",
				Boolean.TRUE.equals(execution.getVariable("fieldVisitNeeded"))));
		register("checkResponseBreachDelegate", (execution) -> {
			execution.setVariable("breach", "RESPONSE");
			execution.setVariable("breachApplies", execution.getVariable("responded") == null);
		});
		register("recordResolutionBreachDelegate", (execution) -> execution.setVariable("breach", "RESOLUTION"));
		register("recordReopenBreachDelegate", (execution) -> execution.setVariable("breach", "REOPENED"));
		register("escalateCaseDelegate", (execution) -> {
			this.escalatedTo.add((String) execution.getVariable("escalateTo"));
			execution.setVariable("escalationLevel", (Integer) execution.getVariable("escalationLevel") + 1);
			execution.setVariable("priority", execution.getVariable("newPriority"));
		});
		register("markCaseResolvedDelegate", (execution) -> execution.setVariable("feedbackDueAt", LATER));
		register("reopenCaseDelegate", (execution) -> execution.setVariable("reopenCount",
				(Integer) execution.getVariable("reopenCount") + 1));
		for (String bean : new String[] { "recordVisitPlanDelegate", "recordVisitReportDelegate",
				"recordFeedbackDelegate", "closeCaseDelegate" }) {
			DelegateExpressions.registerJavaDelegateMock(bean);
		}
		DelegateExpressions.registerTaskListenerMock("supportTaskContextListener");
		DelegateExpressions.registerTaskListenerMock("caseRespondedTaskListener");
	}

	static void register(String bean, JavaDelegate delegate) {
		Mocks.register(bean, delegate);
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	ProcessInstance open(String category, String severity, String tier) {
		ProcessInstance serviceCase = runtimeService().startProcessInstanceByKey(SupportCaseProcess.KEY, "case-1",
				Map.of("caseId", 1L, "category", category, "severity", severity, "customerTier", tier));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(serviceCase)
			.isWaitingAt(TASK_RESOLVE_CASE);
		return serviceCase;
	}

	Job timer(ProcessInstance serviceCase, String activityId) {
		return managementService().createJobQuery()
			.processInstanceId(serviceCase.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	void resolve(ProcessInstance serviceCase) {
		complete(task(TASK_RESOLVE_CASE, serviceCase), Map.of("fieldVisitNeeded", false));
	}

	void feedback(boolean resolved) {
		runtimeService().createMessageCorrelation("CustomerFeedbackReceived")
			.processInstanceBusinessKey("case-1")
			.setVariables(Map.of("feedbackResolved", resolved, "csat", resolved ? 5 : 2))
			.correlate();
	}

	static org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert assertCase(ProcessInstance instance) {
		return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance);
	}

	@Test
	void shouldTriageACriticalTechnicalCaseOfAStrategicCustomerToTier2WithAThirtyMinuteResponse() {
		ProcessInstance serviceCase = open("TECHNICAL", "CRITICAL", "STRATEGIC");

		assertCase(serviceCase).variables()
			.containsEntry("priority", "P1")
			.containsEntry("assigneeGroup", "support-tier2")
			.containsEntry("responseDue", "PT30M")
			.containsEntry("slaCalendar", "ALWAYS")
			.doesNotContainKeys("caseTriage", "caseSla");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task())
			.hasCandidateGroup("support-tier2")
			.hasFormKey(null);
	}

	@Test
	void shouldEscalateAnUntouchedCaseOnceAtTheResponseAndOnceAtTheResolutionBreach() {
		ProcessInstance serviceCase = open("TECHNICAL", "CRITICAL", "STRATEGIC");

		execute(timer(serviceCase, BOUNDARY_EVENT_RESPONSE_OVERDUE));
		execute(timer(serviceCase, BOUNDARY_EVENT_RESOLUTION_OVERDUE));

		assertThat(this.escalatedTo).containsExactly("support-leads", "support-managers");
		assertCase(serviceCase).isWaitingAt(TASK_RESOLVE_CASE).variables().containsEntry("escalationLevel", 2);
		assertThat(timer(serviceCase, BOUNDARY_EVENT_RESPONSE_OVERDUE)).isNull();
		assertThat(timer(serviceCase, BOUNDARY_EVENT_RESOLUTION_OVERDUE)).isNull();
	}

	@Test
	void shouldNotEscalateAResponseInTime() {
		ProcessInstance serviceCase = open("INQUIRY", "NORMAL", "STANDARD");
		runtimeService().setVariable(serviceCase.getId(), "responded", true);

		execute(timer(serviceCase, BOUNDARY_EVENT_RESPONSE_OVERDUE));

		assertCase(serviceCase).hasPassed(END_EVENT_RESPONDED_IN_TIME);
		assertThat(this.escalatedTo).isEmpty();
	}

	@Test
	void shouldSendAFieldVisitAndBackToResolution() {
		ProcessInstance serviceCase = open("FIELD_SERVICE", "HIGH", "KEY");
		complete(task(TASK_RESOLVE_CASE, serviceCase), Map.of("fieldVisitNeeded", true));
		assertCase(serviceCase).isWaitingAt(TASK_SCHEDULE_VISIT);
		complete(task(TASK_SCHEDULE_VISIT, serviceCase));
		complete(task(TASK_PERFORM_VISIT, serviceCase));
		assertCase(serviceCase).isWaitingAt(TASK_RESOLVE_CASE);
		resolve(serviceCase);
		assertCase(serviceCase).isWaitingAt(GATEWAY_AWAIT_FEEDBACK);
		feedback(true);
		assertCase(serviceCase).isEnded().hasPassed(END_EVENT_CASE_CLOSED);
	}

	@Test
	void shouldSendTheTasksBackWhenAnswersAreIncomplete() {
		ProcessInstance serviceCase = open("FIELD_SERVICE", "LOW", "NEW");
		DelegateExpressions.registerJavaDelegateMock("recordResolutionDelegate")
			.onExecutionThrowBpmnError(
					new org.camunda.bpm.engine.delegate.BpmnError("RESOLUTION_INVALID", "Describe the diagnosis."));
		complete(task(TASK_RESOLVE_CASE, serviceCase));
		assertCase(serviceCase).isWaitingAt(TASK_RESOLVE_CASE)
			.variables()
			.containsEntry("resolveFeedback", "Describe the diagnosis.");
		register("recordResolutionDelegate", (execution) -> execution.setVariable("fieldVisitNeeded", true));
		complete(task(TASK_RESOLVE_CASE, serviceCase));
		DelegateExpressions.registerJavaDelegateMock("recordVisitPlanDelegate")
			.onExecutionThrowBpmnError(new org.camunda.bpm.engine.delegate.BpmnError("VISIT_PLAN_INVALID",
					"The visit date must be today or later."));
		complete(task(TASK_SCHEDULE_VISIT, serviceCase));
		assertCase(serviceCase).isWaitingAt(TASK_SCHEDULE_VISIT)
			.variables()
			.containsEntry("scheduleFeedback", "The visit date must be today or later.");
	}

	@Test
	void shouldCloseByItselfWhenTheCustomerDoesNotAnswer() {
		ProcessInstance serviceCase = open("BILLING", "NORMAL", "STANDARD");
		resolve(serviceCase);

		execute(timer(serviceCase, EVENT_FEEDBACK_OVERDUE));

		assertCase(serviceCase).isEnded().hasPassed(END_EVENT_CASE_CLOSED);
	}

	@Test
	void shouldReopenAndEscalateToTheDirectorOnTheSecondReopenAfterTwoBreaches() {
		ProcessInstance serviceCase = open("COMPLAINT", "HIGH", "KEY");
		execute(timer(serviceCase, BOUNDARY_EVENT_RESPONSE_OVERDUE));
		execute(timer(serviceCase, BOUNDARY_EVENT_RESOLUTION_OVERDUE));
		resolve(serviceCase);

		feedback(false);
		assertCase(serviceCase).hasPassed(TASK_REOPEN_CASE).isWaitingAt(TASK_RESOLVE_CASE);
		assertThat(this.escalatedTo).hasSize(2);
		resolve(serviceCase);
		feedback(false);

		assertCase(serviceCase).hasPassed(TASK_RECORD_REOPEN_BREACH).isWaitingAt(TASK_RESOLVE_CASE);
		assertThat(this.escalatedTo).containsExactly("support-leads", "support-managers", "support-director");
		assertCase(serviceCase).variables().containsEntry("priority", "P1").containsEntry("reopenCount", 2);
		resolve(serviceCase);
		feedback(true);
		assertCase(serviceCase).isEnded();
	}

}
