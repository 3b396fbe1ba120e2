package io.reflow.crm.customer.web;

import java.util.List;

import io.reflow.crm.customer.CustomerView;

/**
 * Everything the customer 360 page shows, already formatted for people: the page only
 * prints these strings (escaped), it computes nothing.
 */
record Customer360(CustomerView customer, String createdAt, List<ContactRow> contacts, List<TimelineRow> timeline,
		boolean timelineHasMore, int timelinePage, List<LeadRow> leads, List<OpportunityRow> opportunities,
		List<QuoteRow> quotes, List<OrderRow> orders, String revenue, List<CaseRow> openCases,
		List<CaseRow> closedCases, List<CampaignRow> campaigns, List<TaskRow> tasks) {

	record ContactRow(String name, String role, String email, String phone, boolean optedOut, String optedOutAt) {
	}

	/** One timeline entry; {@code area} is Sales, Marketing or Service. */
	record TimelineRow(String occurredAt, String area, String type, String summary, String actor) {
	}

	record LeadRow(long id, String company, String contact, String status, String score, String group,
			String createdAt) {
	}

	record OpportunityRow(long id, String name, String stage, String amount, String weighted, String expectedClose,
			String ownerGroup) {
	}

	record QuoteRow(String number, String opportunity, String status, String netAmount, String createdAt) {
	}

	record OrderRow(String number, String opportunity, String amount, String placedAt) {
	}

	/**
	 * One case; {@code slaClass} is {@code ok}, {@code breached} or {@code met} for the
	 * badge's colour.
	 */
	record CaseRow(String number, String subject, String status, String priority, String group, String sla,
			String slaClass, String createdAt) {
	}

	record CampaignRow(String number, String name, String status, String period, String members, String responses) {
	}

	/** An open task the signed-in user may work on, with its Tasklist address. */
	record TaskRow(String name, String concerns, String group, String assignee, String createdAt, String due,
			String link) {
	}

}
