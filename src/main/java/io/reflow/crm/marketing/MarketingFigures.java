package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only marketing figures for the KPI dashboard: the campaigns created in
 * {@code [from, to)} with their member and responder counts, in three grouped queries
 * however many campaigns there are. What sales made of them comes from
 * {@code sales.SalesAttribution}.
 */
@Service
@Transactional(readOnly = true)
public class MarketingFigures {

	private final EntityManager entityManager;

	MarketingFigures(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * One campaign: its budget (CNY, null while unplanned), members, and responders
	 * (members who responded with anything but an unsubscribe, as in
	 * {@link CampaignResults}).
	 */
	public record CampaignFigures(long id, String name, CampaignStatus status, BigDecimal budget, long members,
			long responders) {
	}

	/** The campaigns created in the range, oldest first. */
	public List<CampaignFigures> campaignsCreated(Instant from, Instant to) {
		String inRange = "select c.id from Campaign c where c.createdAt >= :from and c.createdAt < :to";
		Map<Long, Long> members = counts("""
				select m.campaignId, count(m) from CampaignMember m
				where m.campaignId in (%s) group by m.campaignId""".formatted(inRange), from, to);
		Map<Long, Long> responders = counts("""
				select r.campaignId, count(distinct r.contactId) from CampaignResponse r
				where r.type <> io.reflow.crm.marketing.ResponseType.UNSUBSCRIBED and r.campaignId in (%s)
				group by r.campaignId""".formatted(inRange), from, to);
		return this.entityManager.createQuery("""
				select c.id, c.name, c.status, c.budget from Campaign c
				where c.createdAt >= :from and c.createdAt < :to order by c.createdAt, c.id""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()
			.stream()
			.map((row) -> {
				long id = ((Number) row[0]).longValue();
				return new CampaignFigures(id, (String) row[1], (CampaignStatus) row[2], (BigDecimal) row[3],
						members.getOrDefault(id, 0L), responders.getOrDefault(id, 0L));
			})
			.toList();
	}

	private Map<Long, Long> counts(String jpql, Instant from, Instant to) {
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : this.entityManager.createQuery(jpql, Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()) {
			counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
		}
		return counts;
	}

}
