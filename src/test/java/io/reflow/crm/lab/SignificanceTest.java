package io.reflow.crm.lab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Reading a p-value at a significance level. */
class SignificanceTest {

	@Test
	void shouldCompareWithFivePercentByDefault() {
		assertThat(Significance.DEFAULT_ALPHA).isEqualTo(0.05);
		assertThat(Significance.of(0.049)).isEqualTo(Significance.SIGNIFICANT);
		assertThat(Significance.of(0.05)).isEqualTo(Significance.SIGNIFICANT);
		assertThat(Significance.of(0.0500001)).isEqualTo(Significance.NOT_SIGNIFICANT);
		assertThat(Significance.of(0)).isEqualTo(Significance.SIGNIFICANT);
		assertThat(Significance.of(1)).isEqualTo(Significance.NOT_SIGNIFICANT);
	}

	@Test
	void shouldHonourAnotherAlpha() {
		assertThat(Significance.of(0.03, 0.01)).isEqualTo(Significance.NOT_SIGNIFICANT);
		assertThat(Significance.of(0.03, 0.1)).isEqualTo(Significance.SIGNIFICANT);
		assertThat(Significance.of(0.03, 0.1).isSignificant()).isTrue();
		assertThat(Significance.of(0.03, 0.01).isSignificant()).isFalse();
	}

	@Test
	void shouldCallAMissingPValueNotTestable() {
		assertThat(Significance.of(Double.NaN)).isEqualTo(Significance.NOT_TESTABLE);
		assertThat(Significance.NOT_TESTABLE.isSignificant()).isFalse();
	}

	@Test
	void shouldRejectBadAlphasAndPValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Significance.of(0.01, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Significance.of(0.01, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Significance.of(0.01, Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> Significance.of(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> Significance.of(-0.1));
	}

}
