package io.reflow.crm.support;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field engineer's visit for a case; table {@code crm_field_visit}. */
@Entity
@Table(name = "crm_field_visit")
class FieldVisit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "case_id", nullable = false)
	long caseId;

	@Column(nullable = false)
	String engineer;

	@Column(name = "visit_date", nullable = false)
	LocalDate visitDate;

	String note;

	String report;

	Boolean solved;

	@Column(name = "planned_at", nullable = false)
	Instant plannedAt;

	@Column(name = "performed_at")
	Instant performedAt;

	protected FieldVisit() {
	}

	FieldVisit(long caseId, String engineer, LocalDate visitDate, String note, Instant plannedAt) {
		this.caseId = caseId;
		this.engineer = engineer;
		this.visitDate = visitDate;
		this.note = note;
		this.plannedAt = plannedAt;
	}

	CaseView.VisitView view() {
		return new CaseView.VisitView(this.engineer, this.visitDate, this.note, this.report, this.solved,
				this.performedAt);
	}

}
