package io.reflow.crm.sales.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the ids the sales processes carry, with a clear message when one is missing. */
final class ExecutionValues {

	private ExecutionValues() {
	}

	static long id(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new IllegalStateException("Process variable '" + name + "' must be an id, but is " + value);
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

}
