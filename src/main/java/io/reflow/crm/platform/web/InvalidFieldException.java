package io.reflow.crm.platform.web;

/**
 * A field is well-formed but not acceptable (say, an owner group that does not exist);
 * answered with 400 problem details naming the field.
 */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
