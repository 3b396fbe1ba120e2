package io.reflow.crm.sales.process;

/**
 * Names the code shares with {@code processes/sales/lead-qualification.bpmn} (the to-be
 * version) and {@code lead-qualification.as-is.bpmn} (the earlier version, which lacks
 * the fast-track elements).
 */
public final class LeadQualificationProcess {

	public static final String KEY = "lead-qualification";

	private LeadQualificationProcess() {
	}

	public static String businessKey(long leadId) {
		return "lead-" + leadId;
	}

	/** Element ids. */
	public static final class Elements {

		public static final String START_EVENT_LEAD_CREATED = "StartEvent_LeadCreated";

		public static final String TASK_SCORE_LEAD = "Task_ScoreLead";

		public static final String TASK_RECORD_LEAD_SCORE = "Task_RecordLeadScore";

		public static final String TASK_ASSIGN_LEAD = "Task_AssignLead";

		public static final String GATEWAY_NURTURE_OR_SALES = "Gateway_NurtureOrSales";

		public static final String TASK_HAND_OVER_TO_NURTURING = "Task_HandOverToNurturing";

		public static final String END_EVENT_LEAD_NURTURING = "EndEvent_LeadNurturing";

		public static final String TASK_RECORD_ASSIGNMENT = "Task_RecordAssignment";

		public static final String TASK_DECIDE_FAST_TRACK = "Task_DecideFastTrack";

		public static final String GATEWAY_FAST_TRACK = "Gateway_FastTrack";

		public static final String TASK_FAST_TRACK_LEAD = "Task_FastTrackLead";

		public static final String END_EVENT_LEAD_FAST_TRACKED = "EndEvent_LeadFastTracked";

		public static final String TASK_QUALIFY_LEAD = "Task_QualifyLead";

		public static final String BOUNDARY_EVENT_FIRST_CONTACT_OVERDUE = "BoundaryEvent_FirstContactOverdue";

		public static final String TASK_ESCALATE_LEAD = "Task_EscalateLead";

		public static final String END_EVENT_LEAD_ESCALATED = "EndEvent_LeadEscalated";

		public static final String TASK_RECORD_QUALIFICATION = "Task_RecordQualification";

		public static final String BOUNDARY_EVENT_QUALIFICATION_INVALID = "BoundaryEvent_QualificationInvalid";

		public static final String GATEWAY_LEAD_QUALIFIED = "Gateway_LeadQualified";

		public static final String TASK_DISQUALIFY_LEAD = "Task_DisqualifyLead";

		public static final String END_EVENT_LEAD_DISQUALIFIED = "EndEvent_LeadDisqualified";

		public static final String TASK_CONVERT_LEAD = "Task_ConvertLead";

		public static final String END_EVENT_LEAD_CONVERTED = "EndEvent_LeadConverted";

		private Elements() {
		}

	}

	/** Process variables. */
	public static final class Variables {

		public static final String LEAD_ID = "leadId";

		public static final String SOURCE = "source";

		public static final String COMPANY_SIZE = "companySize";

		public static final String BUDGET_CONFIRMED = "budgetConfirmed";

		public static final String INDUSTRY = "industry";

		public static final String REGION = "region";

		public static final String LEAD_SCORE = "leadScore";

		public static final String ASSIGNEE_GROUP = "assigneeGroup";

		public static final String FIRST_CONTACT_DUE = "firstContactDue";

		public static final String FAST_TRACK = "fastTrack";

		public static final String FIRST_CONTACT_DUE_AT = "firstContactDueAt";

		public static final String ESCALATION_GROUP = "escalationGroup";

		public static final String QUALIFICATION_OUTCOME = "qualificationOutcome";

		public static final String BUDGET_AMOUNT = "budgetAmount";

		public static final String AUTHORITY_CONFIRMED = "authorityConfirmed";

		public static final String NEED = "need";

		public static final String TIMELINE = "timeline";

		public static final String DISQUALIFICATION_REASON = "disqualificationReason";

		public static final String DISQUALIFICATION_NOTE = "disqualificationNote";

		public static final String QUALIFICATION_FEEDBACK = "qualificationFeedback";

		public static final String OPPORTUNITY_ID = "opportunityId";

		private Variables() {
		}

	}

	/** BPMN error codes. */
	public static final class Errors {

		public static final String QUALIFICATION_INVALID = "QUALIFICATION_INVALID";

		private Errors() {
		}

	}

}
