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

	/**
	 * Refuses a day far outside any history (year 999999999), which would overflow date
	 * arithmetic: a client error, not a 500.
	 */
	public static void requireCalendarDay(String field, java.time.LocalDate day) {
		if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
			throw new InvalidFieldException(field, "must be a day between 0001-01-01 and 9999-12-31");
		}
	}

	/** Refuses a version number below 1 (versions of a model count from 1). */
	public static void requireVersion(String field, Integer version) {
		if (version != null && version < 1) {
			throw new InvalidFieldException(field, "must be a version number, 1 or more");
		}
	}

}
