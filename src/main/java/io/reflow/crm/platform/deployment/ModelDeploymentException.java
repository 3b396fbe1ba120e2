package io.reflow.crm.platform.deployment;

/** A model file could not be read or understood before it reached the engine. */
public class ModelDeploymentException extends RuntimeException {

	public ModelDeploymentException(String message) {
		super(message);
	}

	public ModelDeploymentException(String message, Throwable cause) {
		super(message, cause);
	}

}
