package io.reflow.crm.customer;

import java.time.Instant;
import java.util.List;

/** A customer as the API returns it. */
public record CustomerView(long id, String companyName, String industry, Region region, Integer employeeCount,
		Tier tier, String ownerGroup, CustomerStatus status, Instant createdAt, long version,
		List<ContactView> contacts) {

	/**
	 * A contact as the API returns it; {@code optedOutAt} is when the contact
	 * unsubscribed from campaigns.
	 */
	public record ContactView(long id, String name, String email, String phone, String role, Instant optedOutAt) {
	}

	static CustomerView of(Customer customer) {
		return new CustomerView(customer.getId(), customer.getCompanyName(), customer.getIndustry(),
				customer.getRegion(), customer.getEmployeeCount(), customer.getTier(), customer.getOwnerGroup(),
				customer.getStatus(), customer.getCreatedAt(), customer.getVersion(),
				customer.getContacts()
					.stream()
					.map((contact) -> new ContactView(contact.getId(), contact.getName(), contact.getEmail(),
							contact.getPhone(), contact.getRole(), contact.getOptedOutAt()))
					.toList());
	}

}
