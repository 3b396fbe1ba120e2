package io.reflow.crm.platform.models;

/** The catalogue and migration checks on the embedded H2 database. */
class H2ModelsApiIT extends ModelsApiChecks {

}
