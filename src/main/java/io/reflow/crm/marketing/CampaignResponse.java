package io.reflow.crm.marketing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member's response to a campaign, at most one per type; table
 * {@code crm_campaign_response}. {@code leadId} is set when the response was handed to
 * sales.
 */
@Entity
@Table(name = "crm_campaign_response")
class CampaignResponse {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "campaign_id", nullable = false)
	long campaignId;

	@Column(name = "member_id", nullable = false)
	long memberId;

	@Column(name = "contact_id", nullable = false)
	long contactId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	ResponseType type;

	/**
	 * The member wants to hear from sales: every INTERESTED, a REGISTERED that says so.
	 */
	@Column(nullable = false)
	boolean interested;

	String note;

	@Column(name = "lead_id")
	Long leadId;

	@Column(name = "recorded_by")
	String recordedBy;

	@Column(name = "received_at", nullable = false)
	Instant receivedAt;

	protected CampaignResponse() {
	}

	CampaignResponse(CampaignMember member, ResponseType type, boolean interested, String note, String recordedBy,
			Instant receivedAt) {
		this.campaignId = member.campaignId;
		this.memberId = member.id;
		this.contactId = member.contactId;
		this.type = type;
		this.interested = interested;
		this.note = note;
		this.recordedBy = recordedBy;
		this.receivedAt = receivedAt;
	}

}
