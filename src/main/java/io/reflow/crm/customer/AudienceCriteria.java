package io.reflow.crm.customer;

/**
 * Which contacts a campaign addresses: every criterion that is not null must hold (an
 * industry matches a customer's industry code or label, ignoring case; the employee range
 * is inclusive). Contacts who opted out and customers that are inactive or blocked never
 * match.
 */
public record AudienceCriteria(Region region, Industry industry, Tier tier, Integer minEmployees,
		Integer maxEmployees) {
}
