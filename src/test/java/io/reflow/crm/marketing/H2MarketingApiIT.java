package io.reflow.crm.marketing;

/** The marketing checks on the embedded H2 database. */
class H2MarketingApiIT extends MarketingApiChecks {

}
