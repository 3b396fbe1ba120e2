/**
 * Migration of running process instances between versions: dry run, batch migration with
 * progress and outcome in the model audit trail
 * ({@code /api/processes/{key}/migrations}), and automatic migration of processes that
 * ask for it in their model.
 */
package io.reflow.crm.platform.migration;
