package io.reflow.crm.kpi;

/** The process KPI checks on the embedded H2 database. */
class H2KpiProjectionsIT extends KpiProjectionsChecks {

}
