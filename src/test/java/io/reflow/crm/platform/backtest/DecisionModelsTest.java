package io.reflow.crm.platform.backtest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which input expressions name one variable, so that a recorded input value can be passed
 * to a draft as that variable.
 */
class DecisionModelsTest {

	@ParameterizedTest(name = "''{0}'' names ''{1}''")
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "orderAmount|orderAmount", " customerTier |customerTier", "${orderAmount}|orderAmount",
					"#{ orderAmount }|orderAmount", "_amount2|_amount2", "orderAmount * 1.13|-", "order.amount|-",
					"${order.amount}|-", "orderAmount + fee|-", "\"STANDARD\"|-", "true|-", "null|-", "10|-", "-|-",
					"''|-" })
	void shouldFindTheVariableOfAnInputExpressionThatIsOnlyAName(String expression, String variable) {
		assertThat(DecisionModels.variable(expression)).isEqualTo(variable);
	}

}
