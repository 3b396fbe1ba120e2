package io.reflow.crm.customer;

/** Life-cycle state of a customer; blocked customers get no new orders. */
public enum CustomerStatus {

	PROSPECT, ACTIVE, INACTIVE, BLOCKED

}
