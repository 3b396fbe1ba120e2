package io.reflow.crm.marketing;

import java.time.Instant;

/** A campaign member as the API returns it. */
public record MemberView(long id, long contactId, long customerId, String name, String company, String email,
		String phone, Instant addedAt) {

	static MemberView of(CampaignMember m) {
		return new MemberView(m.id, m.contactId, m.customerId, m.name, m.company, m.email, m.phone, m.addedAt);
	}

}
