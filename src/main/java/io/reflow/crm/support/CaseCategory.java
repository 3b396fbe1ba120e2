package io.reflow.crm.support;

/** What the case is about; an input of {@code case-triage}. */
public enum CaseCategory {

	COMPLAINT, TECHNICAL, BILLING, INQUIRY, FIELD_SERVICE

}
