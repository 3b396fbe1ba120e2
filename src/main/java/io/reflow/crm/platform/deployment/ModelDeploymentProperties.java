package io.reflow.crm.platform.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models come from and how their deployment is named.
 *
 * @param location Spring resource location of the folder that holds {@code processes/},
 * {@code decisions/} and {@code forms/}; {@code classpath*:} in the packaged application
 * (Maven copies the top-level folders onto the classpath), a {@code file:} folder in
 * tests
 * @param deploymentName the name of the deployments the start-up deployer creates;
 * unchanged resources are compared with the latest deployment of this name
 * @param source the deployment source recorded on each deployment
 * @param deployEarlierVersions whether an earlier version of a process
 * ({@code processes/<module>/<key>.<tag>.bpmn}, such as
 * {@code lead-qualification.as-is.bpmn}) is deployed at start-up, in a deployment of its
 * own before the others, when no version of process {@code <key>} is deployed yet; it
 * then becomes version 1 and the current file version 2
 */
@ConfigurationProperties("reflow.models")
public record ModelDeploymentProperties(@DefaultValue("classpath*:") String location,
		@DefaultValue("reflow-models") String deploymentName, @DefaultValue("reflow-startup") String source,
		@DefaultValue("true") boolean deployEarlierVersions) {
}
