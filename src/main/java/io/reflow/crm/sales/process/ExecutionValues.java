package io.reflow.crm.sales.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.reflow.crm.platform.process.ProcessValues;

/** Reads the ids the sales processes carry (see {@link ProcessValues}). */
final class ExecutionValues {

	private ExecutionValues() {
	}

	static long id(VariableScope scope, String name) {
		return ProcessValues.id(scope, name);
	}

	static String text(VariableScope scope, String name) {
		return ProcessValues.text(scope, name);
	}

}
