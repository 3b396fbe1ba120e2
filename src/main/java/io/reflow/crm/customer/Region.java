package io.reflow.crm.customer;

/** Sales region of a customer; each has its own sales team. */
public enum Region {

	NORTH, SOUTH, EAST, WEST, CENTRAL

}
