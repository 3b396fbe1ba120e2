package io.reflow.crm.marketing.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.mockito.DelegateExpressions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reflow.crm.testsupport.EngineTests;

import static io.reflow.crm.marketing.process.MarketingCampaignProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.community.mockito.DelegateExpressions.verifyJavaDelegateMock;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.when;

/**
 * {@code processes/marketing/marketing-campaign.bpmn} on a real engine with the real
 * {@code campaign-budget-approval.dmn} and the real forms, mocked delegates and task
 * listener, and a stubbed {@code campaignChannels} bean: each approver group, budget
 * rejection and revision, cancellation, incomplete answers at each of the four record
 * steps, an empty audience, each channel alone and all together, both timers, interest
 * shown before the start and during the review, and after the end. Each interest gets its
 * own {@code responseId} in its event sub-process instance. Full flow coverage.
 */
@Deployment(resources = { "processes/marketing/marketing-campaign.bpmn", "decisions/campaign-budget-approval.dmn",
		"forms/marketing/plan-campaign.form", "forms/marketing/approve-budget.form",
		"forms/marketing/call-campaign-members.form", "forms/marketing/review-campaign.form" })
class MarketingCampaignProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = EngineTests.processEngine(1.0);

	static final long CAMPAIGN_ID = 9L;

	static final String BUSINESS_KEY = MarketingCampaignProcess.businessKey(CAMPAIGN_ID);

	/** Whole seconds, so that the timers' due dates compare equal after the database. */
	static final Date START_AT = new Date((System.currentTimeMillis() / 1000 + 86_400L) * 1000);

	static final Date END_AT = new Date(START_AT.getTime() + 30 * 86_400_000L);

	/**
	 * {@code channel} as each run of Task_SendMessages and Task_SendInvitations saw it.
	 */
	List<Object> channelsSent = new ArrayList<>();

	/** What each run of Task_HandOverLead saw of {@code responseId}. */
	List<HandOver> handOvers = new ArrayList<>();

	record HandOver(Object local, Object visible, boolean onProcessInstance) {
	}

	@BeforeEach
	void mockDelegates() {
		init(engine.getProcessEngine());
		for (String bean : new String[] { "recordBudgetDecisionDelegate", "cancelCampaignDelegate",
				"startCampaignDelegate", "prepareCallListDelegate", "recordCallResultsDelegate",
				"evaluateCampaignDelegate", "recordReviewDelegate" }) {
			DelegateExpressions.registerJavaDelegateMock(bean);
		}
		members(120L);
		DelegateExpressions.registerJavaDelegateMock("reportEmptyAudienceDelegate")
			.onExecutionSetVariables(Variables.putValue("planFeedback", "No customer matches the audience."));
		Mocks.register("sendCampaignMessagesDelegate",
				(JavaDelegate) (execution) -> this.channelsSent.add(execution.getVariable("channel")));
		Mocks.register("sendCampaignInvitationsDelegate",
				(JavaDelegate) (execution) -> this.channelsSent.add(execution.getVariable("channel")));
		Mocks.register("handOverLeadDelegate",
				(JavaDelegate) (execution) -> this.handOvers
					.add(new HandOver(execution.getVariableLocal("responseId"), execution.getVariable("responseId"),
							execution.getProcessInstance().hasVariableLocal("responseId"))));
		DelegateExpressions.registerTaskListenerMock("marketingTaskContextListener");
		DelegateExpressions.registerJavaDelegateMock("recordPlanDelegate");
		channels("EMAIL");
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	/** What Task_RecordPlan keeps in the process for a submitted plan. */
	static void recordedPlan(double budget) {
		DelegateExpressions.registerJavaDelegateMock("recordPlanDelegate")
			.onExecutionSetVariables(
					Variables.putValue("budget", budget).putValue("startAt", START_AT).putValue("endAt", END_AT));
	}

	/** What Task_SelectAudience finds. */
	static void members(long count) {
		DelegateExpressions.registerJavaDelegateMock("selectAudienceDelegate")
			.onExecutionSetVariables(Variables.putValue("memberCount", count));
	}

	/**
	 * The campaign's channels, as {@code ${campaignChannels.of(campaignId)}} reads them.
	 */
	static void channels(String... channels) {
		CampaignChannels campaignChannels = mock(CampaignChannels.class);
		when(campaignChannels.of(CAMPAIGN_ID)).thenReturn(List.of(channels));
		Mocks.register("campaignChannels", campaignChannels);
	}

	ProcessInstance draft() {
		ProcessInstance campaign = runtimeService().startProcessInstanceByKey(MarketingCampaignProcess.KEY,
				BUSINESS_KEY, Map.of("campaignId", CAMPAIGN_ID));
		assertThat(campaign).isWaitingAt(TASK_PLAN_CAMPAIGN);
		assertThat(task()).hasCandidateGroup("marketing");
		assertForm(task(), "plan-campaign");
		return campaign;
	}

	/** Submits the plan and lets the budget decision run. */
	void submitPlan(ProcessInstance campaign, double budget) {
		recordedPlan(budget);
		complete(task(TASK_PLAN_CAMPAIGN, campaign), Map.of("planDecision", "SUBMIT"));
		assertThat(campaign).isWaitingAt(TASK_DECIDE_BUDGET_APPROVAL);
		execute(job());
		assertThat(campaign).isWaitingAt(TASK_APPROVE_BUDGET);
	}

	/** Approves the budget and lets the audience be selected. */
	void approveBudget(ProcessInstance campaign) {
		complete(task(TASK_APPROVE_BUDGET, campaign), Map.of("budgetDecision", "APPROVE"));
		assertThat(campaign).isWaitingAt(TASK_SELECT_AUDIENCE);
		execute(job());
	}

	/** From the draft to the start date: a plan of 80,000 approved, 120 members. */
	ProcessInstance scheduled() {
		ProcessInstance campaign = draft();
		submitPlan(campaign, 80_000);
		approveBudget(campaign);
		assertThat(campaign).isWaitingAt(EVENT_START_DATE_REACHED);
		return campaign;
	}

	/** Lets the start date come and runs every channel that does not need anyone. */
	void start(ProcessInstance campaign) {
		Job startDate = timer(campaign, EVENT_START_DATE_REACHED);
		Assertions.assertThat(startDate.getDuedate()).isEqualTo(START_AT);
		execute(startDate);
		assertThat(campaign).hasPassed(TASK_START_CAMPAIGN);
		for (Job send : jobQuery().processInstanceId(campaign.getId()).messages().list()) {
			execute(send);
		}
	}

	/** Closes the response window and evaluates the campaign. */
	void closeResponseWindow(ProcessInstance campaign) {
		assertThat(campaign).isWaitingAt(EVENT_RESPONSE_WINDOW_CLOSED);
		Job window = timer(campaign, EVENT_RESPONSE_WINDOW_CLOSED);
		Assertions.assertThat(window.getDuedate()).isEqualTo(END_AT);
		execute(window);
		assertThat(campaign).isWaitingAt(TASK_EVALUATE_CAMPAIGN);
		execute(job());
		assertThat(campaign).isWaitingAt(TASK_REVIEW_RESULTS);
		assertThat(task()).hasCandidateGroup("marketing-managers");
		assertForm(task(), "review-campaign");
	}

	void review(ProcessInstance campaign) {
		complete(task(TASK_REVIEW_RESULTS, campaign), Map.of("lessonsLearned", "Phone works best for KEY customers."));
		assertThat(campaign).isEnded().hasPassed(TASK_RECORD_REVIEW, END_EVENT_CAMPAIGN_COMPLETED);
	}

	Task callTask(ProcessInstance campaign) {
		assertThat(campaign).isWaitingAt(TASK_CALL_CAMPAIGN_MEMBERS);
		Task call = task(TASK_CALL_CAMPAIGN_MEMBERS, campaign);
		assertThat(call).hasCandidateGroup("inside-sales");
		assertForm(call, "call-campaign-members");
		return call;
	}

	Job timer(ProcessInstance campaign, String activityId) {
		return managementService().createJobQuery()
			.processInstanceId(campaign.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	/** As {@code MarketingManagement.respond} correlates interest. */
	void interestShown(long responseId) {
		runtimeService().createMessageCorrelation(MarketingCampaignProcess.Messages.INTEREST_SHOWN)
			.processInstanceBusinessKey(BUSINESS_KEY)
			.setVariableToTriggeredScope("responseId", responseId)
			.correlate();
	}

	/** The form Tasklist shows is the one deployed with the model. */
	static void assertForm(Task task, String formId) {
		try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
			Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"id\": \"" + formId + "\"");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A variable as the task sees it, wherever in its scopes the variable lives. */
	static Object seenBy(Task task, String name) {
		return taskService().getVariable(task.getId(), name);
	}

	@ParameterizedTest
	@CsvSource({ "30000, marketing-managers", "80000, marketing-directors", "600000, executives" })
	void shouldAskTheGroupTheDecisionNamesToApproveTheBudget(double budget, String approverGroup) {
		ProcessInstance campaign = draft();

		submitPlan(campaign, budget);

		assertThat(campaign).variables().containsEntry("approverGroup", approverGroup);
		assertThat(task()).hasCandidateGroup(approverGroup);
		assertForm(task(), "approve-budget");
		approveBudget(campaign);
		assertThat(campaign).isWaitingAt(EVENT_START_DATE_REACHED);
	}

	@Test
	void shouldRunAnApprovedEmailCampaignFromTheStartDateThroughTheResponseWindowToTheReview() {
		ProcessInstance campaign = scheduled();
		assertThat(campaign).hasPassed(TASK_SELECT_AUDIENCE)
			.hasNotPassed(TASK_REPORT_EMPTY_AUDIENCE)
			.variables()
			.containsEntry("memberCount", 120L);
		verifyJavaDelegateMock("startCampaignDelegate").executed(never());

		start(campaign);

		Assertions.assertThat(this.channelsSent).containsExactly("EMAIL");
		verifyJavaDelegateMock("startCampaignDelegate").executed();
		closeResponseWindow(campaign);
		verifyJavaDelegateMock("evaluateCampaignDelegate").executed();
		review(campaign);
		assertThat(campaign).hasNotPassed(TASK_SEND_INVITATIONS, TASK_PREPARE_CALL_LIST, TASK_HAND_OVER_LEAD);
	}

	@Test
	void shouldSendThePlanBackWithTheApproversCommentWhenTheBudgetIsRejectedThenApproveTheRevision() {
		ProcessInstance campaign = draft();
		submitPlan(campaign, 80_000);
		DelegateExpressions.registerJavaDelegateMock("recordBudgetDecisionDelegate")
			.onExecutionSetVariables(Variables.putValue("planFeedback", "Halve the budget."));

		complete(task(TASK_APPROVE_BUDGET, campaign),
				Map.of("budgetDecision", "REJECT", "budgetComment", "Halve the budget."));

		assertThat(campaign).hasPassed(TASK_RECORD_BUDGET_DECISION)
			.hasNotPassed(TASK_SELECT_AUDIENCE)
			.isWaitingAt(TASK_PLAN_CAMPAIGN);
		Assertions.assertThat(seenBy(task(), "planFeedback")).isEqualTo("Halve the budget.");
		DelegateExpressions.registerJavaDelegateMock("recordBudgetDecisionDelegate");
		submitPlan(campaign, 40_000);
		assertThat(task()).hasCandidateGroup("marketing-managers");
		approveBudget(campaign);
		assertThat(campaign).isWaitingAt(EVENT_START_DATE_REACHED);
	}

	@Test
	void shouldEndCancelledWhenThePlannerCancels() {
		ProcessInstance campaign = draft();

		complete(task(), Map.of("planDecision", "CANCEL", "cancelReason", "The trade fair was called off."));

		assertThat(campaign).isEnded()
			.hasPassed(TASK_RECORD_PLAN, TASK_CANCEL_CAMPAIGN, END_EVENT_CAMPAIGN_CANCELLED)
			.hasNotPassed(TASK_DECIDE_BUDGET_APPROVAL);
		verifyJavaDelegateMock("cancelCampaignDelegate").executed();
	}

	@Test
	void shouldSendThePlanBackWhenItIsIncomplete() {
		ProcessInstance campaign = draft();
		DelegateExpressions.registerJavaDelegateMock("recordPlanDelegate")
			.onExecutionThrowBpmnError(
					new BpmnError("PLAN_INVALID", "The end date must not be before the start date."));

		complete(task(), Map.of("planDecision", "SUBMIT"));

		assertThat(campaign).hasPassed(BOUNDARY_EVENT_PLAN_INVALID)
			.hasNotPassed(TASK_DECIDE_BUDGET_APPROVAL)
			.isWaitingAt(TASK_PLAN_CAMPAIGN);
		Assertions.assertThat(seenBy(task(), "planFeedback"))
			.isEqualTo("The end date must not be before the start date.");
		submitPlan(campaign, 30_000);
	}

	@Test
	void shouldSendTheBudgetDecisionBackWhenItIsIncomplete() {
		ProcessInstance campaign = draft();
		submitPlan(campaign, 600_000);
		DelegateExpressions.registerJavaDelegateMock("recordBudgetDecisionDelegate")
			.onExecutionThrowBpmnError(new BpmnError("BUDGET_DECISION_INVALID", "Say why you reject the budget."));

		complete(task(), Map.of("budgetDecision", "REJECT"));

		assertThat(campaign).hasPassed(BOUNDARY_EVENT_BUDGET_DECISION_INVALID)
			.hasNotPassed(TASK_SELECT_AUDIENCE)
			.isWaitingAt(TASK_APPROVE_BUDGET);
		assertThat(task()).hasCandidateGroup("executives");
		Assertions.assertThat(seenBy(task(), "budgetFeedback")).isEqualTo("Say why you reject the budget.");
		DelegateExpressions.registerJavaDelegateMock("recordBudgetDecisionDelegate");
		approveBudget(campaign);
		assertThat(campaign).isWaitingAt(EVENT_START_DATE_REACHED);
	}

	@Test
	void shouldSendTheCallResultsBackWhenTheyAreIncomplete() {
		channels("PHONE");
		ProcessInstance campaign = scheduled();
		start(campaign);
		DelegateExpressions.registerJavaDelegateMock("recordCallResultsDelegate")
			.onExecutionThrowBpmnError(new BpmnError("CALL_RESULTS_INVALID", "Enter how many members you reached."));

		complete(callTask(campaign), Map.of("callNote", "Most were at the trade fair."));

		assertThat(campaign).hasPassed(BOUNDARY_EVENT_CALL_RESULTS_INVALID);
		Assertions.assertThat(seenBy(callTask(campaign), "callFeedback"))
			.isEqualTo("Enter how many members you reached.");
		DelegateExpressions.registerJavaDelegateMock("recordCallResultsDelegate");
		complete(callTask(campaign), Map.of("callsReached", 40L));
		closeResponseWindow(campaign);
	}

	@Test
	void shouldSendTheReviewBackWhenItIsIncomplete() {
		ProcessInstance campaign = scheduled();
		start(campaign);
		closeResponseWindow(campaign);
		DelegateExpressions.registerJavaDelegateMock("recordReviewDelegate")
			.onExecutionThrowBpmnError(new BpmnError("REVIEW_INVALID", "Write down the lessons learned."));

		complete(task(), Map.of("lessonsLearned", ""));

		assertThat(campaign).hasPassed(BOUNDARY_EVENT_REVIEW_INVALID).isWaitingAt(TASK_REVIEW_RESULTS);
		Assertions.assertThat(seenBy(task(), "reviewFeedback")).isEqualTo("Write down the lessons learned.");
		DelegateExpressions.registerJavaDelegateMock("recordReviewDelegate");
		review(campaign);
	}

	@Test
	void shouldSendThePlanBackWhenTheAudienceIsEmpty() {
		ProcessInstance campaign = draft();
		submitPlan(campaign, 30_000);
		members(0L);

		approveBudget(campaign);

		assertThat(campaign).hasPassed(TASK_REPORT_EMPTY_AUDIENCE)
			.hasNotPassed(EVENT_START_DATE_REACHED)
			.isWaitingAt(TASK_PLAN_CAMPAIGN);
		Assertions.assertThat(seenBy(task(), "planFeedback")).isEqualTo("No customer matches the audience.");
		members(3L);
		submitPlan(campaign, 30_000);
		approveBudget(campaign);
		assertThat(campaign).isWaitingAt(EVENT_START_DATE_REACHED);
	}

	@ParameterizedTest
	@CsvSource({ "EMAIL, Task_SendMessages", "SMS, Task_SendMessages", "EVENT, Task_SendInvitations" })
	void shouldRunAChannelThatNeedsNoOneOnItsOwn(String channel, String task) {
		channels(channel);
		ProcessInstance campaign = scheduled();

		start(campaign);

		assertThat(campaign).hasPassed(task, END_EVENT_CHANNEL_DONE)
			.hasNotPassed(TASK_PREPARE_CALL_LIST)
			.isWaitingAt(EVENT_RESPONSE_WINDOW_CLOSED);
		Assertions.assertThat(this.channelsSent).containsExactly(channel);
	}

	@Test
	void shouldHaveInsideSalesCallTheMembersOfAPhoneCampaign() {
		channels("PHONE");
		ProcessInstance campaign = scheduled();

		start(campaign);

		assertThat(campaign).hasPassed(TASK_PREPARE_CALL_LIST).hasNotPassed(TASK_SEND_MESSAGES, TASK_SEND_INVITATIONS);
		Task call = callTask(campaign);
		Assertions.assertThat(seenBy(call, "channel")).isEqualTo("PHONE");
		verifyJavaDelegateMock("prepareCallListDelegate").executed();
		complete(call, Map.of("callsReached", 40L, "interestedContacts", "li.wei@example.com"));
		assertThat(campaign).hasPassed(TASK_RECORD_CALL_RESULTS, END_EVENT_CHANNEL_DONE);
		closeResponseWindow(campaign);
		review(campaign);
	}

	@Test
	void shouldRunAllFourChannelsInParallelAndWaitForTheCallsBeforeTheResponseWindow() {
		channels("EMAIL", "SMS", "PHONE", "EVENT");
		ProcessInstance campaign = scheduled();

		start(campaign);

		Assertions.assertThat(this.channelsSent).containsExactlyInAnyOrder("EMAIL", "SMS", "EVENT");
		assertThat(campaign).hasPassed(TASK_SEND_MESSAGES, TASK_SEND_INVITATIONS, TASK_PREPARE_CALL_LIST)
			.isWaitingAt(TASK_CALL_CAMPAIGN_MEMBERS)
			.isNotWaitingAt(EVENT_RESPONSE_WINDOW_CLOSED);
		Assertions.assertThat(jobQuery().processInstanceId(campaign.getId()).count()).isZero();
		complete(callTask(campaign), Map.of("callsReached", 12L));
		closeResponseWindow(campaign);
		review(campaign);
	}

	@Test
	void shouldHandOverInterestBeforeTheStartAndDuringTheReviewWithoutDisturbingTheCampaign() {
		ProcessInstance campaign = scheduled();
		String startDate = timer(campaign, EVENT_START_DATE_REACHED).getId();

		interestShown(7L);

		assertThat(campaign).isWaitingAt(TASK_HAND_OVER_LEAD, EVENT_START_DATE_REACHED);
		execute(job(TASK_HAND_OVER_LEAD));
		assertThat(campaign).hasPassed(END_EVENT_LEAD_HANDED_OVER).isWaitingAt(EVENT_START_DATE_REACHED);
		Assertions.assertThat(timer(campaign, EVENT_START_DATE_REACHED).getId()).isEqualTo(startDate);

		start(campaign);
		closeResponseWindow(campaign);
		String review = task().getId();
		interestShown(7L);
		assertThat(campaign).isWaitingAt(TASK_HAND_OVER_LEAD, TASK_REVIEW_RESULTS);
		execute(job(TASK_HAND_OVER_LEAD));
		assertThat(campaign).isWaitingAt(TASK_REVIEW_RESULTS).isNotWaitingAt(TASK_HAND_OVER_LEAD);
		Assertions.assertThat(task().getId()).isEqualTo(review);

		Assertions.assertThat(this.handOvers).extracting(HandOver::visible).containsExactly(7L, 7L);
		review(campaign);
		assertThatThrownBy(() -> interestShown(7L)).isInstanceOf(MismatchingMessageCorrelationException.class);
	}

	/**
	 * {@code setVariableToTriggeredScope} puts {@code responseId} into each
	 * {@code SubProcess_InterestShown} instance: two responses correlated before either
	 * hand-over runs each get their own lead. ({@code setVariableLocal} would set it on
	 * the process instance, where the second response overwrites the first.)
	 */
	@Test
	void shouldGiveEachHandOverItsOwnResponseIdWhenCorrelatedToTheTriggeredScope() {
		ProcessInstance campaign = scheduled();

		interestShown(7L);
		interestShown(8L);
		for (Job handOver : jobQuery().activityId(TASK_HAND_OVER_LEAD).list()) {
			execute(handOver);
		}

		Assertions.assertThat(this.handOvers)
			.containsExactlyInAnyOrder(new HandOver(7L, 7L, false), new HandOver(8L, 8L, false));
		assertThat(campaign).isWaitingAt(EVENT_START_DATE_REACHED).variables().doesNotContainKey("responseId");
	}

}
