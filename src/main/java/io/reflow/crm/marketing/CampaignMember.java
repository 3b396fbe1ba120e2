package io.reflow.crm.marketing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.reflow.crm.customer.AudienceContact;

/**
 * A contact selected for a campaign, with the name and addresses it had then; table
 * {@code crm_campaign_member}.
 */
@Entity
@Table(name = "crm_campaign_member")
class CampaignMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "campaign_id", nullable = false)
	long campaignId;

	@Column(name = "contact_id", nullable = false)
	long contactId;

	@Column(name = "customer_id", nullable = false)
	long customerId;

	@Column(nullable = false)
	String name;

	@Column(nullable = false)
	String company;

	String email;

	String phone;

	@Column(name = "added_at", nullable = false)
	Instant addedAt;

	protected CampaignMember() {
	}

	CampaignMember(long campaignId, AudienceContact contact, Instant addedAt) {
		this.campaignId = campaignId;
		this.contactId = contact.contactId();
		this.customerId = contact.customerId();
		this.name = contact.name();
		this.company = contact.company();
		this.email = contact.email();
		this.phone = contact.phone();
		this.addedAt = addedAt;
	}

	/** The address for a channel: e-mail for EMAIL and EVENT, phone for SMS and PHONE. */
	String address(Channel channel) {
		return switch (channel) {
			case EMAIL, EVENT -> this.email;
			case SMS, PHONE -> this.phone;
		};
	}

}
