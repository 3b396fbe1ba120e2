package io.reflow.crm.customer.web;

/** The customer page checks on the embedded H2 database. */
class H2CustomerPagesIT extends CustomerPagesChecks {

}
