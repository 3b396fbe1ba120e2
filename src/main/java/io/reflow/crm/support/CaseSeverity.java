package io.reflow.crm.support;

/** How bad the customer says it is; an input of {@code case-triage}. */
public enum CaseSeverity {

	CRITICAL, HIGH, NORMAL, LOW

}
