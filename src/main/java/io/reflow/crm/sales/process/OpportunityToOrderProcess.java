package io.reflow.crm.sales.process;

/** Names the code shares with {@code processes/sales/opportunity-to-order.bpmn}. */
public final class OpportunityToOrderProcess {

	public static final String KEY = "opportunity-to-order";

	private OpportunityToOrderProcess() {
	}

	public static String businessKey(long opportunityId) {
		return "opportunity-" + opportunityId;
	}

	/** Element ids. */
	public static final class Elements {

		public static final String START_EVENT_OPPORTUNITY_OPENED = "StartEvent_OpportunityOpened";

		public static final String TASK_PREPARE_QUOTE = "Task_PrepareQuote";

		public static final String TASK_RECORD_QUOTE = "Task_RecordQuote";

		public static final String TASK_DECIDE_DISCOUNT = "Task_DecideDiscount";

		public static final String TASK_RECORD_DISCOUNT_DECISION = "Task_RecordDiscountDecision";

		public static final String GATEWAY_APPROVAL_LEVEL = "Gateway_ApprovalLevel";

		public static final String TASK_APPROVE_DISCOUNT = "Task_ApproveDiscount";

		public static final String BOUNDARY_EVENT_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";

		public static final String TASK_REMIND_APPROVER = "Task_RemindApprover";

		public static final String TASK_RECORD_APPROVAL = "Task_RecordApproval";

		public static final String TASK_SEND_QUOTE = "Task_SendQuote";

		public static final String GATEWAY_AWAIT_CUSTOMER = "Gateway_AwaitCustomer";

		public static final String EVENT_QUOTE_ACCEPTED = "Event_QuoteAccepted";

		public static final String EVENT_QUOTE_DECLINED = "Event_QuoteDeclined";

		public static final String EVENT_QUOTE_UNANSWERED = "Event_QuoteUnanswered";

		public static final String TASK_FOLLOW_UP_QUOTE = "Task_FollowUpQuote";

		public static final String TASK_RECORD_FOLLOW_UP = "Task_RecordFollowUp";

		public static final String TASK_CREATE_ORDER = "Task_CreateOrder";

		public static final String TASK_MARK_OPPORTUNITY_LOST = "Task_MarkOpportunityLost";

		public static final String END_EVENT_OPPORTUNITY_WON = "EndEvent_OpportunityWon";

		public static final String END_EVENT_OPPORTUNITY_LOST = "EndEvent_OpportunityLost";

		private Elements() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		public static final String OPPORTUNITY_ID = "opportunityId";

		public static final String OWNER_GROUP = "ownerGroup";

		public static final String QUOTE_ID = "quoteId";

		public static final String QUOTE_LINES = "quoteLines";

		public static final String QUOTE_AMOUNT = "quoteAmount";

		public static final String REQUESTED_DISCOUNT = "requestedDiscount";

		public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";

		public static final String QUOTE_NOTE = "quoteNote";

		public static final String ORDER_AMOUNT = "orderAmount";

		public static final String CUSTOMER_TIER = "customerTier";

		public static final String APPROVAL_LEVEL = "approvalLevel";

		public static final String MAX_DISCOUNT = "maxDiscount";

		public static final String APPROVER_GROUP = "approverGroup";

		public static final String QUOTE_FEEDBACK = "quoteFeedback";

		public static final String APPROVAL_DECISION = "approvalDecision";

		public static final String APPROVAL_COMMENT = "approvalComment";

		public static final String APPROVAL_FEEDBACK = "approvalFeedback";

		public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";

		public static final String FOLLOW_UP_FEEDBACK = "followUpFeedback";

		public static final String FOLLOW_UP_NOTE = "followUpNote";

		public static final String LOSS_REASON = "lossReason";

		public static final String CUSTOMER_RESPONSE_REASON = "customerResponseReason";

		private Variables() {
		}

	}

	/** Message names. */
	public static final class Messages {

		public static final String QUOTE_ACCEPTED = "QuoteAccepted";

		public static final String QUOTE_DECLINED = "QuoteDeclined";

		private Messages() {
		}

	}

	/** BPMN error codes. */
	public static final class Errors {

		public static final String QUOTE_INVALID = "QUOTE_INVALID";

		public static final String APPROVAL_INVALID = "APPROVAL_INVALID";

		public static final String FOLLOW_UP_INVALID = "FOLLOW_UP_INVALID";

		private Errors() {
		}

	}

}
