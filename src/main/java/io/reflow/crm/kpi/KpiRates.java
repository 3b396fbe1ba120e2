package io.reflow.crm.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic the domain KPIs share: rates and averages that are null when undefined.
 */
final class KpiRates {

	private KpiRates() {
	}

	/** {@code part / whole} as a fraction, null when {@code whole} is 0. */
	static Double rate(long part, long whole) {
		return (whole == 0) ? null : (double) part / whole;
	}

	/** {@code part / whole} as a fraction, null when {@code whole} is null or 0. */
	static Double rate(BigDecimal part, BigDecimal whole) {
		return (whole == null || whole.signum() == 0) ? null : part.divide(whole, MathContext.DECIMAL64).doubleValue();
	}

	/**
	 * Money divided by a count, to the fen; null when the count is 0 or money unknown.
	 */
	static BigDecimal per(BigDecimal money, long count) {
		return (money == null || count == 0) ? null : money.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}

	/** (revenue − cost) / cost, null without a cost. */
	static Double roi(BigDecimal revenue, BigDecimal cost) {
		return (cost == null || cost.signum() == 0) ? null
				: revenue.subtract(cost).divide(cost, MathContext.DECIMAL64).doubleValue();
	}

	/** Seconds in another unit (60 for minutes, 3600 for hours, 86400 for days). */
	static Double in(Double seconds, int unit) {
		return (seconds != null) ? seconds / unit : null;
	}

	/** How many customers the top 20 % are: 20 % of {@code population}, rounded up. */
	static long topFifth(long population) {
		return (population + 4) / 5;
	}

}
