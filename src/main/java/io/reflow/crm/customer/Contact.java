package io.reflow.crm.customer;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A person at a customer; table {@code crm_contact}. E-mail addresses are stored in lower
 * case.
 */
@Entity
@Table(name = "crm_contact")
class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "customer_id")
	private Customer customer;

	@Column(nullable = false)
	private String name;

	private String email;

	private String phone;

	private String role;

	@Column(name = "opted_out_at")
	private Instant optedOutAt;

	@Column(name = "opted_out_campaign_id")
	private Long optedOutCampaignId;

	protected Contact() {
	}

	Contact(Customer customer) {
		this.customer = customer;
	}

	void update(ContactDraft draft) {
		this.name = draft.name().trim();
		this.email = normalizeEmail(draft.email());
		this.phone = Customer.blankToNull(draft.phone());
		this.role = Customer.blankToNull(draft.role());
	}

	/**
	 * The contact asked not to be contacted by campaigns any more; the first opt-out
	 * counts.
	 * @return whether this call opted the contact out
	 */
	boolean optOut(Long campaignId, Instant at) {
		if (this.optedOutAt != null) {
			return false;
		}
		this.optedOutAt = at;
		this.optedOutCampaignId = campaignId;
		return true;
	}

	Instant getOptedOutAt() {
		return this.optedOutAt;
	}

	Customer getCustomer() {
		return this.customer;
	}

	static String normalizeEmail(String email) {
		String value = Customer.blankToNull(email);
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getEmail() {
		return this.email;
	}

	String getPhone() {
		return this.phone;
	}

	String getRole() {
		return this.role;
	}

}
