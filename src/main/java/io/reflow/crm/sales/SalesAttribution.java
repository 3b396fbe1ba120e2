package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes leads, opportunities and won orders to the campaigns their leads came from:
 * an order counts for a campaign when its opportunity was converted from a lead with that
 * campaign id. Two grouped queries, however many campaigns are asked for.
 */
@Service
@Transactional(readOnly = true)
public class SalesAttribution {

	private final EntityManager entityManager;

	SalesAttribution(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	public CampaignAttribution ofCampaign(long campaignId) {
		return ofCampaigns(List.of(campaignId)).get(campaignId);
	}

	/** The attribution of each campaign asked for; campaigns without leads get zeros. */
	public Map<Long, CampaignAttribution> ofCampaigns(Collection<Long> campaignIds) {
		Map<Long, CampaignAttribution> result = new HashMap<>();
		campaignIds.forEach((id) -> result.put(id, CampaignAttribution.NONE));
		if (campaignIds.isEmpty()) {
			return result;
		}
		List<Object[]> leads = this.entityManager.createQuery("""
				select l.campaignId, count(l),
				       sum(case when l.status = io.reflow.crm.sales.LeadStatus.CONVERTED then 1 else 0 end),
				       count(l.opportunityId)
				from Lead l where l.campaignId in :ids group by l.campaignId""", Object[].class)
			.setParameter("ids", campaignIds)
			.getResultList();
		List<Object[]> orders = this.entityManager
			.createQuery("""
					select l.campaignId, count(o), coalesce(sum(o.amount), 0)
					from SalesOrder o, Lead l
					where l.opportunityId = o.opportunityId and l.campaignId in :ids group by l.campaignId""",
					Object[].class)
			.setParameter("ids", campaignIds)
			.getResultList();
		for (Object[] row : leads) {
			result.put((Long) row[0],
					new CampaignAttribution(number(row[1]), number(row[2]), number(row[3]), 0, BigDecimal.ZERO));
		}
		for (Object[] row : orders) {
			CampaignAttribution leadsOnly = result.get((Long) row[0]);
			result.put((Long) row[0], new CampaignAttribution(leadsOnly.leads(), leadsOnly.qualifiedLeads(),
					leadsOnly.opportunities(), number(row[1]), new BigDecimal(row[2].toString())));
		}
		return result;
	}

	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
