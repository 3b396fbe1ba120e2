package io.reflow.crm.kpi;

/** The domain KPI checks on the embedded H2 database. */
class H2DomainKpiIT extends DomainKpiChecks {

}
