package io.reflow.crm.platform.models;

import java.time.Instant;

/**
 * One version of a process.
 *
 * @param id the process definition id
 * @param version its number
 * @param versionTag {@code camunda:versionTag}, if the analyst set one
 * @param name the process name in this version
 * @param resource the file it came from
 * @param deploymentId its deployment
 * @param deployedAt when it was deployed
 * @param deploymentName the deployment's name ({@code reflow-models} at start-up)
 * @param source the deployment's source (Camunda Modeler, reflow-startup, ...)
 * @param author who deployed it ({@code application} for the start-up deployer)
 * @param runningInstances instances running on this version
 * @param incidents open incidents of these instances
 * @param suspended whether the version is suspended
 */
record ProcessVersion(String id, int version, String versionTag, String name, String resource, String deploymentId,
		Instant deployedAt, String deploymentName, String source, String author, int runningInstances, int incidents,
		boolean suspended) {
}
