package io.reflow.crm.lab;

/** The version scorecard checks on the embedded H2 database. */
class H2ScorecardIT extends ScorecardChecks {

}
