package io.reflow.crm.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.reflow.crm.marketing.CampaignStatus;
import io.reflow.crm.marketing.MarketingFigures;
import io.reflow.crm.sales.CampaignAttribution;
import io.reflow.crm.sales.SalesAttribution;

import org.springframework.stereotype.Service;

/**
 * The marketing KPIs of {@code GET /api/kpis/marketing} (definitions in
 * {@code docs/kpis.md}): every campaign created in the period with its members,
 * responders and what sales made of its leads to date, and the totals over them. Reads
 * {@link MarketingFigures} and {@link SalesAttribution}.
 */
@Service
public class MarketingKpis {

	private final MarketingFigures figures;

	private final SalesAttribution attribution;

	MarketingKpis(MarketingFigures figures, SalesAttribution attribution) {
		this.figures = figures;
		this.attribution = attribution;
	}

	public record Report(LocalDate from, LocalDate to, List<Campaign> campaigns, Totals totals) {
	}

	public record Campaign(long id, String name, CampaignStatus status, BigDecimal budget, long members,
			long responders, Double responseRate, long leads, BigDecimal costPerLead, BigDecimal attributedRevenue,
			Double roi) {
	}

	public record Totals(long campaigns, BigDecimal budget, long members, long responders, Double responseRate,
			long leads, BigDecimal costPerLead, BigDecimal attributedRevenue, Double roi) {
	}

	public Report report(KpiPeriod period) {
		List<MarketingFigures.CampaignFigures> created = this.figures.campaignsCreated(period.start(), period.end());
		Map<Long, CampaignAttribution> sales = this.attribution
			.ofCampaigns(created.stream().map(MarketingFigures.CampaignFigures::id).toList());
		List<Campaign> campaigns = new ArrayList<>();
		BigDecimal budget = BigDecimal.ZERO;
		BigDecimal revenue = BigDecimal.ZERO;
		long members = 0;
		long responders = 0;
		long leads = 0;
		for (MarketingFigures.CampaignFigures campaign : created) {
			CampaignAttribution attributed = sales.get(campaign.id());
			campaigns.add(new Campaign(campaign.id(), campaign.name(), campaign.status(), campaign.budget(),
					campaign.members(), campaign.responders(), KpiRates.rate(campaign.responders(), campaign.members()),
					attributed.leads(), KpiRates.per(campaign.budget(), attributed.leads()), attributed.revenue(),
					KpiRates.roi(attributed.revenue(), campaign.budget())));
			budget = (campaign.budget() != null) ? budget.add(campaign.budget()) : budget;
			revenue = revenue.add(attributed.revenue());
			members += campaign.members();
			responders += campaign.responders();
			leads += attributed.leads();
		}
		return new Report(period.from(), period.to(), campaigns,
				new Totals(campaigns.size(), budget, members, responders, KpiRates.rate(responders, members), leads,
						KpiRates.per(budget.signum() > 0 ? budget : null, leads), revenue,
						KpiRates.roi(revenue, budget)));
	}

}
