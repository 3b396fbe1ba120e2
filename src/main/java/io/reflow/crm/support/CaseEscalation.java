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

/** One escalation of a case; table {@code crm_case_escalation}. */
@Entity
@Table(name = "crm_case_escalation")
class CaseEscalation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "case_id", nullable = false)
	long caseId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	Breach breach;

	@Column(nullable = false)
	int level;

	@Column(name = "escalated_to", nullable = false)
	String escalatedTo;

	@Column(name = "notify_account_owner", nullable = false)
	boolean notifyAccountOwner;

	@Column(name = "priority_before", nullable = false)
	String priorityBefore;

	@Column(name = "priority_after", nullable = false)
	String priorityAfter;

	@Column(name = "escalated_at", nullable = false)
	Instant escalatedAt;

	protected CaseEscalation() {
	}

	CaseEscalation(long caseId, Breach breach, int level, String escalatedTo, boolean notifyAccountOwner,
			String priorityBefore, String priorityAfter, Instant escalatedAt) {
		this.caseId = caseId;
		this.breach = breach;
		this.level = level;
		this.escalatedTo = escalatedTo;
		this.notifyAccountOwner = notifyAccountOwner;
		this.priorityBefore = priorityBefore;
		this.priorityAfter = priorityAfter;
		this.escalatedAt = escalatedAt;
	}

	CaseView.EscalationView view() {
		return new CaseView.EscalationView(this.breach, this.level, this.escalatedTo, this.notifyAccountOwner,
				this.priorityBefore, this.priorityAfter, this.escalatedAt);
	}

}
