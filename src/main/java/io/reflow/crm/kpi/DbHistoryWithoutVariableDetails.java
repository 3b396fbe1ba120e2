package io.reflow.crm.kpi;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's database history handler without the per-update rows of
 * {@code ACT_HI_DETAIL} for variables. History level FULL writes one such row for every
 * variable write, besides the variable's own row in {@code ACT_HI_VARINST} (which stays,
 * with its latest value); the sales tasks' form context alone gives some 55 of them per
 * sales case (benchmark section 2, docs/benchmarks.md). Nothing in Reflow reads them, and
 * Cockpit's variable history view is an enterprise feature. Everything else FULL writes
 * stays: decision history (backtesting), identity links (KPI first assignment), job log,
 * user operation log and submitted form fields.
 */
class DbHistoryWithoutVariableDetails extends DbHistoryEventHandler {

	@Override
	protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
		return false;
	}

}
