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
 * What a channel did for one member: an e-mail or SMS sent, an invitation, a call-list
 * entry, or nothing for want of an address or because the member opted out after being
 * selected; table {@code crm_campaign_message}.
 */
@Entity
@Table(name = "crm_campaign_message")
class CampaignMessage {

	/** The outcome per member and channel. */
	enum Status {

		SENT, INVITED, LISTED, NO_ADDRESS, OPTED_OUT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "campaign_id", nullable = false)
	long campaignId;

	@Column(name = "member_id", nullable = false)
	long memberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	Status status;

	String address;

	@Column(name = "recorded_at", nullable = false)
	Instant recordedAt;

	protected CampaignMessage() {
	}

	CampaignMessage(CampaignMember member, Channel channel, Status status, Instant recordedAt) {
		this.campaignId = member.campaignId;
		this.memberId = member.id;
		this.channel = channel;
		this.status = status;
		this.address = member.address(channel);
		this.recordedAt = recordedAt;
	}

}
