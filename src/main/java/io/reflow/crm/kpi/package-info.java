/**
 * KPIs and the managers' dashboard. It listens and never writes to another module's
 * tables: the engine's history events feed its own daily projection tables
 * ({@code kpi_*}) in the engine's transaction, {@link io.reflow.crm.kpi.KpiProjections}
 * rebuilds them from history, and {@link io.reflow.crm.kpi.ProcessKpis} answers the
 * process KPIs from them.
 */
package io.reflow.crm.kpi;
