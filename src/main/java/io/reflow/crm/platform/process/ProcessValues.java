package io.reflow.crm.platform.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the ids and texts processes carry, with a clear message when an id is missing;
 * for delegates and listeners of every module.
 */
public final class ProcessValues {

	private ProcessValues() {
	}

	public static long id(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new IllegalStateException("Process variable '" + name + "' must be an id, but is " + value);
	}

	public static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

}
