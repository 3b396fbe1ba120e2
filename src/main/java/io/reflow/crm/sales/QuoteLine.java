package io.reflow.crm.sales;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a quote; table {@code crm_quote_line}. */
@Embeddable
public record QuoteLine(@Column(nullable = false) String description, @Column(nullable = false) BigDecimal quantity,
		@Column(name = "unit_price", nullable = false) BigDecimal unitPrice,
		@Column(nullable = false) BigDecimal amount) {
}
