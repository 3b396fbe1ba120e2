package io.reflow.crm.kpi;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of the KPI module ({@code reflow.kpi}): the zone whose midnights
 * bound the projections' days and the periods of {@code /api/kpis}. Changing it needs a
 * {@link KpiProjections#rebuild() rebuild}.
 */
@ConfigurationProperties("reflow.kpi")
public record KpiProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
