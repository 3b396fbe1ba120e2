package io.reflow.crm.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a customer's timeline; table {@code crm_interaction}. */
@Entity
@Table(name = "crm_interaction")
class Interaction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "customer_id")
	private Long customerId;

	@Column(name = "lead_id")
	private Long leadId;

	@Column(name = "opportunity_id")
	private Long opportunityId;

	@Column(name = "campaign_id")
	private Long campaignId;

	@Column(nullable = false)
	private String type;

	@Column(nullable = false)
	private String summary;

	private String actor;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	protected Interaction() {
	}

	Interaction(InteractionDraft draft, String actor, Instant occurredAt) {
		this.customerId = draft.customerId();
		this.leadId = draft.leadId();
		this.opportunityId = draft.opportunityId();
		this.campaignId = draft.campaignId();
		this.type = draft.type();
		this.summary = (draft.summary().length() > 500) ? draft.summary().substring(0, 500) : draft.summary();
		this.actor = actor;
		this.occurredAt = occurredAt;
	}

	void attachTo(long customerId) {
		this.customerId = customerId;
	}

	InteractionView view() {
		return new InteractionView(this.id, this.customerId, this.leadId, this.opportunityId, this.campaignId,
				this.type, this.summary, this.actor, this.occurredAt);
	}

}
