package io.reflow.crm.marketing;

/**
 * A way a campaign reaches its members; each runs as one instance of the channel step.
 */
public enum Channel {

	EMAIL, SMS, PHONE, EVENT

}
