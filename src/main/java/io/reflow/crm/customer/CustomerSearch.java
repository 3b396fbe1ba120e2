package io.reflow.crm.customer;

/**
 * Criteria of a customer search; every one is optional.
 *
 * @param name part of the company name, case-insensitive
 */
public record CustomerSearch(String name, Region region, Tier tier) {
}
