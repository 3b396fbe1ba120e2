package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.reflow.crm.customer.Tier;

/**
 * A marketing campaign: its plan (channels, budget, audience criteria, dates), the budget
 * approval, the audience size and the review; table {@code crm_campaign}. Fields are
 * package-private: {@link MarketingManagement} is the only writer.
 */
@Entity
@Table(name = "crm_campaign")
class Campaign {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false)
	String name;

	String objective;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	CampaignStatus status = CampaignStatus.DRAFT;

	/** Comma-separated {@link Channel} names, in enum order. */
	String channels;

	BigDecimal budget;

	@Enumerated(EnumType.STRING)
	Region region;

	@Enumerated(EnumType.STRING)
	Industry industry;

	@Enumerated(EnumType.STRING)
	Tier tier;

	@Enumerated(EnumType.STRING)
	@Column(name = "size_band")
	SizeBand sizeBand;

	@Column(name = "start_date")
	LocalDate startDate;

	@Column(name = "end_date")
	LocalDate endDate;

	/** Percent, 0 to 100. */
	@Column(name = "expected_response_rate")
	BigDecimal expectedResponseRate;

	@Column(name = "approver_group")
	String approverGroup;

	@Column(name = "approved_by")
	String approvedBy;

	@Column(name = "approved_at")
	Instant approvedAt;

	/** Why the plan came back: the reviewer's comment or an empty audience. */
	String feedback;

	@Column(name = "cancel_reason")
	String cancelReason;

	@Column(name = "member_count")
	Integer memberCount;

	@Column(name = "calls_reached")
	Integer callsReached;

	@Column(name = "call_note")
	String callNote;

	@Column(name = "evaluated_at")
	Instant evaluatedAt;

	@Column(name = "lessons_learned")
	String lessonsLearned;

	@Column(name = "reviewed_by")
	String reviewedBy;

	@Column(name = "created_by")
	String createdBy;

	@Column(name = "process_instance_id")
	String processInstanceId;

	@Column(name = "created_at", nullable = false, updatable = false)
	Instant createdAt;

	@Column(name = "started_at")
	Instant startedAt;

	@Column(name = "closed_at")
	Instant closedAt;

	@Version
	long version;

	protected Campaign() {
	}

	Campaign(String createdBy, Instant createdAt) {
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	Set<Channel> channelSet() {
		if (this.channels == null || this.channels.isBlank()) {
			return EnumSet.noneOf(Channel.class);
		}
		return Arrays.stream(this.channels.split(","))
			.map(Channel::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
	}

	void channels(Set<Channel> channels) {
		this.channels = (channels == null || channels.isEmpty()) ? null
				: EnumSet.copyOf(channels).stream().map(Channel::name).collect(Collectors.joining(","));
	}

	String number() {
		return "CMP-" + this.id;
	}

}
