package io.reflow.crm.marketing;

/** What a campaign member did. */
public enum ResponseType {

	OPENED, CLICKED, REPLIED, REGISTERED, UNSUBSCRIBED, INTERESTED

}
