package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * One version of an opportunity's quote, with its lines and the discount decision; table
 * {@code crm_quote}.
 */
@Entity
@Table(name = "crm_quote")
class Quote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "opportunity_id", nullable = false)
	private long opportunityId;

	@Column(nullable = false)
	private int version;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private QuoteStatus status = QuoteStatus.DRAFT;

	@Column(nullable = false)
	private BigDecimal amount;

	@Column(name = "requested_discount", nullable = false)
	private BigDecimal requestedDiscount;

	@Column(name = "max_discount")
	private BigDecimal maxDiscount;

	@Column(name = "approval_level")
	private String approvalLevel;

	@Column(name = "approved_discount")
	private BigDecimal approvedDiscount;

	@Column(name = "expected_close_date")
	private LocalDate expectedCloseDate;

	private String note;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decision_comment")
	private String decisionComment;

	@Column(name = "approval_overdue", nullable = false)
	private boolean approvalOverdue;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	@ElementCollection
	@CollectionTable(name = "crm_quote_line", joinColumns = @JoinColumn(name = "quote_id"))
	@OrderColumn(name = "line_no")
	private List<QuoteLine> lines = new ArrayList<>();

	protected Quote() {
	}

	Quote(long opportunityId, int version, List<QuoteLine> lines, BigDecimal amount, BigDecimal requestedDiscount,
			LocalDate expectedCloseDate, String note, Instant createdAt) {
		this.opportunityId = opportunityId;
		this.version = version;
		this.lines.addAll(lines);
		this.amount = amount;
		this.requestedDiscount = requestedDiscount;
		this.expectedCloseDate = expectedCloseDate;
		this.note = note;
		this.createdAt = createdAt;
	}

	/** The amount after the requested discount (or the approved one once decided). */
	BigDecimal netAmount() {
		BigDecimal discount = (this.approvedDiscount != null) ? this.approvedDiscount : this.requestedDiscount;
		return this.amount.multiply(BigDecimal.ONE.subtract(discount)).setScale(2, RoundingMode.HALF_UP);
	}

	void ruled(String approvalLevel, BigDecimal maxDiscount) {
		this.approvalLevel = approvalLevel;
		this.maxDiscount = maxDiscount;
		this.status = QuoteStatus.PENDING_APPROVAL;
	}

	void approve(String by, String comment, Instant at) {
		this.status = QuoteStatus.APPROVED;
		this.approvedDiscount = this.requestedDiscount;
		this.decidedBy = by;
		this.decisionComment = comment;
		this.decidedAt = at;
	}

	void reject(String by, String comment, Instant at) {
		this.status = QuoteStatus.REJECTED;
		this.decidedBy = by;
		this.decisionComment = comment;
		this.decidedAt = at;
	}

	void overdue() {
		this.approvalOverdue = true;
	}

	void sent(Instant at) {
		this.status = QuoteStatus.SENT;
		this.sentAt = at;
	}

	void answered(boolean accepted) {
		this.status = accepted ? QuoteStatus.ACCEPTED : QuoteStatus.DECLINED;
	}

	Long getId() {
		return this.id;
	}

	long getOpportunityId() {
		return this.opportunityId;
	}

	int getVersion() {
		return this.version;
	}

	QuoteStatus getStatus() {
		return this.status;
	}

	BigDecimal getAmount() {
		return this.amount;
	}

	BigDecimal getRequestedDiscount() {
		return this.requestedDiscount;
	}

	BigDecimal getMaxDiscount() {
		return this.maxDiscount;
	}

	String getApprovalLevel() {
		return this.approvalLevel;
	}

	BigDecimal getApprovedDiscount() {
		return this.approvedDiscount;
	}

	LocalDate getExpectedCloseDate() {
		return this.expectedCloseDate;
	}

	String getNote() {
		return this.note;
	}

	String getDecidedBy() {
		return this.decidedBy;
	}

	String getDecisionComment() {
		return this.decisionComment;
	}

	boolean isApprovalOverdue() {
		return this.approvalOverdue;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getDecidedAt() {
		return this.decidedAt;
	}

	Instant getSentAt() {
		return this.sentAt;
	}

	List<QuoteLine> getLines() {
		return this.lines;
	}

	String number() {
		return "Q-" + this.opportunityId + "-" + this.version;
	}

}
