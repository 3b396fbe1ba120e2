package io.reflow.crm.platform.models;

import java.time.Instant;

/**
 * One version of a decision.
 *
 * @param id the decision definition id
 * @param version its number
 * @param versionTag {@code camunda:versionTag}, if set
 * @param name the decision name in this version
 * @param resource the file it came from
 * @param deploymentId its deployment
 * @param deployedAt when it was deployed
 * @param deploymentName the deployment's name
 * @param source the deployment's source
 * @param author who deployed it
 * @param evaluations evaluations of this version recorded in history
 * @param decisionRequirementsKey the DRD it belongs to, if any
 */
record DecisionVersion(String id, int version, String versionTag, String name, String resource, String deploymentId,
		Instant deployedAt, String deploymentName, String source, String author, long evaluations,
		String decisionRequirementsKey) {
}
