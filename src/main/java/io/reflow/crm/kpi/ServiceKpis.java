package io.reflow.crm.kpi;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.reflow.crm.support.ServiceFigures;

import org.springframework.stereotype.Service;

/**
 * The customer-service KPIs of {@code GET /api/kpis/service} (definitions in
 * {@code docs/kpis.md}): the open cases now, and the cohort of cases created in the
 * period followed to their current state. Reads the support module through
 * {@link ServiceFigures}.
 */
@Service
public class ServiceKpis {

	private static final String[] PRIORITIES = { "P1", "P2", "P3", "P4" };

	private final ServiceFigures figures;

	ServiceKpis(ServiceFigures figures) {
		this.figures = figures;
	}

	public record Report(LocalDate from, LocalDate to, String group, Map<String, Long> openByPriority,
			Map<String, Long> openByGroup, long opened, Sla firstResponse, Sla resolution, Double breachRate,
			long escalations, Double reopenRate, Csat csat) {
	}

	public record Sla(long measured, long withinSla, Double withinSlaRate, Double averageMinutes) {
	}

	public record Csat(long responses, Double average, Map<String, Long> distribution) {
	}

	public Report report(KpiPeriod period, String group) {
		Map<String, Long> byPriority = new LinkedHashMap<>();
		for (String priority : PRIORITIES) {
			byPriority.put(priority, 0L);
		}
		Map<String, Long> byGroup = new TreeMap<>();
		for (ServiceFigures.OpenCases open : this.figures.openCases(group)) {
			if (open.priority() != null) {
				byPriority.merge(open.priority(), open.count(), Long::sum);
			}
			if (open.group() != null) {
				byGroup.merge(open.group(), open.count(), Long::sum);
			}
		}
		ServiceFigures.Cohort cohort = this.figures.cohort(period.start(), period.end(), group);
		Map<String, Long> distribution = new LinkedHashMap<>();
		long responses = 0;
		long sum = 0;
		for (Map.Entry<Integer, Long> score : cohort.csat().entrySet()) {
			distribution.put(String.valueOf(score.getKey()), score.getValue());
			responses += score.getValue();
			sum += score.getKey() * score.getValue();
		}
		return new Report(period.from(), period.to(), group, byPriority, byGroup, cohort.opened(),
				sla(cohort.firstResponse()), sla(cohort.resolution()),
				KpiRates.rate(cohort.breached(), cohort.opened()), cohort.escalations(),
				KpiRates.rate(cohort.reopened(), cohort.everResolved()),
				new Csat(responses, KpiRates.rate(sum, responses), distribution));
	}

	private static Sla sla(ServiceFigures.Sla sla) {
		return new Sla(sla.measured(), sla.withinSla(), KpiRates.rate(sla.withinSla(), sla.measured()),
				KpiRates.in(sla.averageSeconds(), 60));
	}

}
