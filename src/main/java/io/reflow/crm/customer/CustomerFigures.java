package io.reflow.crm.customer;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only customer figures for the KPI dashboard: counts by tier and region (one
 * grouped query) and the short profiles of a few customers (one query).
 */
@Service
@Transactional(readOnly = true)
public class CustomerFigures {

	private final EntityManager entityManager;

	CustomerFigures(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** What a ranking shows of a customer. */
	public record Profile(long id, String companyName, Tier tier, Region region) {
	}

	/** All customers counted by tier and region. */
	public record Counts(long customers, Map<Tier, Long> byTier, Map<Region, Long> byRegion) {
	}

	public Counts counts() {
		Map<Tier, Long> byTier = new EnumMap<>(Tier.class);
		Map<Region, Long> byRegion = new EnumMap<>(Region.class);
		for (Tier tier : Tier.values()) {
			byTier.put(tier, 0L);
		}
		for (Region region : Region.values()) {
			byRegion.put(region, 0L);
		}
		long total = 0;
		for (Object[] row : this.entityManager
			.createQuery("select c.tier, c.region, count(c) from Customer c group by c.tier, c.region", Object[].class)
			.getResultList()) {
			long count = ((Number) row[2]).longValue();
			byTier.merge((Tier) row[0], count, Long::sum);
			byRegion.merge((Region) row[1], count, Long::sum);
			total += count;
		}
		return new Counts(total, byTier, byRegion);
	}

	/** The profiles of the customers asked for (unknown ids are left out). */
	public Map<Long, Profile> profiles(Collection<Long> ids) {
		Map<Long, Profile> profiles = new HashMap<>();
		if (ids.isEmpty()) {
			return profiles;
		}
		for (Object[] row : this.entityManager
			.createQuery("select c.id, c.companyName, c.tier, c.region from Customer c where c.id in :ids",
					Object[].class)
			.setParameter("ids", ids)
			.getResultList()) {
			long id = ((Number) row[0]).longValue();
			profiles.put(id, new Profile(id, (String) row[1], (Tier) row[2], (Region) row[3]));
		}
		return profiles;
	}

}
