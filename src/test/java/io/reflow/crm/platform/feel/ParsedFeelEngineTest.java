package io.reflow.crm.platform.feel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The parse-once FEEL engine against Camunda's own: every shipped decision table, fed the
 * same inputs, gives the same result list (or the same error), and repeated evaluations
 * reuse one parse per text.
 */
class ParsedFeelEngineTest {

	private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private final ParsedFeelEngine parsedFeel = new ParsedFeelEngine(null, 1_000);

	private final DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final DmnEngine parsed = engine(this.parsedFeel);

	static Stream<Path> decisionFiles() throws IOException {
		return Files.list(Path.of("decisions")).filter((file) -> file.toString().endsWith(".dmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("decisionFiles")
	void shouldDecideAsCamundasFeelEngineForEveryShippedTable(Path file) throws IOException {
		DmnModelInstance model;
		try (InputStream in = Files.newInputStream(file)) {
			model = Dmn.readModelFromStream(in);
		}
		Map<String, List<Object>> literals = new LinkedHashMap<>();
		Map<String, List<Object>> odd = new LinkedHashMap<>();
		candidates(model, literals, odd);
		List<DmnDecision> expected = this.camunda.parseDecisions(model);
		List<DmnDecision> actual = this.parsed.parseDecisions(model);
		Random random = new Random(7);
		int compared = 0;
		int matched = 0;
		for (int i = 0; i < 150; i++) {
			Map<String, Object> variables = new LinkedHashMap<>();
			odd.forEach((name, unusual) -> {
				// mostly values the rules test against, sometimes none or one of another
				// type
				List<Object> values = (random.nextDouble() < 0.85 && !literals.get(name).isEmpty()) ? literals.get(name)
						: unusual;
				variables.put(name, values.get(random.nextInt(values.size())));
			});
			for (int d = 0; d < expected.size(); d++) {
				Object want = outcome(this.camunda, expected.get(d), variables);
				Object got = outcome(this.parsed, actual.get(d), variables);
				assertThat(got).as("%s %s with %s", file, expected.get(d).getKey(), variables).isEqualTo(want);
				compared++;
				if (want instanceof List<?> results && !results.isEmpty()) {
					matched++;
				}
			}
		}
		assertThat(compared).isGreaterThanOrEqualTo(150);
		assertThat(matched).as("evaluations where a rule matched").isGreaterThan(compared / 10);
		assertThat(this.parsedFeel.parsedCount()).as("parsed texts of %s", file).isPositive().isLessThan(1_000);
	}

	@Test
	void shouldParseEachTextOnceAcrossEvaluations() {
		for (int i = 0; i < 50; i++) {
			assertThat(this.parsedFeel.evaluateSimpleUnaryTests("[10..20]", "score",
					Variables.createVariables().putValue("score", i).asVariableContext()))
				.isEqualTo(i >= 10 && i <= 20);
			assertThat((Object) this.parsedFeel.evaluateSimpleExpression("score * 2",
					Variables.createVariables().putValue("score", i).asVariableContext()))
				.isEqualTo(2L * i);
		}
		assertThat(this.parsedFeel.parsedCount()).isEqualTo(2);
	}

	@Test
	void shouldFailWithCamundasMessageForTextThatDoesNotParse() {
		ScalaFeelEngine reference = new ScalaFeelEngine(null);
		var context = Variables.createVariables().putValue("score", 1).asVariableContext();
		for (int i = 0; i < 2; i++) {
			Throwable expected = catchThrowable(() -> reference.evaluateSimpleUnaryTests("[10..", "score", context));
			assertThatThrownBy(() -> this.parsedFeel.evaluateSimpleUnaryTests("[10..", "score", context))
				.isInstanceOf(FeelException.class)
				.hasMessage(expected.getMessage());
			Throwable expectedExpression = catchThrowable(() -> reference.evaluateSimpleExpression("1 +", context));
			assertThatThrownBy(() -> this.parsedFeel.evaluateSimpleExpression("1 +", context))
				.isInstanceOf(FeelException.class)
				.hasMessage(expectedExpression.getMessage());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "assert(score, score > 3)", "substring(score, 1)", "date(\"not a date\")",
			"unknownFunction(score)", "score > 3", "{a: 1}.b", "[1, 2, 3][5]", "missing + 1", "score + 1",
			"string length(score)", "if score = \"high\" then 1 else 2", "some x in [1, 2] satisfies x > score",
			"decimal(1 / 3, 2)", "date and time(\"2026-11-23T10:00:00@Europe/Berlin\").hour" })
	void shouldEvaluateExpressionsAsCamundasFeelEngine(String expression) {
		ScalaFeelEngine reference = new ScalaFeelEngine(null);
		var context = Variables.createVariables().putValue("score", "high").asVariableContext();
		assertThat(expressionOutcome(this.parsedFeel, expression, context))
			.isEqualTo(expressionOutcome(reference, expression, context));
	}

	@ParameterizedTest
	@ValueSource(strings = { "> 3", "\"high\", \"low\"", "[1..5]", "not(\"high\")", "-", "? > 3",
			"string length(?) > 3", "< date(\"2026-01-01\")", "> score" })
	void shouldTestInputsAsCamundasFeelEngine(String unaryTests) {
		ScalaFeelEngine reference = new ScalaFeelEngine(null);
		for (Object input : new Object[] { "high", 4, null, 2.5 }) {
			var context = Variables.createVariables()
				.putValue("score", 3)
				.putValue("cellInput", input)
				.asVariableContext();
			assertThat(unaryOutcome(this.parsedFeel, unaryTests, context)).as("%s with input %s", unaryTests, input)
				.isEqualTo(unaryOutcome(reference, unaryTests, context));
		}
	}

	private static Object expressionOutcome(ScalaFeelEngine engine, String expression,
			org.camunda.bpm.engine.variable.context.VariableContext context) {
		try {
			Object value = engine.evaluateSimpleExpression(expression, context);
			return String.valueOf(value);
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private static Object unaryOutcome(ScalaFeelEngine engine, String unaryTests,
			org.camunda.bpm.engine.variable.context.VariableContext context) {
		try {
			return engine.evaluateSimpleUnaryTests(unaryTests, "cellInput", context);
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	/** The result list, or the error's type and message. */
	private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
		try {
			return engine.evaluateDecision(decision, variables).getResultList();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private static DmnEngine engine(ParsedFeelEngine feel) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(() -> feel);
		return configuration.buildEngine();
	}

	/**
	 * Per input variable, values to try: the literals its column's rules test against and
	 * their neighbours, and the odd ones: none, another string, a value of the wrong
	 * type.
	 */
	private static void candidates(DmnModelInstance model, Map<String, List<Object>> literals,
			Map<String, List<Object>> odd) {
		for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
			List<Input> inputs = new ArrayList<>(table.getInputs());
			for (int column = 0; column < inputs.size(); column++) {
				Input input = inputs.get(column);
				String name = input.getInputExpression().getText().getTextContent().trim();
				String type = input.getInputExpression().getTypeRef();
				Set<Object> values = new LinkedHashSet<>();
				for (Rule rule : table.getRules()) {
					String entry = new ArrayList<>(rule.getInputEntries()).get(column).getTextContent();
					literals(entry, type, values);
				}
				if ("boolean".equals(type)) {
					values.add(true);
					values.add(false);
				}
				literals.computeIfAbsent(name, (n) -> new ArrayList<>()).addAll(values);
				List<Object> unusual = odd.computeIfAbsent(name, (n) -> new ArrayList<>());
				unusual.add(null);
				unusual.add(("string".equals(type)) ? 42 : "unexpected");
				unusual.add("other");
			}
		}
	}

	private static void literals(String entry, String type, Set<Object> values) {
		if ("string".equals(type)) {
			Matcher strings = STRING.matcher(entry);
			while (strings.find()) {
				values.add(strings.group(1));
			}
			return;
		}
		Matcher numbers = NUMBER.matcher(entry);
		while (numbers.find()) {
			double value = Double.parseDouble(numbers.group());
			for (double near : new double[] { value - 1, value - 0.5, value, value + 0.5, value + 1 }) {
				values.add(("integer".equals(type) || "long".equals(type)) ? (Object) (long) Math.floor(near)
						: (Object) near);
			}
		}
	}

}
