package io.reflow.crm.support;

/** Why a case escalates; an input of {@code escalation}. */
public enum Breach {

	RESPONSE, RESOLUTION, REOPENED

}
