package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a quote document shows. Amounts in CNY; discount is a fraction 0–1. Contact, owner
 * group, valid-until date, subtotal, discount and note may be {@code null}; a quote
 * without lines prints a single line "Total as quoted".
 *
 * @param quoteNumber the number the customer refers to
 * @param version the quote's version, counted from 1
 * @param issuedOn the day the quote was issued
 * @param validUntil the last day the offer holds
 * @param customerName the customer company, often in Chinese
 * @param contactName the person the quote is addressed to
 * @param contactEmail that person's e-mail address
 * @param ownerGroup the sales team that owns the quote
 * @param lines the quoted items, possibly none
 * @param subtotal the sum of the line amounts
 * @param discount the discount on the subtotal as a fraction (0.1 for 10%)
 * @param total the amount the customer pays
 * @param note free text printed below the totals
 */
record QuoteSheet(String quoteNumber, int version, LocalDate issuedOn, LocalDate validUntil, String customerName,
		String contactName, String contactEmail, String ownerGroup, List<Line> lines, BigDecimal subtotal,
		BigDecimal discount, BigDecimal total, String note) {

	QuoteSheet {
		Objects.requireNonNull(quoteNumber, "quoteNumber");
		Objects.requireNonNull(issuedOn, "issuedOn");
		Objects.requireNonNull(customerName, "customerName");
		Objects.requireNonNull(total, "total");
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	/** One quoted item: amount is normally quantity times unit price. */
	record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
	}

}
