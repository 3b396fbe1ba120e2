package io.reflow.crm.customer;

/**
 * A contact selected by {@link AudienceCriteria}, with what a campaign needs to reach it.
 */
public record AudienceContact(long contactId, long customerId, String name, String company, String email,
		String phone) {
}
