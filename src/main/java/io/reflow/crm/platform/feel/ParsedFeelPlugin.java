package io.reflow.crm.platform.feel;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Gives a process engine's DMN engine the {@link ParsedFeelEngine}: production's engine
 * (a bean) and every simulation engine ({@link #install}). An engine configured with a
 * FEEL engine factory of its own keeps it; with the legacy (JUEL-based) FEEL behaviour
 * switched on it gets the legacy engine, as without the plugin.
 */
public class ParsedFeelPlugin extends AbstractProcessEnginePlugin {

	/** Parsed texts kept per kind: far more than all deployed decisions hold. */
	public static final long MAXIMUM_SIZE = 10_000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		install(configuration);
	}

	/** Sets the factory on {@code configuration}'s DMN engine configuration. */
	public static void install(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		if (dmn.getFeelEngineFactory() == null) {
			dmn.setFeelEngineFactory(new Factory(dmn));
		}
	}

	/**
	 * Reads the custom functions and the legacy switch when the DMN engine is built,
	 * after the process engine has set them on {@code dmn}.
	 */
	private record Factory(DefaultDmnEngineConfiguration dmn) implements FeelEngineFactory {

		@Override
		public FeelEngine createInstance() {
			if (this.dmn.isEnableFeelLegacyBehavior()) {
				return new FeelEngineFactoryImpl().createInstance();
			}
			return new ParsedFeelEngine(this.dmn.getFeelCustomFunctionProviders(), MAXIMUM_SIZE);
		}

	}

}
