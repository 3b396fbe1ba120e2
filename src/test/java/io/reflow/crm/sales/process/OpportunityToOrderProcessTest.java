package io.reflow.crm.sales.process;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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

import static io.reflow.crm.sales.process.OpportunityToOrderProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.mockito.Mockito.never;

/**
 * {@code processes/sales/opportunity-to-order.bpmn} on a real engine with the real
 * {@code discount.dmn} and mocked delegates: each approval level, rule rejection and
 * rework, approver rejection, reminder, acceptance (also twice), decline, follow-up loop,
 * answers during follow-up, incomplete answers, and an undecidable quote becoming an
 * incident. Full flow coverage.
 */
@Deployment(resources = { "processes/sales/opportunity-to-order.bpmn", "decisions/discount.dmn" })
class OpportunityToOrderProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = EngineTests.processEngine(1.0);

	@BeforeEach
	void mockDelegates() {
		init(engine.getProcessEngine());
		for (String bean : new String[] { "recordDiscountDecisionDelegate", "recordApprovalDelegate",
				"remindApproverDelegate", "sendQuoteDelegate", "recordFollowUpDelegate", "createOrderDelegate",
				"markOpportunityLostDelegate" }) {
			DelegateExpressions.registerJavaDelegateMock(bean);
		}
		DelegateExpressions.registerTaskListenerMock("salesTaskContextListener");
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	/** What Task_RecordQuote would set for a quote of this tier, amount and discount. */
	static void quote(String tier, double amount, double requested) {
		DelegateExpressions.registerJavaDelegateMock("recordQuoteDelegate")
			.onExecutionSetVariables(Variables.putValue("quoteId", 11L)
				.putValue("customerTier", tier)
				.putValue("orderAmount", amount)
				.putValue("requestedDiscount", requested));
	}

	ProcessInstance open() {
		ProcessInstance opportunity = runtimeService().startProcessInstanceByKey(OpportunityToOrderProcess.KEY,
				"opportunity-5", Map.of("opportunityId", 5L, "ownerGroup", "sales-north"));
		assertThat(opportunity).isWaitingAt(TASK_PREPARE_QUOTE);
		assertThat(task()).hasCandidateGroup("sales-north");
		return opportunity;
	}

	/** Prepares the quote and lets the discount decision run. */
	void prepareQuote(ProcessInstance opportunity, String tier, double amount, double requested) {
		quote(tier, amount, requested);
		complete(task(TASK_PREPARE_QUOTE, opportunity));
		assertThat(opportunity).isWaitingAt(TASK_DECIDE_DISCOUNT);
		execute(job());
	}

	void sendQuote(ProcessInstance opportunity) {
		assertThat(opportunity).isWaitingAt(TASK_SEND_QUOTE);
		execute(job());
		assertThat(opportunity).isWaitingAt(GATEWAY_AWAIT_CUSTOMER);
	}

	void accept(ProcessInstance opportunity) {
		runtimeService().createMessageCorrelation("QuoteAccepted")
			.processInstanceBusinessKey("opportunity-5")
			.correlate();
		assertThat(opportunity).isWaitingAt(TASK_CREATE_ORDER);
		execute(job());
		assertThat(opportunity).isEnded().hasPassed(END_EVENT_OPPORTUNITY_WON);
	}

	Job timer(ProcessInstance opportunity, String activityId) {
		return managementService().createJobQuery()
			.processInstanceId(opportunity.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	@Test
	void shouldSendWithoutApprovalWhenTheDiscountIsWithinTheLimit() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "STANDARD", 150_000, 0.05);

		assertThat(opportunity).hasNotPassed(TASK_APPROVE_DISCOUNT)
			.variables()
			.containsEntry("approvalLevel", "NONE")
			.containsEntry("maxDiscount", 0.05)
			.doesNotContainKey("discountDecision");
		sendQuote(opportunity);
		accept(opportunity);
		verifyJavaDelegateMock("createOrderDelegate").executed();
	}

	@Test
	void shouldAskSalesManagersForASmallExcess() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "STANDARD", 150_000, 0.08);

		assertThat(opportunity).isWaitingAt(TASK_APPROVE_DISCOUNT);
		assertThat(task()).hasCandidateGroup("sales-managers");
		complete(task(), Map.of("approvalDecision", "APPROVE"));
		sendQuote(opportunity);
	}

	@Test
	void shouldAskSalesDirectorsForEighteenPercentOnAStandardQuoteOf150000() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "STANDARD", 150_000, 0.18);

		assertThat(opportunity).isWaitingAt(TASK_APPROVE_DISCOUNT)
			.variables()
			.containsEntry("approvalLevel", "SALES_DIRECTOR");
		assertThat(task()).hasCandidateGroup("sales-directors");
		complete(task(), Map.of("approvalDecision", "APPROVE"));
		sendQuote(opportunity);
		accept(opportunity);
	}

	@Test
	void shouldSendTheQuoteBackWhenTheRulesRejectTheDiscount() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "KEY", 80_000, 0.35);

		assertThat(opportunity).hasNotPassed(TASK_APPROVE_DISCOUNT).isWaitingAt(TASK_PREPARE_QUOTE);
		assertThat(opportunity).variables().containsEntry("approvalLevel", "REJECT");
		verifyJavaDelegateMock("recordDiscountDecisionDelegate").executed();
	}

	@Test
	void shouldReworkTheQuoteWhenTheApproverRejects() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "NEW", 50_000, 0.10);
		assertThat(task()).hasCandidateGroup("sales-directors");

		complete(task(), Map.of("approvalDecision", "REJECT", "approvalComment", "Too much for a new customer"));

		assertThat(opportunity).hasPassed(TASK_RECORD_APPROVAL)
			.hasNotPassed(TASK_SEND_QUOTE)
			.isWaitingAt(TASK_PREPARE_QUOTE);
		prepareQuote(opportunity, "NEW", 50_000, 0.03);
		sendQuote(opportunity);
	}

	@Test
	void shouldRemindTheApproverAfterOneDayAndKeepTheTask() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "STRATEGIC", 1_200_000, 0.24);
		assertThat(task()).hasCandidateGroup("sales-managers");

		execute(timer(opportunity, BOUNDARY_EVENT_APPROVAL_OVERDUE));

		assertThat(opportunity).hasPassed(TASK_REMIND_APPROVER, "EndEvent_ApproverReminded")
			.isWaitingAt(TASK_APPROVE_DISCOUNT);
		verifyJavaDelegateMock("remindApproverDelegate").executed();
	}

	@Test
	void shouldSendTheTasksBackWhenAnswersAreIncomplete() {
		ProcessInstance opportunity = open();
		DelegateExpressions.registerJavaDelegateMock("recordQuoteDelegate")
			.onExecutionThrowBpmnError(new BpmnError("QUOTE_INVALID", "Enter the expected close date."));
		complete(task());
		assertThat(opportunity).isWaitingAt(TASK_PREPARE_QUOTE)
			.variables()
			.containsEntry("quoteFeedback", "Enter the expected close date.");

		prepareQuote(opportunity, "STANDARD", 150_000, 0.08);
		DelegateExpressions.registerJavaDelegateMock("recordApprovalDelegate")
			.onExecutionThrowBpmnError(new BpmnError("APPROVAL_INVALID", "Choose APPROVE or REJECT."));
		complete(task());
		assertThat(opportunity).isWaitingAt(TASK_APPROVE_DISCOUNT)
			.variables()
			.containsEntry("approvalFeedback", "Choose APPROVE or REJECT.");
	}

	@Test
	void shouldEndLostWhenTheCustomerDeclines() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "KEY", 600_000, 0.10);
		sendQuote(opportunity);

		runtimeService().createMessageCorrelation("QuoteDeclined")
			.processInstanceBusinessKey("opportunity-5")
			.setVariable("lossReason", "Price")
			.correlate();

		assertThat(opportunity).isEnded().hasPassed(TASK_MARK_OPPORTUNITY_LOST, END_EVENT_OPPORTUNITY_LOST);
		verifyJavaDelegateMock("createOrderDelegate").executed(never());
	}

	@Test
	void shouldPlaceTheOrderOnceWhenAcceptanceArrivesTwice() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "STANDARD", 150_000, 0.18);
		complete(task(), Map.of("approvalDecision", "APPROVE"));
		sendQuote(opportunity);
		accept(opportunity);

		assertThatThrownBy(() -> runtimeService().createMessageCorrelation("QuoteAccepted")
			.processInstanceBusinessKey("opportunity-5")
			.correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
		verifyJavaDelegateMock("createOrderDelegate").executed();
	}

	@Test
	void shouldFollowUpAfterFourteenDaysAndWaitAgainThenWin() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "NEW", 20_000, 0.0);
		sendQuote(opportunity);

		execute(timer(opportunity, EVENT_QUOTE_UNANSWERED));
		assertThat(opportunity).isWaitingAt(TASK_FOLLOW_UP_QUOTE);
		assertThat(task()).hasCandidateGroup("sales-north");
		complete(task(), Map.of("followUpOutcome", "WAIT"));
		assertThat(opportunity).isWaitingAt(GATEWAY_AWAIT_CUSTOMER);

		execute(timer(opportunity, EVENT_QUOTE_UNANSWERED));
		DelegateExpressions.registerJavaDelegateMock("recordFollowUpDelegate")
			.onExecutionThrowBpmnError(new BpmnError("FOLLOW_UP_INVALID", "Say why the customer declined."));
		complete(task(), Map.of("followUpOutcome", "DECLINED"));
		assertThat(opportunity).isWaitingAt(TASK_FOLLOW_UP_QUOTE)
			.variables()
			.containsEntry("followUpFeedback", "Say why the customer declined.");
		DelegateExpressions.registerJavaDelegateMock("recordFollowUpDelegate");
		complete(task(), Map.of("followUpOutcome", "ACCEPTED"));
		assertThat(opportunity).isWaitingAt(TASK_CREATE_ORDER);
		execute(job());
		assertThat(opportunity).isEnded().hasPassed(END_EVENT_OPPORTUNITY_WON);
	}

	@Test
	void shouldRecordADeclineFoundInTheFollowUp() {
		ProcessInstance opportunity = open();
		prepareQuote(opportunity, "NEW", 20_000, 0.0);
		sendQuote(opportunity);
		execute(timer(opportunity, EVENT_QUOTE_UNANSWERED));

		complete(task(), Map.of("followUpOutcome", "DECLINED", "lossReason", "COMPETITOR"));

		assertThat(opportunity).isEnded().hasPassed(END_EVENT_OPPORTUNITY_LOST);
	}

	@Test
	void shouldTakeCustomerAnswersThatArriveDuringTheFollowUp() {
		ProcessInstance accepting = open();
		prepareQuote(accepting, "NEW", 20_000, 0.0);
		sendQuote(accepting);
		execute(timer(accepting, EVENT_QUOTE_UNANSWERED));
		accept(accepting);
		assertThat(accepting).hasPassed("BoundaryEvent_QuoteAcceptedDuringFollowUp");

		ProcessInstance declining = runtimeService().startProcessInstanceByKey(OpportunityToOrderProcess.KEY,
				"opportunity-6", Map.of("opportunityId", 6L, "ownerGroup", "sales-north"));
		prepareQuote(declining, "NEW", 20_000, 0.0);
		sendQuote(declining);
		execute(timer(declining, EVENT_QUOTE_UNANSWERED));
		runtimeService().createMessageCorrelation("QuoteDeclined")
			.processInstanceBusinessKey("opportunity-6")
			.correlate();
		assertThat(declining).isEnded()
			.hasPassed("BoundaryEvent_QuoteDeclinedDuringFollowUp", END_EVENT_OPPORTUNITY_LOST);
	}

	@Test
	void shouldStopWithAnIncidentInsteadOfAnyDiscountWhenTheRulesCannotDecide() {
		ProcessInstance opportunity = open();
		quote("GOLD", 150_000, 0.05);
		complete(task());

		Job decision = job();
		assertThatThrownBy(() -> execute(decision)).hasMessageContaining(GATEWAY_APPROVAL_LEVEL);
		assertThat(opportunity).isWaitingAt(TASK_DECIDE_DISCOUNT);
		org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(opportunity.getId()).count()).isZero();
		assertThat(opportunity).hasNotPassed(TASK_APPROVE_DISCOUNT, TASK_SEND_QUOTE);
	}

}
