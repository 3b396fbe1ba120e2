package io.reflow.crm.platform.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What backtesting reads from a DMN model (Camunda's DMN model API): a decision, the
 * decisions it requires, its outputs and the variable behind each input clause.
 */
final class DecisionModels {

	/**
	 * An input expression that names one variable: {@code orderAmount},
	 * {@code ${orderAmount}} or {@code #{orderAmount}}.
	 */
	private static final Pattern SIMPLE_NAME = Pattern
		.compile("\\s*(?:[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}|([A-Za-z_][A-Za-z0-9_]*))\\s*");

	private DecisionModels() {
	}

	/**
	 * One input clause of a decision table.
	 *
	 * @param decision the key (id) of the decision the clause belongs to
	 * @param id the clause id, as the history records it ({@code clauseId})
	 * @param label the clause's label, or its id when it has none
	 * @param expression the input expression's text
	 * @param variable the variable the expression names, or null when the expression is
	 * more than a name (then a recorded value cannot be turned back into a variable)
	 */
	record InputClause(String decision, String id, String label, String expression, String variable) {

		String describe() {
			return "input '" + this.label + "' (" + this.id + ") of decision '" + this.decision + "'";
		}

	}

	/** The decision with this id, or null when the model has none. */
	static Decision decision(DmnModelInstance model, String key) {
		ModelElementInstance element = model.getModelElementById(key);
		return (element instanceof Decision decision) ? decision : null;
	}

	/** The ids of every decision in the model, for messages. */
	static List<String> decisionKeys(DmnModelInstance model) {
		return model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
	}

	/**
	 * The decisions this one requires, directly or through others, each once, deepest
	 * first; not the decision itself.
	 */
	static List<Decision> required(Decision decision) {
		Map<String, Decision> found = new LinkedHashMap<>();
		collectRequired(decision, found, new LinkedHashSet<>());
		found.remove(decision.getId());
		return new ArrayList<>(found.values());
	}

	private static void collectRequired(Decision decision, Map<String, Decision> found, Set<String> path) {
		if (found.containsKey(decision.getId()) || !path.add(decision.getId())) {
			return;
		}
		for (InformationRequirement requirement : decision.getInformationRequirements()) {
			Decision required = requirement.getRequiredDecision();
			if (required != null) {
				collectRequired(required, found, path);
			}
		}
		path.remove(decision.getId());
		found.put(decision.getId(), decision);
	}

	/** The names of the decision's outputs, in the order of the table. */
	static List<String> outputs(Decision decision) {
		if (decision.getExpression() instanceof DecisionTable table) {
			return table.getOutputs().stream().map(Output::getName).filter((name) -> name != null).toList();
		}
		if (decision.getExpression() instanceof LiteralExpression && decision.getVariable() != null
				&& decision.getVariable().getName() != null) {
			return List.of(decision.getVariable().getName());
		}
		return List.of();
	}

	/** The decision table's input clauses (none for a literal expression). */
	static List<InputClause> inputs(Decision decision) {
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			return List.of();
		}
		List<InputClause> clauses = new ArrayList<>();
		for (Input input : table.getInputs()) {
			String expression = (input.getInputExpression() != null && input.getInputExpression().getText() != null)
					? input.getInputExpression().getText().getTextContent() : null;
			String label = (input.getLabel() != null && !input.getLabel().isBlank()) ? input.getLabel() : input.getId();
			clauses.add(new InputClause(decision.getId(), input.getId(), label, expression, variable(expression)));
		}
		return clauses;
	}

	/** The variable an input expression names, or null if it is more than a name. */
	static String variable(String expression) {
		if (expression == null) {
			return null;
		}
		Matcher matcher = SIMPLE_NAME.matcher(expression);
		if (!matcher.matches()) {
			return null;
		}
		String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		// literals, not variables
		return List.of("true", "false", "null").contains(name) ? null : name;
	}

}
