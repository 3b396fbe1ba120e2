package io.reflow.crm.sales;

/**
 * The answers of the {@code prepare-quote} form as they come from the engine, not yet
 * checked: lines (a list of description, quantity, unit price) or a total, the requested
 * discount as a fraction, the expected close date and a note.
 */
public record QuoteInput(Object lines, Object quoteAmount, Object requestedDiscount, Object expectedCloseDate,
		Object note) {
}
