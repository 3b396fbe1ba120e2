package io.reflow.crm.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.reflow.crm.sales.Forecast;
import io.reflow.crm.sales.OpportunityManagement;
import io.reflow.crm.sales.OpportunityStage;
import io.reflow.crm.sales.SalesFigures;

import org.springframework.stereotype.Service;

/**
 * The sales KPIs of {@code GET /api/kpis/sales} (definitions in {@code docs/kpis.md}):
 * the cohort of leads created in the period followed to their outcome, quotes decided in
 * the period, and the forecast of the open pipeline from today. Reads the sales module
 * through {@link SalesFigures} and {@link OpportunityManagement#forecast}.
 */
@Service
public class SalesKpis {

	/**
	 * Months of forecast, the current month first (as {@code /api/forecast} defaults).
	 */
	static final int FORECAST_MONTHS = 6;

	private final SalesFigures figures;

	private final OpportunityManagement opportunities;

	SalesKpis(SalesFigures figures, OpportunityManagement opportunities) {
		this.figures = figures;
		this.opportunities = opportunities;
	}

	public record Report(LocalDate from, LocalDate to, String group, Funnel funnel, Conversion conversion,
			Double winRate, Double averageSalesCycleDays, List<Stage> pipelineByStage, List<Forecast.Month> forecast,
			Double averageDiscount, Turnaround approvalTurnaround, LeadResponse leadResponse) {
	}

	public record Funnel(long leads, long qualified, long opportunities, long quoted, long won) {
	}

	public record Conversion(Double leadToQualified, Double qualifiedToOpportunity, Double opportunityToQuoted,
			Double quotedToWon, Double leadToWon) {
	}

	public record Stage(OpportunityStage stage, long count, BigDecimal amount) {
	}

	public record Turnaround(long count, Double averageHours) {
	}

	public record LeadResponse(long measured, long withinDue, Double withinDueRate, Double averageHours) {
	}

	public Report report(KpiPeriod period, String group) {
		var start = period.start();
		var end = period.end();
		SalesFigures.Funnel funnel = this.figures.funnel(start, end, group);
		SalesFigures.LeadResponse response = this.figures.leadResponse(start, end, group);
		SalesFigures.Discounts discounts = this.figures.discounts(start, end, group);
		return new Report(period.from(), period.to(), group,
				new Funnel(funnel.leads(), funnel.qualified(), funnel.opportunities(), funnel.quoted(), funnel.won()),
				new Conversion(KpiRates.rate(funnel.qualified(), funnel.leads()),
						KpiRates.rate(funnel.opportunities(), funnel.qualified()),
						KpiRates.rate(funnel.quoted(), funnel.opportunities()),
						KpiRates.rate(funnel.won(), funnel.quoted()), KpiRates.rate(funnel.won(), funnel.leads())),
				KpiRates.rate(funnel.won(), funnel.won() + funnel.lost()),
				KpiRates.in(funnel.averageWonCycleSeconds(), 86_400),
				this.figures.pipelineByStage(start, end, group)
					.stream()
					.map((stage) -> new Stage(stage.stage(), stage.count(), stage.amount()))
					.toList(),
				forecast(group), discounts.averageDiscount(),
				new Turnaround(discounts.approvals(), KpiRates.in(discounts.averageApprovalSeconds(), 3600)),
				new LeadResponse(response.measured(), response.withinDue(),
						KpiRates.rate(response.withinDue(), response.measured()),
						KpiRates.in(response.averageSeconds(), 3600)));
	}

	/** The forecast months; with a group, each month holds that group's bucket only. */
	private List<Forecast.Month> forecast(String group) {
		List<Forecast.Month> months = this.opportunities.forecast(FORECAST_MONTHS).months();
		if (group == null) {
			return months;
		}
		return months.stream().map((month) -> {
			List<Forecast.Bucket> mine = month.byGroup()
				.stream()
				.filter((bucket) -> Objects.equals(bucket.group(), group))
				.toList();
			return mine.isEmpty()
					? new Forecast.Month(month.month(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0,
							mine)
					: new Forecast.Month(month.month(), mine.get(0).pipeline(), mine.get(0).weighted(),
							mine.get(0).opportunities(), mine);
		}).toList();
	}

}
