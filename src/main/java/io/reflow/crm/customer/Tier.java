package io.reflow.crm.customer;

/** Commercial importance of a customer; drives assignment and service levels. */
public enum Tier {

	STRATEGIC, KEY, STANDARD, NEW

}
