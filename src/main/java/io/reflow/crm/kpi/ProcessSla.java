package io.reflow.crm.kpi;

import org.springframework.stereotype.Component;

/**
 * SLA compliance of the processes that have an SLA, for the process table: the share of
 * cases created in the period that met it. {@code lead-qualification}: leads decided by
 * their first-contact due time ({@link SalesKpis} lead response); {@code support-case}:
 * cases resolved by their resolution due time ({@link ServiceKpis}). Other processes have
 * none (null). Not per process version: the SLA belongs to the business object.
 */
@Component
class ProcessSla {

	private final SalesKpis sales;

	private final ServiceKpis service;

	ProcessSla(SalesKpis sales, ServiceKpis service) {
		this.sales = sales;
		this.service = service;
	}

	Double compliance(String processKey, KpiPeriod period) {
		return switch (processKey) {
			case "lead-qualification" -> this.sales.report(period, null).leadResponse().withinDueRate();
			case "support-case" -> this.service.report(period, null).resolution().withinSlaRate();
			default -> null;
		};
	}

}
