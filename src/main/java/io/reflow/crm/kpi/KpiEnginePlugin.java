package io.reflow.crm.kpi;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Adds {@link KpiHistoryEventHandler} to the engine's custom history event handlers; the
 * engine composes them with its default database handler
 * ({@code CompositeDbHistoryEventHandler}), so history is still written as before. The
 * Spring Boot starter applies every {@code ProcessEnginePlugin} bean.
 */
class KpiEnginePlugin extends AbstractProcessEnginePlugin {

	private final HistoryEventHandler handler;

	KpiEnginePlugin(HistoryEventHandler handler) {
		this.handler = handler;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(this.handler);
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(true);
	}

}
