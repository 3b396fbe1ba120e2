package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;

/** A lead as the API returns it. */
public record LeadView(long id, LeadStatus status, Integer score, String assigneeGroup, String firstContactDue,
		Instant dueAt, Instant escalatedAt, Long opportunityId, Long customerId, Long campaignId, String externalRef,
		String companyName, String contactName, String email, String phone, LeadSource source, Region region,
		Industry industry, int companySize, boolean budgetConfirmed, BigDecimal budgetAmount,
		Boolean authorityConfirmed, String need, Timeline timeline, DisqualificationReason disqualificationReason,
		String disqualificationNote, String processInstanceId, Instant createdAt, Instant decidedAt) {

	static LeadView of(Lead lead) {
		return new LeadView(lead.getId(), lead.getStatus(), lead.getScore(), lead.getAssigneeGroup(),
				lead.getFirstContactDue(), lead.getDueAt(), lead.getEscalatedAt(), lead.getOpportunityId(),
				lead.getCustomerId(), lead.getCampaignId(), lead.getExternalRef(), lead.getCompanyName(),
				lead.getContactName(), lead.getEmail(), lead.getPhone(), lead.getSource(), lead.getRegion(),
				lead.getIndustry(), lead.getCompanySize(), lead.isBudgetConfirmed(), lead.getBudgetAmount(),
				lead.getAuthorityConfirmed(), lead.getNeed(), lead.getTimeline(), lead.getDisqualificationReason(),
				lead.getDisqualificationNote(), lead.getProcessInstanceId(), lead.getCreatedAt(), lead.getDecidedAt());
	}

}
