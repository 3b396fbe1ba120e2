package io.reflow.crm.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reflow.crm.customer.CustomerFigures;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.sales.SalesFigures;

import org.springframework.stereotype.Service;

/**
 * The customer KPIs of {@code GET /api/kpis/customers} (definitions in
 * {@code docs/kpis.md}): the 80/20 view of revenue to date. Revenue per customer comes
 * from the sales orders ({@link SalesFigures}), profiles and counts from
 * {@link CustomerFigures}.
 */
@Service
public class CustomerKpis {

	/** How many customers the ranking lists. */
	static final int RANKING_SIZE = 50;

	private final SalesFigures sales;

	private final CustomerFigures customers;

	CustomerKpis(SalesFigures sales, CustomerFigures customers) {
		this.sales = sales;
		this.customers = customers;
	}

	public record Report(long customers, long top20Customers, BigDecimal revenueTotal, Double top20Share,
			List<Ranked> ranking, Map<Tier, Long> byTier, Map<Region, Long> byRegion) {
	}

	public record Ranked(long customerId, String companyName, Tier tier, Region region, BigDecimal revenue,
			Double cumulativeShare) {
	}

	public Report report() {
		CustomerFigures.Counts counts = this.customers.counts();
		long top = KpiRates.topFifth(counts.customers());
		BigDecimal total = this.sales.revenueTotal();
		List<SalesFigures.CustomerRevenue> ranked = this.sales.topCustomers((int) Math.max(RANKING_SIZE, top));
		Map<Long, CustomerFigures.Profile> profiles = this.customers
			.profiles(ranked.stream().limit(RANKING_SIZE).map(SalesFigures.CustomerRevenue::customerId).toList());
		List<Ranked> ranking = new ArrayList<>();
		BigDecimal cumulative = BigDecimal.ZERO;
		for (SalesFigures.CustomerRevenue customer : ranked.subList(0, Math.min(RANKING_SIZE, ranked.size()))) {
			cumulative = cumulative.add(customer.revenue());
			CustomerFigures.Profile profile = profiles.get(customer.customerId());
			ranking.add(new Ranked(customer.customerId(), (profile != null) ? profile.companyName() : null,
					(profile != null) ? profile.tier() : null, (profile != null) ? profile.region() : null,
					customer.revenue(), KpiRates.rate(cumulative, total)));
		}
		return new Report(counts.customers(), top, total,
				topShare(ranked.stream().map(SalesFigures.CustomerRevenue::revenue).toList(), top, total), ranking,
				new LinkedHashMap<>(counts.byTier()), new LinkedHashMap<>(counts.byRegion()));
	}

	/**
	 * The share of {@code total} that the {@code top} largest revenues bring in, given
	 * the revenues highest first (customers without revenue may be missing: they add
	 * nothing); null without revenue.
	 */
	static Double topShare(List<BigDecimal> descending, long top, BigDecimal total) {
		BigDecimal sum = descending.stream().limit(top).reduce(BigDecimal.ZERO, BigDecimal::add);
		return KpiRates.rate(sum, total);
	}

}
