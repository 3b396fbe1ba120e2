package io.reflow.crm.platform.process;

/**
 * What a person entered in a task form cannot be accepted (Tasklist checks the form, but
 * the engine's REST API can be called without it). The process's delegate turns this into
 * a BPMN error that sends the task back with the message shown in its form.
 */
public class InvalidTaskInputException extends RuntimeException {

	public InvalidTaskInputException(String message) {
		super(message);
	}

}
