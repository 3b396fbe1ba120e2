package io.reflow.crm.sales;

import java.time.LocalDate;

/**
 * When a qualified lead expects to buy (the T of BANT); sets the first expected close
 * date.
 */
public enum Timeline {

	WITHIN_1_MONTH(1), WITHIN_3_MONTHS(3), WITHIN_6_MONTHS(6), WITHIN_12_MONTHS(12), LATER(18);

	private final int months;

	Timeline(int months) {
		this.months = months;
	}

	LocalDate closeDateFrom(LocalDate today) {
		return today.plusMonths(this.months);
	}

}
