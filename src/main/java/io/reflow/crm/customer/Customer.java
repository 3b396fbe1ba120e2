package io.reflow.crm.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer company with its contacts; table {@code crm_customer}. */
@Entity
@Table(name = "crm_customer")
class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "company_name", nullable = false)
	private String companyName;

	private String industry;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Region region;

	@Column(name = "employee_count")
	private Integer employeeCount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Tier tier;

	@Column(name = "owner_group")
	private String ownerGroup;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CustomerStatus status;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<Contact> contacts = new ArrayList<>();

	protected Customer() {
	}

	Customer(Instant createdAt) {
		this.createdAt = createdAt;
	}

	void update(CustomerDraft draft) {
		this.companyName = draft.companyName().trim();
		this.industry = blankToNull(draft.industry());
		this.region = draft.region();
		this.employeeCount = draft.employeeCount();
		this.tier = draft.tier();
		this.ownerGroup = blankToNull(draft.ownerGroup());
		this.status = (draft.status() != null) ? draft.status() : CustomerStatus.ACTIVE;
	}

	void activate() {
		this.status = CustomerStatus.ACTIVE;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	Contact addContact(ContactDraft draft) {
		Contact contact = new Contact(this);
		contact.update(draft);
		this.contacts.add(contact);
		return contact;
	}

	Long getId() {
		return this.id;
	}

	String getCompanyName() {
		return this.companyName;
	}

	String getIndustry() {
		return this.industry;
	}

	Region getRegion() {
		return this.region;
	}

	Integer getEmployeeCount() {
		return this.employeeCount;
	}

	Tier getTier() {
		return this.tier;
	}

	String getOwnerGroup() {
		return this.ownerGroup;
	}

	CustomerStatus getStatus() {
		return this.status;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

	List<Contact> getContacts() {
		return this.contacts;
	}

}
