package io.reflow.crm.support;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer-service case with its SLA and outcome; table {@code crm_case}. */
@Entity
@Table(name = "crm_case")
class ServiceCase {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "customer_id", nullable = false)
	long customerId;

	@Column(name = "contact_id")
	Long contactId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	CaseChannel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	CaseCategory category;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	CaseSeverity severity;

	@Column(nullable = false)
	String subject;

	@Column(nullable = false)
	String description;

	@Column(name = "external_ref")
	String externalRef;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	CaseStatus status = CaseStatus.OPEN;

	String priority;

	@Column(name = "assignee_group")
	String assigneeGroup;

	@Column(name = "sla_calendar")
	String slaCalendar;

	@Column(name = "response_due")
	String responseDue;

	@Column(name = "resolution_due")
	String resolutionDue;

	@Column(name = "response_due_at")
	Instant responseDueAt;

	@Column(name = "resolution_due_at")
	Instant resolutionDueAt;

	@Column(name = "first_response_at")
	Instant firstResponseAt;

	@Column(name = "responded_by")
	String respondedBy;

	@Column(name = "response_breached", nullable = false)
	boolean responseBreached;

	@Column(name = "resolution_breached", nullable = false)
	boolean resolutionBreached;

	String diagnosis;

	String resolution;

	@Column(name = "resolved_at")
	Instant resolvedAt;

	@Column(name = "feedback_due_at")
	Instant feedbackDueAt;

	Integer csat;

	@Column(name = "feedback_comment")
	String feedbackComment;

	@Column(name = "closed_at")
	Instant closedAt;

	@Column(name = "close_reason")
	String closeReason;

	@Column(name = "escalation_level", nullable = false)
	int escalationLevel;

	@Column(name = "reopen_count", nullable = false)
	int reopenCount;

	@Column(name = "process_instance_id")
	String processInstanceId;

	@Column(name = "created_at", nullable = false, updatable = false)
	Instant createdAt;

	@Version
	long version;

	protected ServiceCase() {
	}

	ServiceCase(CaseDraft draft, Instant createdAt) {
		this.customerId = draft.customerId();
		this.contactId = draft.contactId();
		this.channel = draft.channel();
		this.category = draft.category();
		this.severity = draft.severity();
		this.subject = draft.subject().trim();
		this.description = draft.description().trim();
		this.externalRef = (draft.externalRef() == null || draft.externalRef().isBlank()) ? null
				: draft.externalRef().trim();
		this.createdAt = createdAt;
	}

	String number() {
		return "C-" + this.id;
	}

}
