package io.reflow.crm.kpi;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Puts {@link KpiHistoryEventHandler} into the engine's history event handlers, after the
 * default database handler: the engine's own {@code CompositeDbHistoryEventHandler} would
 * call it first, but the database handler completes an end event with the start time it
 * reads from the history row (needed for the duration), so the handlers are listed
 * explicitly with the database handler first. The database handler is
 * {@link DbHistoryWithoutVariableDetails}: FULL history without the variable-update rows
 * of {@code ACT_HI_DETAIL}. The Spring Boot starter applies every
 * {@code ProcessEnginePlugin} bean.
 */
class KpiEnginePlugin extends AbstractProcessEnginePlugin {

	private final HistoryEventHandler handler;

	KpiEnginePlugin(HistoryEventHandler handler) {
		this.handler = handler;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new DbHistoryWithoutVariableDetails());
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(this.handler);
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(false);
	}

}
