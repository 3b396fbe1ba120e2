package io.reflow.crm.platform.backtest;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Notes the variables a FEEL expression of the draft asks for and does not find. FEEL
 * reads an unknown name as null without an error, so a draft whose input expression reads
 * a variable the history never recorded ({@code orderVolume * 1}) would otherwise
 * "decide" on nulls and look like a changed outcome. (FEEL's unary tests, the rules'
 * input entries, do not ask the context this way: an entry that names an unknown variable
 * still reads null.) The backtester wraps the standalone DMN engine's FEEL engine with
 * this factory and clears and reads the names around each replay, on the replaying
 * thread.
 */
final class MissingVariables implements FeelEngineFactory {

	private static final ThreadLocal<Set<String>> MISSING = ThreadLocal.withInitial(LinkedHashSet::new);

	private final FeelEngineFactory delegate;

	MissingVariables(FeelEngineFactory delegate) {
		this.delegate = delegate;
	}

	/** Forgets the names noted on this thread. */
	static void clear() {
		MISSING.get().clear();
	}

	/**
	 * The names noted on this thread since {@link #clear()}; names an expression only
	 * calls as functions ({@code not(null)}) are not noted.
	 */
	static Set<String> noted() {
		return Set.copyOf(MISSING.get());
	}

	@Override
	public FeelEngine createInstance() {
		FeelEngine engine = this.delegate.createInstance();
		return new FeelEngine() {

			@Override
			public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
				return engine.evaluateSimpleExpression(expression, new Recording(context, expression));
			}

			@Override
			public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
				return engine.evaluateSimpleUnaryTests(expression, inputVariable, new Recording(context, expression));
			}

		};
	}

	/** A variable context that notes the names asked for and not there. */
	private record Recording(VariableContext context, String expression) implements VariableContext {

		@Override
		public TypedValue resolve(String name) {
			return this.context.resolve(name);
		}

		@Override
		public boolean containsVariable(String name) {
			boolean contained = this.context.containsVariable(name);
			if (!contained && readAsVariable(name)) {
				MISSING.get().add(name);
			}
			return contained;
		}

		@Override
		public Set<String> keySet() {
			return this.context.keySet();
		}

		/** True if the expression names it other than as a function call. */
		private boolean readAsVariable(String name) {
			return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w|\\s*\\()")
				.matcher(this.expression)
				.find();
		}

	}

}
