package io.reflow.crm.sales;

import java.math.BigDecimal;
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

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;

/** A sales lead and its qualification (BANT); table {@code crm_lead}. */
@Entity
@Table(name = "crm_lead")
class Lead {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "company_name", nullable = false)
	private String companyName;

	@Column(name = "contact_name", nullable = false)
	private String contactName;

	private String email;

	private String phone;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LeadSource source;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Region region;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Industry industry;

	@Column(name = "company_size", nullable = false)
	private int companySize;

	@Column(name = "budget_confirmed", nullable = false)
	private boolean budgetConfirmed;

	@Column(name = "customer_id")
	private Long customerId;

	@Column(name = "contact_id")
	private Long contactId;

	@Column(name = "campaign_id")
	private Long campaignId;

	@Column(name = "external_ref")
	private String externalRef;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LeadStatus status = LeadStatus.NEW;

	private Integer score;

	@Column(name = "assignee_group")
	private String assigneeGroup;

	@Column(name = "first_contact_due")
	private String firstContactDue;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "escalated_at")
	private Instant escalatedAt;

	@Column(name = "budget_amount")
	private BigDecimal budgetAmount;

	@Column(name = "authority_confirmed")
	private Boolean authorityConfirmed;

	private String need;

	@Enumerated(EnumType.STRING)
	private Timeline timeline;

	@Enumerated(EnumType.STRING)
	@Column(name = "disqualification_reason")
	private DisqualificationReason disqualificationReason;

	@Column(name = "disqualification_note")
	private String disqualificationNote;

	@Column(name = "opportunity_id")
	private Long opportunityId;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Version
	private long version;

	protected Lead() {
	}

	Lead(LeadDraft draft, Instant createdAt) {
		this.companyName = draft.companyName().trim();
		this.contactName = draft.contactName().trim();
		this.email = blankToNull(draft.email());
		this.phone = blankToNull(draft.phone());
		this.source = draft.source();
		this.region = draft.region();
		this.industry = draft.industry();
		this.companySize = draft.companySize();
		this.budgetConfirmed = draft.budgetConfirmed();
		this.customerId = draft.customerId();
		this.campaignId = draft.campaignId();
		this.externalRef = blankToNull(draft.externalRef());
		this.createdAt = createdAt;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	void started(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void scored(int score) {
		this.score = score;
	}

	void assigned(String group, String firstContactDue, Instant dueAt) {
		this.assigneeGroup = group;
		this.firstContactDue = firstContactDue;
		this.dueAt = dueAt;
		this.status = LeadStatus.IN_QUALIFICATION;
	}

	void nurturing(String group, String firstContactDue, Instant dueAt, Instant now) {
		this.assigneeGroup = group;
		this.firstContactDue = firstContactDue;
		this.dueAt = dueAt;
		this.status = LeadStatus.NURTURING;
		this.decidedAt = now;
	}

	void escalated(Instant at) {
		this.escalatedAt = at;
	}

	void qualified(BigDecimal budgetAmount, boolean authorityConfirmed, String need, Timeline timeline) {
		this.budgetAmount = budgetAmount;
		this.authorityConfirmed = authorityConfirmed;
		this.need = need;
		this.timeline = timeline;
	}

	void disqualified(DisqualificationReason reason, String note) {
		this.disqualificationReason = reason;
		this.disqualificationNote = note;
	}

	void closeDisqualified(Instant at) {
		this.status = LeadStatus.DISQUALIFIED;
		this.decidedAt = at;
	}

	void converted(long customerId, long contactId, long opportunityId, Instant at) {
		this.customerId = customerId;
		this.contactId = contactId;
		this.opportunityId = opportunityId;
		this.status = LeadStatus.CONVERTED;
		this.decidedAt = at;
	}

	Long getId() {
		return this.id;
	}

	String getCompanyName() {
		return this.companyName;
	}

	String getContactName() {
		return this.contactName;
	}

	String getEmail() {
		return this.email;
	}

	String getPhone() {
		return this.phone;
	}

	LeadSource getSource() {
		return this.source;
	}

	Region getRegion() {
		return this.region;
	}

	Industry getIndustry() {
		return this.industry;
	}

	int getCompanySize() {
		return this.companySize;
	}

	boolean isBudgetConfirmed() {
		return this.budgetConfirmed;
	}

	Long getCustomerId() {
		return this.customerId;
	}

	Long getContactId() {
		return this.contactId;
	}

	Long getCampaignId() {
		return this.campaignId;
	}

	String getExternalRef() {
		return this.externalRef;
	}

	LeadStatus getStatus() {
		return this.status;
	}

	Integer getScore() {
		return this.score;
	}

	String getAssigneeGroup() {
		return this.assigneeGroup;
	}

	String getFirstContactDue() {
		return this.firstContactDue;
	}

	Instant getDueAt() {
		return this.dueAt;
	}

	Instant getEscalatedAt() {
		return this.escalatedAt;
	}

	BigDecimal getBudgetAmount() {
		return this.budgetAmount;
	}

	Boolean getAuthorityConfirmed() {
		return this.authorityConfirmed;
	}

	String getNeed() {
		return this.need;
	}

	Timeline getTimeline() {
		return this.timeline;
	}

	DisqualificationReason getDisqualificationReason() {
		return this.disqualificationReason;
	}

	String getDisqualificationNote() {
		return this.disqualificationNote;
	}

	Long getOpportunityId() {
		return this.opportunityId;
	}

	String getProcessInstanceId() {
		return this.processInstanceId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getDecidedAt() {
		return this.decidedAt;
	}

}
