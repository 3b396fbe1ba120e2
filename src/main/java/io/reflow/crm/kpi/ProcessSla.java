package io.reflow.crm.kpi;

import io.reflow.crm.sales.SalesFigures;
import io.reflow.crm.support.ServiceFigures;

import org.springframework.stereotype.Component;

/**
 * SLA compliance of the processes that have an SLA, for the process table: the share of
 * cases created in the period that met it. {@code lead-qualification}: leads decided by
 * their first-contact due time (the figure of {@link SalesKpis}' lead response);
 * {@code support-case}: cases resolved by their resolution due time (that of
 * {@link ServiceKpis}). Other processes have none (null). Not per process version: the
 * SLA belongs to the business object. One grouped query per process with an SLA.
 */
@Component
class ProcessSla {

	private final SalesFigures sales;

	private final ServiceFigures service;

	ProcessSla(SalesFigures sales, ServiceFigures service) {
		this.sales = sales;
		this.service = service;
	}

	Double compliance(String processKey, KpiPeriod period) {
		return switch (processKey) {
			case "lead-qualification" -> {
				SalesFigures.LeadResponse response = this.sales.leadResponse(period.start(), period.end(), null);
				yield KpiRates.rate(response.withinDue(), response.measured());
			}
			case "support-case" -> {
				// the resolution query only, not the whole cohort (5 range scans of the
				// period)
				ServiceFigures.Sla resolution = this.service.resolution(period.start(), period.end(), null);
				yield KpiRates.rate(resolution.withinSla(), resolution.measured());
			}
			default -> null;
		};
	}

}
