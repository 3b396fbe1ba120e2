package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the ids the support process carries, with a clear message when one is missing.
 */
final class CaseValues {

	private CaseValues() {
	}

	static long id(VariableScope scope) {
		Object value = scope.getVariable(SupportCaseProcess.Variables.CASE_ID);
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new IllegalStateException("Process variable 'caseId' must be an id, but is " + value);
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

}
