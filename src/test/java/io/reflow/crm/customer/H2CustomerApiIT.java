package io.reflow.crm.customer;

/** The customer API checks on the embedded H2 database. */
class H2CustomerApiIT extends CustomerApiChecks {

}
