package io.reflow.crm.platform.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing first administrator into one clear sentence instead of a stack trace.
 */
class MissingAdministratorFailureAnalyzer
		extends AbstractFailureAnalyzer<InitialAdministrator.MissingAdministratorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InitialAdministrator.MissingAdministratorException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"export REFLOW_ADMIN_USER=... REFLOW_ADMIN_PASSWORD=... (or run with --spring.profiles.active=demo)",
				cause);
	}

}
