package io.reflow.crm.customer;

/** The customer and contact a converted lead was matched to, and whether they are new. */
public record CustomerMatch(long customerId, long contactId, boolean customerCreated, boolean contactCreated) {
}
