package io.reflow.crm.platform.backtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.reflow.crm.platform.feel.ParsedFeelEngine;
import io.reflow.crm.platform.feel.ParsedFeelPlugin;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import io.reflow.crm.platform.backtest.BacktestReport.Example;
import io.reflow.crm.platform.backtest.BacktestReport.NotReplayed;
import io.reflow.crm.platform.backtest.BacktestReport.Transition;
import io.reflow.crm.platform.backtest.BacktestReport.VersionCount;
import io.reflow.crm.platform.backtest.DecisionModels.InputClause;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;

/**
 * Replays past evaluations of a deployed decision through a draft DMN file.
 * <p>
 * For each historic evaluation of decision {@code key} in the period (Camunda's
 * {@code HistoricDecisionInstance}, read in pages ordered by evaluation time and id), it
 * rebuilds the variables the evaluation saw: each recorded input clause stands for the
 * variable its input expression names in the deployed version that ran (clause id →
 * expression), taken from the instance itself and from the instances of the decisions it
 * requires (same root decision instance). Values that the draft's required decisions
 * compute again are left out, so the draft's own results count. The draft's decision
 * {@code key} is then evaluated, with its required decisions, by a standalone DMN engine
 * configured like the process engine's but without its history and metrics listeners: a
 * backtest writes nothing to the engine. The recorded and the new results are compared in
 * the chosen outputs.
 */
final class DecisionBacktester {

	/**
	 * How long before the first and after the last evaluation of a page its required
	 * decisions' instances are looked for. The engine records them in the same event as
	 * the evaluation, so their evaluation times differ by a few milliseconds at most.
	 */
	static final Duration REQUIRED_DECISIONS_WINDOW = Duration.ofMinutes(1);

	/** Distinct reasons listed for evaluations that could not be replayed. */
	static final int MAX_REASONS = 20;

	/** Decision instance ids listed per reason. */
	static final int IDS_PER_REASON = 5;

	static final String OTHER_REASONS = "other reasons (more than " + MAX_REASONS + " distinct ones)";

	private final RepositoryService repository;

	private final HistoryService history;

	private final DmnEngine dmnEngine;

	private final BacktestProperties properties;

	private final Clock clock;

	DecisionBacktester(ProcessEngine engine, BacktestProperties properties, Clock clock) {
		this.repository = engine.getRepositoryService();
		this.history = engine.getHistoryService();
		this.dmnEngine = standaloneDmnEngine(engine);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A DMN engine with the process engine's expression languages and FEEL settings but
	 * none of its listeners: the process engine's own DMN engine would record every
	 * replay as a new historic decision instance and count it in the metrics. JUEL
	 * expressions run without the process engine's beans.
	 */
	static DmnEngine standaloneDmnEngine(ProcessEngine engine) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl processEngine
				&& processEngine.getDmnEngineConfiguration() != null) {
			DefaultDmnEngineConfiguration used = processEngine.getDmnEngineConfiguration();
			if (used.getDefaultInputExpressionExpressionLanguage() != null) {
				configuration
					.setDefaultInputExpressionExpressionLanguage(used.getDefaultInputExpressionExpressionLanguage());
			}
			if (used.getDefaultInputEntryExpressionLanguage() != null) {
				configuration.setDefaultInputEntryExpressionLanguage(used.getDefaultInputEntryExpressionLanguage());
			}
			if (used.getDefaultOutputEntryExpressionLanguage() != null) {
				configuration.setDefaultOutputEntryExpressionLanguage(used.getDefaultOutputEntryExpressionLanguage());
			}
			if (used.getDefaultLiteralExpressionLanguage() != null) {
				configuration.setDefaultLiteralExpressionLanguage(used.getDefaultLiteralExpressionLanguage());
			}
			if (used.getFeelCustomFunctionProviders() != null) {
				configuration.setFeelCustomFunctionProviders(used.getFeelCustomFunctionProviders());
			}
			configuration.setEnableFeelLegacyBehavior(used.isEnableFeelLegacyBehavior());
			configuration.setReturnBlankTableOutputAsNull(used.isReturnBlankTableOutputAsNull());
		}
		configuration.setFeelEngineFactory(new MissingVariables(configuration.isEnableFeelLegacyBehavior()
				? new org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl()
				: () -> new ParsedFeelEngine(configuration.getFeelCustomFunctionProviders(),
						ParsedFeelPlugin.MAXIMUM_SIZE)));
		return configuration.buildEngine();
	}

	/**
	 * The latest deployed version of decision {@code key}, or null if none is deployed.
	 */
	DeployedDecision deployed(String key) {
		DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return null;
		}
		return new DeployedDecision(latest.getKey(), (latest.getName() != null) ? latest.getName() : latest.getKey(),
				latest.getVersion(), DecisionModels.outputs(
						DecisionModels.decision(this.repository.getDmnModelInstance(latest.getId()), latest.getKey())));
	}

	/** A deployed decision as the backtest page offers it. */
	record DeployedDecision(String key, String name, int version, List<String> outputs) {
	}

	/**
	 * Runs one backtest.
	 * @throws NotFoundException if no decision {@code key} is deployed
	 * @throws InvalidFieldException if the draft, the outputs or the period cannot be
	 * used (400 naming the field)
	 */
	BacktestReport run(BacktestRequest request) {
		String key = request.key();
		DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new NotFoundException("No decision with key '" + key + "' is deployed.");
		}
		List<DecisionDefinition> versions = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.orderByDecisionDefinitionVersion()
			.asc()
			.list();
		if (request.examples() < 0 || request.examples() > this.properties.maxExamples()) {
			throw new InvalidFieldException("examples", "must be from 0 to " + this.properties.maxExamples());
		}
		DraftDecision draft = DraftDecision.parse(request.draft(), key, this.dmnEngine);
		RecordedModels recorded = new RecordedModels(this.repository);
		List<String> outputs = outputs(request.outputs(), draft, recorded, latest);
		Map<String, InputClause> needed = needed(key, draft, recorded.allInputs(versions));

		Instant start = request.start();
		// evaluatedBefore is inclusive; nothing after the request started, so the count
		// holds while the pages are read
		Instant last = min(request.end().minusMillis(1), this.clock.instant());
		Replay replay = new Replay(key, draft, outputs, needed, recorded, request.examples());
		if (!last.isBefore(start)) {
			long total = evaluations(key, start, last).count();
			if (total > this.properties.maxEvaluations()) {
				throw new InvalidFieldException("from",
						"the period holds " + total + " evaluations of '" + key + "', more than the "
								+ this.properties.maxEvaluations() + " one backtest replays; choose a shorter period");
			}
			Set<String> requiredKeys = new LinkedHashSet<>();
			versions.forEach((version) -> requiredKeys.addAll(recorded.required(version.getId(), key)));
			int pageSize = this.properties.pageSize();
			for (long first = 0; first < total; first += pageSize) {
				List<HistoricDecisionInstance> page = withValues(evaluations(key, start, last)).orderByEvaluationTime()
					.asc()
					.orderByDecisionInstanceId()
					.asc()
					.listPage((int) first, (int) Math.min(pageSize, total - first));
				if (page.isEmpty()) {
					break;
				}
				Map<String, List<HistoricDecisionInstance>> groups = requiredInstances(page, requiredKeys);
				for (HistoricDecisionInstance instance : page) {
					replay.evaluation(instance, groups.getOrDefault(root(instance), List.of()));
				}
			}
		}
		return replay.report(request, businessKeys(replay.examples));
	}

	private HistoricDecisionInstanceQuery evaluations(String key, Instant start, Instant last) {
		return this.history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(key)
			.evaluatedAfter(Date.from(start))
			.evaluatedBefore(Date.from(last));
	}

	private static HistoricDecisionInstanceQuery withValues(HistoricDecisionInstanceQuery query) {
		return query.includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization();
	}

	/**
	 * The instances of the required decisions evaluated with the page's evaluations, by
	 * root decision instance id.
	 */
	private Map<String, List<HistoricDecisionInstance>> requiredInstances(List<HistoricDecisionInstance> page,
			Set<String> requiredKeys) {
		if (requiredKeys.isEmpty()) {
			return Map.of();
		}
		Set<String> roots = page.stream().map(DecisionBacktester::root).collect(Collectors.toSet());
		Date from = Date.from(page.get(0).getEvaluationTime().toInstant().minus(REQUIRED_DECISIONS_WINDOW));
		Date to = Date.from(page.get(page.size() - 1).getEvaluationTime().toInstant().plus(REQUIRED_DECISIONS_WINDOW));
		return withValues(this.history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKeyIn(requiredKeys.toArray(String[]::new))
			.evaluatedAfter(from)
			.evaluatedBefore(to)).list()
			.stream()
			.filter((instance) -> instance.getRootDecisionInstanceId() != null
					&& roots.contains(instance.getRootDecisionInstanceId()))
			.collect(Collectors.groupingBy(HistoricDecisionInstance::getRootDecisionInstanceId));
	}

	private static String root(HistoricDecisionInstance instance) {
		return (instance.getRootDecisionInstanceId() != null) ? instance.getRootDecisionInstanceId() : instance.getId();
	}

	private Map<String, String> businessKeys(List<Example> examples) {
		Set<String> ids = examples.stream()
			.map(Example::processInstanceId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, String> keys = new HashMap<>();
		if (ids.isEmpty()) {
			return keys;
		}
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.processInstanceIds(ids)
			.list()) {
			if (instance.getBusinessKey() != null) {
				keys.put(instance.getId(), instance.getBusinessKey());
			}
		}
		return keys;
	}

	/**
	 * The outputs to compare: those asked for, each an output of the draft's decision; by
	 * default every output of the latest deployed version.
	 */
	private static List<String> outputs(List<String> asked, DraftDecision draft, RecordedModels recorded,
			DecisionDefinition latest) {
		List<String> names = (asked == null) ? List.of()
				: asked.stream().map(String::trim).filter((name) -> !name.isEmpty()).distinct().toList();
		if (names.isEmpty()) {
			List<String> deployed = DecisionModels
				.outputs(DecisionModels.decision(recorded.model(latest.getId()), latest.getKey()));
			return deployed.isEmpty() ? draft.outputs() : deployed;
		}
		List<String> unknown = names.stream().filter((name) -> !draft.outputs().contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidFieldException("outputs", "'" + String.join("', '", unknown) + "' "
					+ ((unknown.size() == 1) ? "is not an output" : "are not outputs") + " of the draft's decision '"
					+ latest.getKey() + "', whose outputs are " + String.join(", ", draft.outputs()));
		}
		return names;
	}

	/**
	 * The variables the draft reads that the history must supply (by variable name, with
	 * the first clause that reads it), checked against what the deployed versions record.
	 * @throws InvalidFieldException if the draft reads a variable no recorded input
	 * stands for, or reads through an expression whose recorded values cannot be fed back
	 */
	static Map<String, InputClause> needed(String key, DraftDecision draft, List<InputClause> recordedInputs) {
		Set<String> available = recordedInputs.stream()
			.map(InputClause::variable)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		List<InputClause> unmappable = recordedInputs.stream().filter((clause) -> clause.variable() == null).toList();
		Set<String> computed = draft.computed();
		Map<String, InputClause> needed = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (InputClause clause : draft.inputs()) {
			if (clause.variable() == null) {
				unmappable.stream()
					.filter((recordedClause) -> recordedClause.decision().equals(clause.decision())
							&& recordedClause.id().equals(clause.id()))
					.findFirst()
					.ifPresent((recordedClause) -> problems.add("the draft's " + clause.describe()
							+ " reads the expression '" + clause.expression()
							+ "', and its recorded values cannot be fed back into an expression that is more than a variable name"));
				continue;
			}
			if (computed.contains(clause.variable()) || needed.containsKey(clause.variable())) {
				continue;
			}
			needed.put(clause.variable(), clause);
			if (!available.contains(clause.variable())) {
				problems.add("the draft's " + clause.describe() + " reads '" + clause.variable()
						+ "', which the recorded evaluations of '" + key + "' do not hold");
			}
		}
		if (!problems.isEmpty()) {
			StringBuilder message = new StringBuilder(String.join("; ", problems));
			message.append(" (recorded inputs: ")
				.append(available.isEmpty() ? "none" : String.join(", ", available))
				.append(")");
			if (!unmappable.isEmpty()) {
				message.append("; recorded inputs whose expression is more than a variable name cannot be replayed: ")
					.append(unmappable.stream()
						.map((clause) -> "'" + clause.label() + "' = " + clause.expression())
						.collect(Collectors.joining(", ")));
			}
			throw new InvalidFieldException(DraftDecision.FIELD, message.toString());
		}
		return needed;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** The running tally of one backtest, fed one historic evaluation at a time. */
	private final class Replay {

		private final String key;

		private final DraftDecision draft;

		private final List<String> outputs;

		private final Map<String, InputClause> needed;

		private final Set<String> computed;

		private final RecordedModels recorded;

		private final int exampleLimit;

		private long evaluations;

		private long replayed;

		private long changed;

		private final Map<Integer, Long> versions = new TreeMap<>();

		private final Set<String> cases = new HashSet<>();

		private final Map<List<String>, Long> transitions = new HashMap<>();

		private final List<Example> examples = new ArrayList<>();

		private final Map<String, NotReplayedTally> notReplayed = new LinkedHashMap<>();

		Replay(String key, DraftDecision draft, List<String> outputs, Map<String, InputClause> needed,
				RecordedModels recorded, int exampleLimit) {
			this.key = key;
			this.draft = draft;
			this.outputs = outputs;
			this.needed = needed;
			this.computed = draft.computed();
			this.recorded = recorded;
			this.exampleLimit = exampleLimit;
		}

		void evaluation(HistoricDecisionInstance instance, List<HistoricDecisionInstance> group) {
			this.evaluations++;
			this.versions.merge(this.recorded.version(instance.getDecisionDefinitionId()), 1L, Long::sum);
			Map<String, TypedValue> variables = new LinkedHashMap<>();
			Set<String> requiredKeys = this.recorded.required(instance.getDecisionDefinitionId(), this.key);
			Set<String> producedByRequired = new HashSet<>();
			// the required decisions first: a variable several decisions read keeps the
			// value
			// the first one recorded
			for (HistoricDecisionInstance required : group) {
				if (!requiredKeys.contains(required.getDecisionDefinitionKey())) {
					continue;
				}
				String problem = collect(required, variables);
				if (problem != null) {
					notReplayed(instance, problem);
					return;
				}
				required.getOutputs()
					.stream()
					.map(HistoricDecisionOutputInstance::getVariableName)
					.filter(Objects::nonNull)
					.forEach(producedByRequired::add);
			}
			String problem = collect(instance, variables);
			if (problem != null) {
				notReplayed(instance, problem);
				return;
			}
			// what the draft's required decisions compute again is theirs to decide
			producedByRequired.stream().filter(this.computed::contains).forEach(variables::remove);
			for (Map.Entry<String, InputClause> entry : this.needed.entrySet()) {
				if (!variables.containsKey(entry.getKey())) {
					notReplayed(instance, "no recorded value for '" + entry.getKey() + "', which the draft's "
							+ entry.getValue().describe() + " reads");
					return;
				}
			}
			Outcome before;
			try {
				before = recordedOutcome(instance);
			}
			catch (RuntimeException ex) {
				notReplayed(instance, "the recorded result cannot be read: " + DraftDecision.describe(ex));
				return;
			}
			VariableMap context = Variables.createVariables();
			variables.forEach(context::putValueTyped);
			DmnDecisionResult result;
			MissingVariables.clear();
			try {
				result = DecisionBacktester.this.dmnEngine.evaluateDecision(this.draft.decision(), context);
			}
			catch (RuntimeException ex) {
				notReplayed(instance, "the draft fails: " + DraftDecision.describe(ex));
				return;
			}
			// a required decision without result leaves its outputs unset, as in the
			// process; any other name FEEL did not find is one the history never held
			Set<String> missing = new java.util.TreeSet<>(MissingVariables.noted());
			missing.removeAll(this.computed);
			if (!missing.isEmpty()) {
				notReplayed(instance,
						"the draft reads "
								+ missing.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "))
								+ ", which the recorded evaluation does not hold");
				return;
			}
			Outcome after = Outcome.of(result.getResultList(), this.outputs);
			this.replayed++;
			if (before.sameAs(after)) {
				return;
			}
			this.changed++;
			this.transitions.merge(List.of(before.label(), after.label()), 1L, Long::sum);
			String caseId = (instance.getProcessInstanceId() != null) ? instance.getProcessInstanceId()
					: instance.getCaseInstanceId();
			if (caseId != null) {
				this.cases.add(caseId);
			}
			if (this.examples.size() < this.exampleLimit) {
				Map<String, Object> inputs = new TreeMap<>();
				variables.forEach((name, value) -> inputs.put(name, jsonValue(value.getValue())));
				this.examples.add(new Example(instance.getId(), instance.getEvaluationTime().toInstant(),
						this.recorded.version(instance.getDecisionDefinitionId()), instance.getProcessDefinitionKey(),
						instance.getProcessInstanceId(), null, inputs, before.label(), after.label(), json(before),
						json(after)));
			}
		}

		/**
		 * Adds the variables an instance's recorded inputs stand for; returns why they
		 * cannot be used, or null.
		 */
		private String collect(HistoricDecisionInstance instance, Map<String, TypedValue> variables) {
			Map<String, InputClause> clauses = this.recorded.inputs(instance.getDecisionDefinitionId(),
					instance.getDecisionDefinitionKey());
			for (HistoricDecisionInputInstance input : instance.getInputs()) {
				InputClause clause = clauses.get(input.getClauseId());
				if (clause == null || clause.variable() == null || variables.containsKey(clause.variable())) {
					continue;
				}
				String name = "recorded input '"
						+ ((input.getClauseName() != null) ? input.getClauseName() : input.getClauseId()) + "' of '"
						+ instance.getDecisionDefinitionKey() + "'";
				if (input.getErrorMessage() != null) {
					return name + " could not be read: " + input.getErrorMessage();
				}
				TypedValue value = input.getTypedValue();
				if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
					return name + " holds a serialized " + value.getType().getName() + " value";
				}
				variables.put(clause.variable(), value);
			}
			return null;
		}

		/**
		 * The recorded result: the aggregated value of a COLLECT table with an
		 * aggregator, else the outputs of each matched rule.
		 */
		private Outcome recordedOutcome(HistoricDecisionInstance instance) {
			List<HistoricDecisionOutputInstance> outputs = instance.getOutputs();
			if (instance.getCollectResultValue() != null) {
				String name = outputs.stream()
					.map(HistoricDecisionOutputInstance::getVariableName)
					.filter(Objects::nonNull)
					.findFirst()
					.orElse(this.outputs.get(0));
				Map<String, Object> aggregated = new HashMap<>();
				aggregated.put(name, instance.getCollectResultValue());
				return Outcome.of(List.of(aggregated), this.outputs);
			}
			Map<Integer, Map<String, Object>> byRule = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
			for (HistoricDecisionOutputInstance output : outputs) {
				if (output.getErrorMessage() != null) {
					throw new IllegalStateException(output.getErrorMessage());
				}
				byRule.computeIfAbsent(output.getRuleOrder(), (order) -> new HashMap<>())
					.put(output.getVariableName(), output.getValue());
			}
			return Outcome.of(byRule.values(), this.outputs);
		}

		private void notReplayed(HistoricDecisionInstance instance, String reason) {
			String bucket = (this.notReplayed.size() < MAX_REASONS || this.notReplayed.containsKey(reason)) ? reason
					: OTHER_REASONS;
			NotReplayedTally tally = this.notReplayed.computeIfAbsent(bucket, (name) -> new NotReplayedTally());
			tally.count++;
			if (tally.ids.size() < IDS_PER_REASON) {
				tally.ids.add(instance.getId());
			}
		}

		BacktestReport report(BacktestRequest request, Map<String, String> businessKeys) {
			List<Transition> transitions = this.transitions.entrySet()
				.stream()
				.map((entry) -> new Transition(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
				.sorted(Comparator.comparingLong(Transition::count)
					.reversed()
					.thenComparing(Transition::oldOutcome)
					.thenComparing(Transition::newOutcome))
				.toList();
			List<Example> examples = this.examples.stream()
				.map((example) -> new Example(example.decisionInstanceId(), example.evaluatedAt(),
						example.decisionVersion(), example.processDefinitionKey(), example.processInstanceId(),
						businessKeys.get(example.processInstanceId()), example.inputs(), example.oldOutcome(),
						example.newOutcome(), example.oldResult(), example.newResult()))
				.toList();
			List<NotReplayed> reasons = this.notReplayed.entrySet()
				.stream()
				.map((entry) -> new NotReplayed(entry.getKey(), entry.getValue().count,
						List.copyOf(entry.getValue().ids)))
				.sorted(Comparator.comparingLong(NotReplayed::count).reversed())
				.toList();
			long notReplayedCount = this.evaluations - this.replayed;
			return new BacktestReport(this.key, this.draft.name(), request.draftFile(),
					new BacktestReport.Period(request.from(), request.to(), request.zone().getId()), this.outputs,
					this.evaluations, this.replayed, this.changed, this.replayed - this.changed, notReplayedCount,
					this.cases.size(),
					this.versions.entrySet()
						.stream()
						.map((entry) -> new VersionCount(entry.getKey(), entry.getValue()))
						.toList(),
					transitions, examples, reasons);
		}

	}

	private static final class NotReplayedTally {

		private long count;

		private final List<String> ids = new ArrayList<>();

	}

	private static List<Map<String, Object>> json(Outcome outcome) {
		return outcome.results().stream().map((result) -> {
			Map<String, Object> values = new LinkedHashMap<>();
			result.forEach((name, value) -> values.put(name, jsonValue(value)));
			return values;
		}).toList();
	}

	/** A value as JSON shows it: dates as instants, everything else as it is. */
	private static Object jsonValue(Object value) {
		return (value instanceof Date date) ? date.toInstant() : value;
	}

}
