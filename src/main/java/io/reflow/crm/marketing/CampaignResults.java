package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a campaign achieved, computed live from the tables: members, what each channel did
 * (by outcome), responses by type, the response rate (members who responded with anything
 * but an unsubscribe, in percent of members) against the expected one, and what sales
 * made of it: leads, qualified leads, opportunities, won orders and their revenue (CNY).
 * Cost per lead is the budget divided by the leads, ROI is (revenue − budget) / budget;
 * both are null when undefined (no leads, no budget).
 */
public record CampaignResults(long campaignId, CampaignStatus status, long members,
		Map<Channel, Map<String, Long>> messages, Map<ResponseType, Long> responses, long responders,
		BigDecimal responseRate, BigDecimal expectedResponseRate, long leads, long qualifiedLeads, long opportunities,
		long wonOrders, BigDecimal attributedRevenue, BigDecimal budget, BigDecimal costPerLead, BigDecimal roi) {
}
