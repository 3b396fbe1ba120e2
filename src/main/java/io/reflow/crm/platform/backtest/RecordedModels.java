package io.reflow.crm.platform.backtest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

import io.reflow.crm.platform.backtest.DecisionModels.InputClause;

/**
 * The deployed decision definitions that past evaluations ran on, read once per
 * definition: which variable each recorded input clause stands for, and which decisions a
 * definition requires. A recorded input holds the value of the clause's expression; when
 * that expression is a plain variable name, the value is that variable's.
 */
final class RecordedModels {

	private final RepositoryService repository;

	private final Map<String, Map<String, InputClause>> inputsByDefinition = new HashMap<>();

	private final Map<String, Set<String>> requiredByDefinition = new HashMap<>();

	private final Map<String, Integer> versionByDefinition = new HashMap<>();

	RecordedModels(RepositoryService repository) {
		this.repository = repository;
	}

	/** The input clauses of the definition's decision, by clause id. */
	Map<String, InputClause> inputs(String decisionDefinitionId, String decisionKey) {
		return this.inputsByDefinition.computeIfAbsent(decisionDefinitionId, (id) -> {
			Decision decision = DecisionModels.decision(model(id), decisionKey);
			if (decision == null) {
				return Map.of();
			}
			return DecisionModels.inputs(decision)
				.stream()
				.collect(Collectors.toMap(InputClause::id, (clause) -> clause, (a, b) -> a, LinkedHashMap::new));
		});
	}

	/** The keys of the decisions the definition's decision requires, directly or not. */
	Set<String> required(String decisionDefinitionId, String decisionKey) {
		return this.requiredByDefinition.computeIfAbsent(decisionDefinitionId, (id) -> {
			Decision decision = DecisionModels.decision(model(id), decisionKey);
			return (decision == null) ? Set.of()
					: DecisionModels.required(decision)
						.stream()
						.map(Decision::getId)
						.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		});
	}

	/** The version of a decision definition. */
	int version(String decisionDefinitionId) {
		return this.versionByDefinition.computeIfAbsent(decisionDefinitionId,
				(id) -> this.repository.getDecisionDefinition(id).getVersion());
	}

	/**
	 * Every input clause of the deployed versions' decision {@code key} and the decisions
	 * it requires: what the history can hold.
	 */
	List<InputClause> allInputs(List<DecisionDefinition> versions) {
		Map<String, InputClause> clauses = new LinkedHashMap<>();
		for (DecisionDefinition version : versions) {
			this.versionByDefinition.put(version.getId(), version.getVersion());
			Decision decision = DecisionModels.decision(model(version.getId()), version.getKey());
			if (decision == null) {
				continue;
			}
			DecisionModels.inputs(decision).forEach((clause) -> clauses.putIfAbsent(key(clause), clause));
			for (Decision required : DecisionModels.required(decision)) {
				DecisionModels.inputs(required).forEach((clause) -> clauses.putIfAbsent(key(clause), clause));
			}
		}
		return List.copyOf(clauses.values());
	}

	private static String key(InputClause clause) {
		return clause.decision() + "/" + clause.id() + "/" + clause.expression();
	}

	DmnModelInstance model(String decisionDefinitionId) {
		// the engine caches the parsed model with its deployment
		return this.repository.getDmnModelInstance(decisionDefinitionId);
	}

}
