package io.reflow.crm.support;

/** How the customer reached us. */
public enum CaseChannel {

	PHONE, EMAIL, WEB, CHAT

}
