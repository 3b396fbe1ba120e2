package io.reflow.crm.kpi.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.kpi.CustomerKpis;
import io.reflow.crm.kpi.ProcessKpis;
import io.reflow.crm.kpi.MarketingKpis;
import io.reflow.crm.kpi.SalesKpis;
import io.reflow.crm.kpi.ServiceKpis;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/kpis/sales}, {@code /marketing}, {@code /service}, {@code /customers}: the
 * domain KPIs of the dashboard, for the manager groups (see {@code docs/kpis.md}).
 */
@RestController
@Tag(name = "Domain KPIs", description = "Sales, marketing, service and customer KPIs (docs/kpis.md)")
class DomainKpiController {

	private static final String PERIOD = "Days from..to inclusive (yyyy-MM-dd, Asia/Shanghai); default the last 30 "
			+ "days ending today; from after to or more than 366 days is a 400.";

	private final SalesKpis sales;

	private final MarketingKpis marketing;

	private final ServiceKpis service;

	private final CustomerKpis customers;

	private final ProcessKpis processes;

	/**
	 * The period parsing shares the zone of the process KPIs ({@code reflow.kpi.zone}).
	 */
	DomainKpiController(SalesKpis sales, MarketingKpis marketing, ServiceKpis service, CustomerKpis customers,
			ProcessKpis processes) {
		this.sales = sales;
		this.marketing = marketing;
		this.service = service;
		this.customers = customers;
		this.processes = processes;
	}

	@GetMapping("/api/kpis/sales")
	@Operation(summary = "Sales funnel, conversion, win rate, cycle, pipeline, forecast, discounts, lead response",
			description = PERIOD + " Cohort: the leads created in the period followed to their outcome; discounts "
					+ "and approvals: quotes decided in the period; forecast: the open pipeline from this month. "
					+ "group: the lead's assignee group / the opportunity's owner group.")
	SalesKpis.Report sales(
			@Parameter(description = "first day") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "last day") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String group) {
		return this.sales.report(this.processes.period(from, to), blankToNull(group));
	}

	@GetMapping("/api/kpis/marketing")
	@Operation(summary = "Per campaign created in the period: members, response rate, leads, cost per lead, "
			+ "attributed revenue, ROI; and the totals", description = PERIOD)
	MarketingKpis.Report marketing(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.marketing.report(this.processes.period(from, to));
	}

	@GetMapping("/api/kpis/service")
	@Operation(
			summary = "Open cases by priority and group; first response and resolution vs SLA, breach rate, "
					+ "escalations, reopen rate and CSAT of the cases created in the period",
			description = PERIOD + " group: the case's assignee group.")
	ServiceKpis.Report service(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String group) {
		return this.service.report(this.processes.period(from, to), blankToNull(group));
	}

	@GetMapping("/api/kpis/customers")
	@Operation(summary = "Customers ranked by revenue to date with the cumulative share (top 50), the share of the "
			+ "top 20 %, counts by tier and region")
	CustomerKpis.Report customers() {
		return this.customers.report();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
