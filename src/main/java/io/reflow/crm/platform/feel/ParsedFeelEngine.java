package io.reflow.crm.platform.feel;

import java.util.List;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import camundajar.impl.scala.runtime.BoxesRunTime;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * Camunda's feel-scala engine for DMN, without the work it repeats on every evaluation.
 * Camunda 7.24's {@link ScalaFeelEngine} (feel-scala 1.19) parses and validates an input
 * entry, output entry or literal expression anew on each evaluation, and builds the table
 * of all built-in functions anew for each one too: together about a quarter of a
 * simulated lead case (docs/benchmarks.md, section 8), and most of a decision's cost.
 * <p>
 * This engine keeps the parsed and validated syntax tree (or the parse failure) per text
 * in a bounded cache, builds the built-in functions once, and evaluates with feel-scala's
 * own interpreter, value mappers, custom functions and the same variable context as the
 * original. It reports failures with the original's messages: an assertion failure, an
 * evaluation error, an exception thrown while evaluating. {@code ParsedFeelEngineTest}
 * holds it to Camunda's engine on every shipped decision table.
 * <p>
 * A parse depends on nothing but the text, the tree and the function table are immutable,
 * and each evaluation gets a fresh context with its own failure collector, so one engine
 * serves every thread, decision and version.
 */
public class ParsedFeelEngine extends ScalaFeelEngine {

	private final Cache<String, Either<FeelEngine.Failure, ParsedExpression>> expressions;

	private final Cache<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests;

	private final FeelInterpreter interpreter;

	private final FunctionProvider functions;

	/**
	 * @param customFunctionProviders the engine's custom FEEL functions (may be null)
	 * @param maximumSize how many parsed texts of each kind are kept
	 */
	public ParsedFeelEngine(List<FeelCustomFunctionProvider> customFunctionProviders, long maximumSize) {
		super(customFunctionProviders);
		this.expressions = Caffeine.newBuilder().maximumSize(maximumSize).build();
		this.unaryTests = Caffeine.newBuilder().maximumSize(maximumSize).build();
		this.interpreter = new FeelInterpreter(this.feelEngine.valueMapper());
		// what feel-scala's FeelEngine.rootContext builds for every evaluation
		this.functions = new FunctionProvider.CompositeFunctionProvider(
				toScalaList(new BuiltinFunctions(this.feelEngine.clock(), this.feelEngine.valueMapper()),
						this.feelEngine.functionProvider()));
	}

	@Override
	public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
		Either<FeelEngine.Failure, ParsedExpression> parsed = this.expressions.get(expression,
				this.feelEngine::parseExpression);
		CustomContext context = new CustomContext() {

			@Override
			public VariableProvider variableProvider() {
				return new ContextVariableWrapper(variableContext);
			}

		};
		@SuppressWarnings("unchecked")
		T value = (T) value(parsed, context);
		return value;
	}

	@Override
	public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
		Either<FeelEngine.Failure, ParsedExpression> parsed = this.unaryTests.get(expression,
				this.feelEngine::parseUnaryTests);
		VariableProvider input = new VariableProvider.StaticVariableProvider(
				new Map1<String, Object>(INPUT_VARIABLE_NAME, inputVariable));
		VariableProvider variables = new ContextVariableWrapper(variableContext);
		CustomContext context = new CustomContext() {

			@Override
			public VariableProvider variableProvider() {
				return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
			}

		};
		return BoxesRunTime.unboxToBoolean(value(parsed, context));
	}

	/** The parsed text's value in {@code context}, or the engine's FEEL exception. */
	private Object value(Either<FeelEngine.Failure, ParsedExpression> parsed, Context context) {
		if (parsed instanceof Left<FeelEngine.Failure, ParsedExpression> failure) {
			throw LOGGER.evaluationException(failure.value().message());
		}
		ParsedExpression expression = ((Right<FeelEngine.Failure, ParsedExpression>) parsed).value();
		Either<FeelEngine.Failure, Object> result = evaluate(expression, context);
		if (result instanceof Left<FeelEngine.Failure, Object> failure) {
			throw LOGGER.evaluationException(failure.value().message());
		}
		return ((Right<FeelEngine.Failure, Object>) result).value();
	}

	/**
	 * What feel-scala's {@code FeelEngine.evaluate} does after validation (done once,
	 * when the text was parsed), with the function table built once.
	 */
	private Either<FeelEngine.Failure, Object> evaluate(ParsedExpression expression, Context context) {
		try {
			EvalContext evalContext = EvalContext.create(this.feelEngine.valueMapper(), this.functions).merge(context);
			Val result = this.interpreter.eval(expression.expression(), evalContext);
			camundajar.impl.scala.collection.immutable.List<EvaluationFailure> failures = evalContext.failureCollector()
				.failures();
			for (EvaluationFailure failure : camundajar.impl.scala.jdk.javaapi.CollectionConverters.asJava(failures)) {
				if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType())) {
					return failure("Assertion failure on evaluate the expression '" + expression.text() + "': "
							+ failure.failureMessage());
				}
			}
			if (result instanceof ValError error) {
				return failure("failed to evaluate expression '" + expression.text() + "': " + error.error());
			}
			if (result instanceof ValFatalError error) {
				return failure("failed to evaluate expression '" + expression.text() + "': " + error.error());
			}
			return new Right<>(this.feelEngine.valueMapper().unpackVal(result));
		}
		catch (RuntimeException ex) {
			return failure("failed to evaluate expression '" + expression.text() + "' :" + ex);
		}
	}

	private static Either<FeelEngine.Failure, Object> failure(String message) {
		return new Left<>(new FeelEngine.Failure(message));
	}

	/** Number of parsed texts kept, for tests and diagnostics. */
	long parsedCount() {
		return this.expressions.estimatedSize() + this.unaryTests.estimatedSize();
	}

}
