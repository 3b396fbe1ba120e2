package io.reflow.crm.support;

/** Where a case stands in {@code support-case}. */
public enum CaseStatus {

	OPEN, IN_PROGRESS, RESOLVED, CLOSED

}
