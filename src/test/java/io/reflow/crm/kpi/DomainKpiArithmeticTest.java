package io.reflow.crm.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The pure arithmetic of the domain KPIs: the period, rates, money per lead, ROI, the
 * 80/20 share.
 */
class DomainKpiArithmeticTest {

	@Test
	void shouldDefaultToTheLast30DaysEndingTodayInShanghai() {
		// 2026-03-10 17:00 UTC is already 2026-03-11 in Shanghai
		Clock clock = Clock.fixed(Instant.parse("2026-03-10T17:00:00Z"), ZoneOffset.UTC);
		KpiPeriod period = KpiPeriod.of(null, null, clock);
		assertThat(period.to()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(period.from()).isEqualTo(LocalDate.of(2026, 2, 10));
		assertThat(period.days()).isEqualTo(30);
		assertThat(period.start()).isEqualTo(Instant.parse("2026-02-09T16:00:00Z"));
		assertThat(period.end()).isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
		assertThat(KpiPeriod.of(null, LocalDate.of(2026, 1, 30), clock).from()).isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void shouldRefuseAReversedOrTooLongPeriod() {
		assertThatThrownBy(() -> new KpiPeriod(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1)))
			.isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("after");
		assertThatThrownBy(() -> new KpiPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)))
			.isInstanceOf(InvalidFieldException.class);
		assertThat(new KpiPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)).days()).isEqualTo(366);
		assertThat(new KpiPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).days()).isEqualTo(1);
	}

	@Test
	void shouldGiveNullForUndefinedRates() {
		assertThat(KpiRates.rate(0, 0)).isNull();
		assertThat(KpiRates.rate(1, 4)).isEqualTo(0.25);
		assertThat(KpiRates.rate(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
		assertThat(KpiRates.per(new BigDecimal("100"), 3)).isEqualByComparingTo("33.33");
		assertThat(KpiRates.per(new BigDecimal("100"), 0)).isNull();
		assertThat(KpiRates.per(null, 3)).isNull();
		assertThat(KpiRates.roi(new BigDecimal("150"), new BigDecimal("100"))).isCloseTo(0.5, within(1e-12));
		assertThat(KpiRates.roi(BigDecimal.ZERO, new BigDecimal("100"))).isEqualTo(-1.0);
		assertThat(KpiRates.roi(BigDecimal.TEN, null)).isNull();
		assertThat(KpiRates.in(7200.0, 3600)).isEqualTo(2.0);
		assertThat(KpiRates.in(null, 60)).isNull();
	}

	@Test
	void shouldCountTheTopFifthRoundingUp() {
		assertThat(KpiRates.topFifth(0)).isZero();
		assertThat(KpiRates.topFifth(1)).isEqualTo(1);
		assertThat(KpiRates.topFifth(5)).isEqualTo(1);
		assertThat(KpiRates.topFifth(6)).isEqualTo(2);
		assertThat(KpiRates.topFifth(10)).isEqualTo(2);
		assertThat(KpiRates.topFifth(11)).isEqualTo(3);
	}

	@Test
	void shouldShareTheRevenueOfTheTopCustomers() {
		List<BigDecimal> descending = List.of(new BigDecimal("600"), new BigDecimal("300"), new BigDecimal("100"));
		// ten customers, three with revenue: the top two bring 900 of 1000
		assertThat(CustomerKpis.topShare(descending, KpiRates.topFifth(10), new BigDecimal("1000"))).isEqualTo(0.9);
		assertThat(CustomerKpis.topShare(descending, 5, new BigDecimal("1000"))).isEqualTo(1.0);
		assertThat(CustomerKpis.topShare(List.of(), 2, BigDecimal.ZERO)).isNull();
	}

}
