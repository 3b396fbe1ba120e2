package io.reflow.crm.customer;

/**
 * A company and person as a lead describes them, to be matched to an existing customer
 * and contact or created as new ones.
 */
public record ProspectDraft(Long customerId, String companyName, Region region, Industry industry, int employeeCount,
		String ownerGroup, String contactName, String email, String phone) {
}
