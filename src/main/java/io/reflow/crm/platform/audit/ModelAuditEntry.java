package io.reflow.crm.platform.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the model audit trail; table {@code model_audit}. */
@Entity
@Table(name = "model_audit")
class ModelAuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "occurred_at", nullable = false)
	Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	ModelAuditAction action;

	String actor;

	String source;

	String subject;

	String resources;

	String detail;

	protected ModelAuditEntry() {
	}

	ModelAuditEntry(Instant occurredAt, ModelAuditAction action, String actor, String source, String subject,
			String resources, String detail) {
		this.occurredAt = occurredAt;
		this.action = action;
		this.actor = actor;
		this.source = source;
		this.subject = subject;
		this.resources = resources;
		this.detail = detail;
	}

}
