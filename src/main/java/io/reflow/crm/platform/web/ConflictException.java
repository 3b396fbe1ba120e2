package io.reflow.crm.platform.web;

/**
 * The request contradicts the stored state (a duplicate, a stale version); answered with
 * 409 problem details naming the field.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
