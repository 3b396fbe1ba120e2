package io.reflow.crm.support;

/** The support checks on the embedded H2 database. */
class H2SupportApiIT extends SupportApiChecks {

}
