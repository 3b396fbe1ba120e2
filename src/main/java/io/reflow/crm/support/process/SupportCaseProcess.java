package io.reflow.crm.support.process;

/** Names the code shares with {@code processes/support/support-case.bpmn}. */
public final class SupportCaseProcess {

	public static final String KEY = "support-case";

	private SupportCaseProcess() {
	}

	public static String businessKey(long caseId) {
		return "case-" + caseId;
	}

	/** Element ids. */
	public static final class Elements {

		public static final String TASK_TRIAGE_CASE = "Task_TriageCase";

		public static final String TASK_SCHEDULE_SLA = "Task_ScheduleSla";

		public static final String SUB_PROCESS_WORK_CASE = "SubProcess_WorkCase";

		public static final String TASK_RESOLVE_CASE = "Task_ResolveCase";

		public static final String TASK_RECORD_RESOLUTION = "Task_RecordResolution";

		public static final String TASK_SCHEDULE_VISIT = "Task_ScheduleVisit";

		public static final String TASK_PERFORM_VISIT = "Task_PerformVisit";

		public static final String BOUNDARY_EVENT_RESPONSE_OVERDUE = "BoundaryEvent_ResponseOverdue";

		public static final String BOUNDARY_EVENT_RESOLUTION_OVERDUE = "BoundaryEvent_ResolutionOverdue";

		public static final String TASK_DECIDE_ESCALATION = "Task_DecideEscalation";

		public static final String TASK_ESCALATE_CASE = "Task_EscalateCase";

		public static final String END_EVENT_RESPONDED_IN_TIME = "EndEvent_RespondedInTime";

		public static final String END_EVENT_CASE_ESCALATED = "EndEvent_CaseEscalated";

		public static final String TASK_MARK_RESOLVED = "Task_MarkResolved";

		public static final String GATEWAY_AWAIT_FEEDBACK = "Gateway_AwaitFeedback";

		public static final String EVENT_FEEDBACK_OVERDUE = "Event_FeedbackOverdue";

		public static final String TASK_REOPEN_CASE = "Task_ReopenCase";

		public static final String TASK_RECORD_REOPEN_BREACH = "Task_RecordReopenBreach";

		public static final String TASK_CLOSE_CASE = "Task_CloseCase";

		public static final String END_EVENT_CASE_CLOSED = "EndEvent_CaseClosed";

		private Elements() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		public static final String CASE_ID = "caseId";

		public static final String CATEGORY = "category";

		public static final String SEVERITY = "severity";

		public static final String CUSTOMER_TIER = "customerTier";

		public static final String PRIORITY = "priority";

		public static final String ASSIGNEE_GROUP = "assigneeGroup";

		public static final String RESPONSE_DUE = "responseDue";

		public static final String RESOLUTION_DUE = "resolutionDue";

		public static final String SLA_CALENDAR = "slaCalendar";

		public static final String RESPONSE_DUE_AT = "responseDueAt";

		public static final String RESOLUTION_DUE_AT = "resolutionDueAt";

		public static final String DIAGNOSIS = "diagnosis";

		public static final String RESOLUTION = "resolution";

		public static final String FIELD_VISIT_NEEDED = "fieldVisitNeeded";

		public static final String RESOLVE_FEEDBACK = "resolveFeedback";

		public static final String ENGINEER = "engineer";

		public static final String VISIT_DATE = "visitDate";

		public static final String VISIT_NOTE = "visitNote";

		public static final String SCHEDULE_FEEDBACK = "scheduleFeedback";

		public static final String VISIT_REPORT = "visitReport";

		public static final String VISIT_SOLVED = "visitSolved";

		public static final String BREACH = "breach";

		public static final String BREACH_APPLIES = "breachApplies";

		public static final String ESCALATION_LEVEL = "escalationLevel";

		public static final String ESCALATE_TO = "escalateTo";

		public static final String NOTIFY_ACCOUNT_OWNER = "notifyAccountOwner";

		public static final String NEW_PRIORITY = "newPriority";

		public static final String FEEDBACK_DUE_AT = "feedbackDueAt";

		public static final String FEEDBACK_RESOLVED = "feedbackResolved";

		public static final String CSAT = "csat";

		public static final String FEEDBACK_COMMENT = "feedbackComment";

		public static final String REOPEN_COUNT = "reopenCount";

		private Variables() {
		}

	}

	/** Message names. */
	public static final class Messages {

		public static final String CUSTOMER_FEEDBACK_RECEIVED = "CustomerFeedbackReceived";

		private Messages() {
		}

	}

	/** BPMN error codes. */
	public static final class Errors {

		public static final String RESOLUTION_INVALID = "RESOLUTION_INVALID";

		public static final String VISIT_PLAN_INVALID = "VISIT_PLAN_INVALID";

		private Errors() {
		}

	}

}
