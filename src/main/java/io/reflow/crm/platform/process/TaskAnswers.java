package io.reflow.crm.platform.process;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads answers of Camunda Forms as the engine holds them (a number may be an Integer, a
 * Double or a String; an empty text is {@code ""}) and refuses unusable ones with
 * {@link InvalidTaskInputException}.
 */
public final class TaskAnswers {

	private TaskAnswers() {
	}

	/** A number, or null when none was given. */
	public static BigDecimal amount(Object value, String label) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidTaskInputException(label + " must be a number, not '" + text + "'.");
			}
		}
		return null;
	}

	/** A trimmed text, or null when blank. */
	public static String text(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().trim();
	}

	/** {@code true} for Boolean true or the text "true". */
	public static boolean flag(Object value) {
		return Boolean.TRUE.equals(value) || "true".equals(text(value));
	}

	/** An enum constant by name, or null when none was given. */
	public static <E extends Enum<E>> E option(Object value, Class<E> type, String label) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTaskInputException(
					label + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'.");
		}
	}

}
