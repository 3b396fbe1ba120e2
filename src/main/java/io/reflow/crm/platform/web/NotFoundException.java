package io.reflow.crm.platform.web;

/** The addressed record does not exist; answered with 404 problem details. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
