package io.reflow.crm.support.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.reflow.crm.platform.process.ProcessValues;

/**
 * Reads the case id and texts the support process carries (see {@link ProcessValues}).
 */
final class CaseValues {

	private CaseValues() {
	}

	static long id(VariableScope scope) {
		return ProcessValues.id(scope, SupportCaseProcess.Variables.CASE_ID);
	}

	static String text(VariableScope scope, String name) {
		return ProcessValues.text(scope, name);
	}

}
