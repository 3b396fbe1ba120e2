package io.reflow.crm.marketing.process;

/** Names the code shares with {@code processes/marketing/marketing-campaign.bpmn}. */
public final class MarketingCampaignProcess {

	public static final String KEY = "marketing-campaign";

	private MarketingCampaignProcess() {
	}

	public static String businessKey(long campaignId) {
		return "campaign-" + campaignId;
	}

	/** Element ids. */
	public static final class Elements {

		public static final String START_EVENT_CAMPAIGN_DRAFTED = "StartEvent_CampaignDrafted";

		public static final String TASK_PLAN_CAMPAIGN = "Task_PlanCampaign";

		public static final String TASK_RECORD_PLAN = "Task_RecordPlan";

		public static final String BOUNDARY_EVENT_PLAN_INVALID = "BoundaryEvent_PlanInvalid";

		public static final String GATEWAY_PLAN_SUBMITTED = "Gateway_PlanSubmitted";

		public static final String TASK_CANCEL_CAMPAIGN = "Task_CancelCampaign";

		public static final String END_EVENT_CAMPAIGN_CANCELLED = "EndEvent_CampaignCancelled";

		public static final String TASK_DECIDE_BUDGET_APPROVAL = "Task_DecideBudgetApproval";

		public static final String TASK_APPROVE_BUDGET = "Task_ApproveBudget";

		public static final String TASK_RECORD_BUDGET_DECISION = "Task_RecordBudgetDecision";

		public static final String BOUNDARY_EVENT_BUDGET_DECISION_INVALID = "BoundaryEvent_BudgetDecisionInvalid";

		public static final String GATEWAY_BUDGET_APPROVED = "Gateway_BudgetApproved";

		public static final String TASK_SELECT_AUDIENCE = "Task_SelectAudience";

		public static final String GATEWAY_AUDIENCE_FOUND = "Gateway_AudienceFound";

		public static final String TASK_REPORT_EMPTY_AUDIENCE = "Task_ReportEmptyAudience";

		public static final String EVENT_START_DATE_REACHED = "Event_StartDateReached";

		public static final String TASK_START_CAMPAIGN = "Task_StartCampaign";

		public static final String SUB_PROCESS_EXECUTE_CHANNEL = "SubProcess_ExecuteChannel";

		public static final String GATEWAY_CHANNEL = "Gateway_Channel";

		public static final String TASK_SEND_MESSAGES = "Task_SendMessages";

		public static final String TASK_SEND_INVITATIONS = "Task_SendInvitations";

		public static final String TASK_PREPARE_CALL_LIST = "Task_PrepareCallList";

		public static final String TASK_CALL_CAMPAIGN_MEMBERS = "Task_CallCampaignMembers";

		public static final String TASK_RECORD_CALL_RESULTS = "Task_RecordCallResults";

		public static final String BOUNDARY_EVENT_CALL_RESULTS_INVALID = "BoundaryEvent_CallResultsInvalid";

		public static final String END_EVENT_CHANNEL_DONE = "EndEvent_ChannelDone";

		public static final String EVENT_RESPONSE_WINDOW_CLOSED = "Event_ResponseWindowClosed";

		public static final String TASK_EVALUATE_CAMPAIGN = "Task_EvaluateCampaign";

		public static final String TASK_REVIEW_RESULTS = "Task_ReviewResults";

		public static final String TASK_RECORD_REVIEW = "Task_RecordReview";

		public static final String BOUNDARY_EVENT_REVIEW_INVALID = "BoundaryEvent_ReviewInvalid";

		public static final String END_EVENT_CAMPAIGN_COMPLETED = "EndEvent_CampaignCompleted";

		public static final String SUB_PROCESS_INTEREST_SHOWN = "SubProcess_InterestShown";

		public static final String START_EVENT_INTEREST_SHOWN = "StartEvent_InterestShown";

		public static final String TASK_HAND_OVER_LEAD = "Task_HandOverLead";

		public static final String END_EVENT_LEAD_HANDED_OVER = "EndEvent_LeadHandedOver";

		private Elements() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		public static final String CAMPAIGN_ID = "campaignId";

		/** Answers of the plan form (removed once stored on the campaign). */
		public static final String CAMPAIGN_NAME = "campaignName";

		public static final String OBJECTIVE = "objective";

		public static final String CHANNEL_EMAIL = "channelEmail";

		public static final String CHANNEL_SMS = "channelSms";

		public static final String CHANNEL_PHONE = "channelPhone";

		public static final String CHANNEL_EVENT = "channelEvent";

		public static final String START_DATE = "startDate";

		public static final String END_DATE = "endDate";

		public static final String EXPECTED_RESPONSE_RATE = "expectedResponseRate";

		public static final String REGION = "region";

		public static final String INDUSTRY = "industry";

		public static final String TIER = "tier";

		public static final String SIZE_BAND = "sizeBand";

		public static final String PLAN_DECISION = "planDecision";

		public static final String CANCEL_REASON = "cancelReason";

		public static final String PLAN_FEEDBACK = "planFeedback";

		/** Input of decision campaign-budget-approval (CNY). */
		public static final String BUDGET = "budget";

		public static final String APPROVER_GROUP = "approverGroup";

		public static final String BUDGET_DECISION = "budgetDecision";

		public static final String BUDGET_COMMENT = "budgetComment";

		public static final String BUDGET_FEEDBACK = "budgetFeedback";

		public static final String MEMBER_COUNT = "memberCount";

		/** Timer dates (java.util.Date): start of the start date, end of the end date. */
		public static final String START_AT = "startAt";

		public static final String END_AT = "endAt";

		/** Element variable of SubProcess_ExecuteChannel. */
		public static final String CHANNEL = "channel";

		public static final String CALLS_REACHED = "callsReached";

		public static final String INTERESTED_CONTACTS = "interestedContacts";

		public static final String CALL_NOTE = "callNote";

		public static final String CALL_FEEDBACK = "callFeedback";

		public static final String LESSONS_LEARNED = "lessonsLearned";

		public static final String REVIEW_FEEDBACK = "reviewFeedback";

		/** Local variable of SubProcess_InterestShown. */
		public static final String RESPONSE_ID = "responseId";

		private Variables() {
		}

	}

	/** Messages. */
	public static final class Messages {

		public static final String INTEREST_SHOWN = "InterestShown";

		private Messages() {
		}

	}

	/** BPMN error codes. */
	public static final class Errors {

		public static final String PLAN_INVALID = "PLAN_INVALID";

		public static final String BUDGET_DECISION_INVALID = "BUDGET_DECISION_INVALID";

		public static final String CALL_RESULTS_INVALID = "CALL_RESULTS_INVALID";

		public static final String REVIEW_INVALID = "REVIEW_INVALID";

		private Errors() {
		}

	}

}
