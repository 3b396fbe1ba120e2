package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A campaign as the API returns it. */
public record CampaignView(long id, String number, String name, String objective, CampaignStatus status,
		Set<Channel> channels, BigDecimal budget, CampaignDraft.Audience audience, LocalDate startDate,
		LocalDate endDate, BigDecimal expectedResponseRate, String approverGroup, String approvedBy, Instant approvedAt,
		String feedback, String cancelReason, Integer memberCount, Integer callsReached, Instant evaluatedAt,
		String lessonsLearned, String reviewedBy, String createdBy, Instant createdAt, Instant startedAt,
		Instant closedAt, String processInstanceId) {

	static CampaignView of(Campaign c) {
		return new CampaignView(c.id, c.number(), c.name, c.objective, c.status, c.channelSet(), c.budget,
				new CampaignDraft.Audience(c.region, c.industry, c.tier, c.sizeBand), c.startDate, c.endDate,
				c.expectedResponseRate, c.approverGroup, c.approvedBy, c.approvedAt, c.feedback, c.cancelReason,
				c.memberCount, c.callsReached, c.evaluatedAt, c.lessonsLearned, c.reviewedBy, c.createdBy, c.createdAt,
				c.startedAt, c.closedAt, c.processInstanceId);
	}

}
