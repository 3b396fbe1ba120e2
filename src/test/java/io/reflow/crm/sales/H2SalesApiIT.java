package io.reflow.crm.sales;

/** The sales checks on the embedded H2 database. */
class H2SalesApiIT extends SalesApiChecks {

}
