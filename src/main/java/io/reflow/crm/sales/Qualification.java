package io.reflow.crm.sales;

import java.math.BigDecimal;

/**
 * The answers of the {@code qualify-lead} form as they come from the engine, not yet
 * checked: outcome {@code QUALIFIED} or {@code DISQUALIFIED}, then BANT or a reason.
 */
public record Qualification(Object outcome, Object budgetAmount, Object authorityConfirmed, Object need,
		Object timeline, Object disqualificationReason, Object disqualificationNote) {

	static final String QUALIFIED = "QUALIFIED";

	static final String DISQUALIFIED = "DISQUALIFIED";

	static BigDecimal amount(Object value, String label) {
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

	static String text(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().trim();
	}

	static <E extends Enum<E>> E option(Object value, Class<E> type, String label) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTaskInputException(label + " must be one of "
					+ java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'.");
		}
	}

}
