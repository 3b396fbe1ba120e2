package io.reflow.crm.marketing;

import java.time.Instant;

/**
 * A recorded response. {@code leadId} appears once sales has the lead (the hand-over runs
 * just after the response is stored).
 */
public record ResponseView(long id, long campaignId, long contactId, ResponseType type, boolean interested, String note,
		Long leadId, String recordedBy, Instant receivedAt) {

	static ResponseView of(CampaignResponse r) {
		return new ResponseView(r.id, r.campaignId, r.contactId, r.type, r.interested, r.note, r.leadId, r.recordedBy,
				r.receivedAt);
	}

}
