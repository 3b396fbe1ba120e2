package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A sales opportunity; table {@code crm_opportunity}. */
@Entity
@Table(name = "crm_opportunity")
class Opportunity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "lead_id")
	private Long leadId;

	@Column(name = "customer_id", nullable = false)
	private long customerId;

	@Column(name = "contact_id")
	private Long contactId;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OpportunityStage stage = OpportunityStage.QUALIFICATION;

	private BigDecimal amount;

	@Column(name = "expected_close_date")
	private LocalDate expectedCloseDate;

	@Column(name = "owner_group", nullable = false)
	private String ownerGroup;

	@Column(name = "rework_count", nullable = false)
	private int reworkCount;

	@Column(name = "loss_reason")
	private String lossReason;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Version
	private long version;

	protected Opportunity() {
	}

	Opportunity(OpportunityDraft draft, Instant createdAt) {
		this.leadId = draft.leadId();
		this.customerId = draft.customerId();
		this.contactId = draft.contactId();
		this.name = (draft.name().length() > 200) ? draft.name().substring(0, 200) : draft.name();
		this.ownerGroup = draft.ownerGroup();
		this.amount = draft.amount();
		this.expectedCloseDate = draft.expectedCloseDate();
		this.createdAt = createdAt;
	}

	void started(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void proposed(BigDecimal amount, LocalDate expectedCloseDate) {
		this.stage = OpportunityStage.PROPOSAL;
		this.amount = amount;
		this.expectedCloseDate = expectedCloseDate;
	}

	void reworked() {
		this.reworkCount++;
	}

	void negotiating() {
		this.stage = OpportunityStage.NEGOTIATION;
	}

	void won(BigDecimal amount, Instant at) {
		this.stage = OpportunityStage.WON;
		this.amount = amount;
		this.closedAt = at;
	}

	void lost(String reason, Instant at) {
		this.stage = OpportunityStage.LOST;
		this.lossReason = reason;
		this.closedAt = at;
	}

	Long getId() {
		return this.id;
	}

	Long getLeadId() {
		return this.leadId;
	}

	long getCustomerId() {
		return this.customerId;
	}

	Long getContactId() {
		return this.contactId;
	}

	String getName() {
		return this.name;
	}

	OpportunityStage getStage() {
		return this.stage;
	}

	BigDecimal getAmount() {
		return this.amount;
	}

	LocalDate getExpectedCloseDate() {
		return this.expectedCloseDate;
	}

	String getOwnerGroup() {
		return this.ownerGroup;
	}

	int getReworkCount() {
		return this.reworkCount;
	}

	String getLossReason() {
		return this.lossReason;
	}

	String getProcessInstanceId() {
		return this.processInstanceId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getClosedAt() {
		return this.closedAt;
	}

}
