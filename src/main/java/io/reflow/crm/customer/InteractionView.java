package io.reflow.crm.customer;

import java.time.Instant;

/** A timeline entry as the API returns it. */
public record InteractionView(long id, Long customerId, Long leadId, Long opportunityId, Long campaignId, String type,
		String summary, String actor, Instant occurredAt) {
}
