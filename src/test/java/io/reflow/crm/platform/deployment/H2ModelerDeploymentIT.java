package io.reflow.crm.platform.deployment;

/** The Camunda Modeler deployment checks on the embedded H2 database. */
class H2ModelerDeploymentIT extends ModelerDeploymentChecks {

}
