package io.reflow.crm.platform.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Works out, without changing anything, whether the running instances of one process
 * version can move to another: builds Camunda's migration plan (equal activities mapped
 * by id, event triggers updated, plus explicit mappings) and checks every instance.
 * <p>
 * Camunda validates instances only while migrating them, and its synchronous
 * {@code execute()} stops at the first instance that fails. So each instance is migrated
 * on its own, with custom listeners and I/O mappings skipped, inside one engine command
 * per chunk of instances that always ends by throwing: the command's transaction (a new
 * one, never the caller's) is rolled back and nothing it did is flushed. What Camunda
 * refuses is read from its validation report; the activity instance tree adds a reason a
 * person understands ("is at 'Qualify lead', which has no counterpart in version 2").
 * Usable with and without Spring (engine tests).
 */
public final class MigrationCheck {

	/** Instances checked per rolled-back command: bounds the memory of one command. */
	static final int CHUNK = 100;

	private static final String NO_INSTRUCTION = "There is no migration instruction for this instance's activity";

	private final ProcessEngine engine;

	private final RuntimeService runtimeService;

	public MigrationCheck(ProcessEngine engine) {
		this.engine = engine;
		this.runtimeService = engine.getRuntimeService();
	}

	/**
	 * Builds the plan and checks the instances.
	 * @param source the version the instances run on
	 * @param target the version they should move to
	 * @param mappings explicit mappings added to the equal-id ones (may be empty)
	 * @param instanceIds the instances to check, or {@code null} for every running
	 * instance of {@code source}
	 */
	public MigrationReport check(ProcessDefinition source, ProcessDefinition target, List<ActivityMapping> mappings,
			Collection<String> instanceIds) {
		List<String> ids = (instanceIds != null) ? List.copyOf(new LinkedHashSet<>(instanceIds))
				: this.runtimeService.createProcessInstanceQuery()
					.processDefinitionId(source.getId())
					.orderByProcessInstanceId()
					.asc()
					.list()
					.stream()
					.map(ProcessInstance::getId)
					.toList();
		BpmnModelInstance sourceModel = this.engine.getRepositoryService().getBpmnModelInstance(source.getId());
		BpmnModelInstance targetModel = this.engine.getRepositoryService().getBpmnModelInstance(target.getId());
		Names names = new Names(sourceModel, targetModel);
		MigrationPlan plan;
		List<MigrationReport.Instruction> instructions;
		List<String> planFailures = new ArrayList<>();
		try {
			plan = build(source.getId(), target.getId(), mappings);
			instructions = plan.getInstructions().stream().map((i) -> instruction(i, List.of(), names)).toList();
		}
		catch (MigrationPlanValidationException ex) {
			plan = null;
			instructions = new ArrayList<>();
			for (MigrationInstructionValidationReport report : ex.getValidationReport().getInstructionReports()) {
				instructions.add(instruction(report.getMigrationInstruction(), report.getFailures(), names));
				report.getFailures()
					.forEach((failure) -> planFailures
						.add(names.source(report.getMigrationInstruction().getSourceActivityId()) + " → "
								+ names.target(report.getMigrationInstruction().getTargetActivityId()) + ": "
								+ failure));
			}
			ex.getValidationReport()
				.getVariableReports()
				.forEach((variable, report) -> report.getFailures()
					.forEach((failure) -> planFailures.add("variable " + variable + ": " + failure)));
			if (planFailures.isEmpty()) {
				planFailures.add(ex.getMessage());
			}
		}
		Set<String> mapped = new HashSet<>();
		if (plan != null) {
			plan.getInstructions().forEach((i) -> mapped.add(i.getSourceActivityId()));
		}
		List<MigrationReport.Activity> unmapped = waitStates(sourceModel).stream()
			.filter((node) -> !mapped.contains(node.getId()))
			.map((node) -> new MigrationReport.Activity(node.getId(), node.getName()))
			.toList();

		List<MigrationReport.InstanceFailure> failures = new ArrayList<>();
		List<String> migratable = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			trial(chunk, plan, mapped, target.getVersion(), names, failures, migratable);
		}
		return new MigrationReport(source.getKey(), source.getId(), source.getVersion(), target.getId(),
				target.getVersion(), plan != null, ids.size(), migratable.size(), failures, instructions, planFailures,
				unmapped, plan, migratable);
	}

	private MigrationPlan build(String sourceId, String targetId, List<ActivityMapping> mappings) {
		MigrationInstructionsBuilder equal = this.runtimeService.createMigrationPlan(sourceId, targetId)
			.mapEqualActivities()
			.updateEventTriggers();
		MigrationPlanBuilder builder = equal;
		for (ActivityMapping mapping : (mappings != null) ? mappings : List.<ActivityMapping>of()) {
			builder = builder.mapActivities(mapping.sourceActivityId(), mapping.targetActivityId());
		}
		return builder.build();
	}

	/**
	 * Checks one chunk in a command of its own whose transaction is always rolled back.
	 */
	private void trial(List<String> chunk, MigrationPlan plan, Set<String> mapped, int targetVersion, Names names,
			List<MigrationReport.InstanceFailure> failures, List<String> migratable) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		try {
			configuration.getCommandExecutorTxRequiresNew().execute((context) -> {
				Map<String, String> businessKeys = new LinkedHashMap<>();
				this.runtimeService.createProcessInstanceQuery()
					.processInstanceIds(new HashSet<>(chunk))
					.list()
					.forEach((instance) -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
				for (String id : chunk) {
					if (!businessKeys.containsKey(id)) {
						failures
							.add(new MigrationReport.InstanceFailure(id, null, List.of("Is not running (any more)")));
						continue;
					}
					ActivityInstance tree = this.runtimeService.getActivityInstance(id);
					List<String> reasons = new ArrayList<>();
					Set<String> explained = new HashSet<>();
					if (plan == null) {
						reasons.add("The migration plan does not validate (see planFailures)");
					}
					else {
						explainUnmapped(tree, mapped, targetVersion, names, reasons, explained);
						try {
							this.runtimeService.newMigration(plan)
								.processInstanceIds(id)
								.skipCustomListeners()
								.skipIoMappings()
								.execute();
						}
						catch (MigratingProcessInstanceValidationException ex) {
							reasons.addAll(engineReasons(ex.getValidationReport(), explained, names));
						}
						catch (ProcessEngineException ex) {
							reasons.add(ex.getMessage());
						}
					}
					if (reasons.isEmpty()) {
						migratable.add(id);
					}
					else {
						failures.add(new MigrationReport.InstanceFailure(id, businessKeys.get(id), reasons));
					}
				}
				throw new TrialRolledBack();
			});
		}
		catch (TrialRolledBack expected) {
			// the point of the exercise: nothing of the trial migrations is kept
		}
	}

	/**
	 * Every activity (or asynchronous continuation) the instance is at that no
	 * instruction maps.
	 */
	private static void explainUnmapped(ActivityInstance instance, Set<String> mapped, int targetVersion, Names names,
			List<String> reasons, Set<String> explained) {
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			if (!mapped.contains(child.getActivityId())) {
				reasons.add("Is at " + names.source(child.getActivityId()) + ", which has no counterpart in version "
						+ targetVersion);
				explained.add(child.getActivityId());
			}
			explainUnmapped(child, mapped, targetVersion, names, reasons, explained);
		}
		for (TransitionInstance transition : instance.getChildTransitionInstances()) {
			if (!mapped.contains(transition.getActivityId())) {
				reasons.add("Waits for the asynchronous continuation of " + names.source(transition.getActivityId())
						+ ", which has no counterpart in version " + targetVersion);
				explained.add(transition.getActivityId());
			}
		}
	}

	private static List<String> engineReasons(MigratingProcessInstanceValidationReport report, Set<String> explained,
			Names names) {
		List<String> reasons = new ArrayList<>(report.getFailures());
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			addScoped(reasons, activity.getSourceScopeId(), activity.getFailures(), explained, names);
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			addScoped(reasons, transition.getSourceScopeId(), transition.getFailures(), explained, names);
		}
		return reasons;
	}

	private static void addScoped(List<String> reasons, String scopeId, List<String> failures, Set<String> explained,
			Names names) {
		for (String failure : failures) {
			if (NO_INSTRUCTION.equals(failure) && explained.contains(scopeId)) {
				continue;
			}
			String reason = names.source(scopeId) + ": " + failure;
			if (!reasons.contains(reason)) {
				reasons.add(reason);
			}
		}
	}

	private static MigrationReport.Instruction instruction(MigrationInstruction instruction, List<String> failures,
			Names names) {
		return new MigrationReport.Instruction(instruction.getSourceActivityId(),
				names.sourceName(instruction.getSourceActivityId()), instruction.getTargetActivityId(),
				names.targetName(instruction.getTargetActivityId()), instruction.isUpdateEventTrigger(),
				List.copyOf(failures));
	}

	/**
	 * The flow nodes where an instance can wait, and so must find a counterpart: tasks
	 * that wait for a person or a message, scopes, catching events and joins, boundary
	 * events with a persistent trigger, and any node with an asynchronous continuation or
	 * run as an external task. Synchronous steps hold no token between transactions.
	 */
	private static List<FlowNode> waitStates(BpmnModelInstance model) {
		return model.getModelElementsByType(FlowNode.class).stream().filter(MigrationCheck::canWait).toList();
	}

	private static boolean canWait(FlowNode node) {
		if (node instanceof BoundaryEvent boundary) {
			return boundary.getEventDefinitions()
				.stream()
				.anyMatch((definition) -> definition instanceof TimerEventDefinition
						|| definition instanceof MessageEventDefinition || definition instanceof SignalEventDefinition
						|| definition instanceof ConditionalEventDefinition);
		}
		return node instanceof UserTask || node instanceof ReceiveTask || node instanceof SubProcess
				|| node instanceof CallActivity || node instanceof IntermediateCatchEvent
				|| node instanceof EventBasedGateway || node instanceof ParallelGateway
				|| node instanceof ComplexGateway || node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()
				|| (node instanceof ServiceTask task && "external".equals(task.getCamundaType()))
				|| (node instanceof BusinessRuleTask rule && "external".equals(rule.getCamundaType()))
				|| (node instanceof SendTask send && "external".equals(send.getCamundaType()));
	}

	/** Element names of both versions, for messages. */
	private record Names(BpmnModelInstance source, BpmnModelInstance target) {

		String source(String id) {
			return describe(sourceName(id), id);
		}

		String target(String id) {
			return describe(targetName(id), id);
		}

		String sourceName(String id) {
			return name(this.source, id);
		}

		String targetName(String id) {
			return name(this.target, id);
		}

		private static String describe(String name, String id) {
			return (name != null && !name.isBlank()) ? "'" + name + "' (" + id + ")" : id;
		}

		private static String name(BpmnModelInstance model, String id) {
			if (id == null) {
				return null;
			}
			ModelElementInstance element = model.getModelElementById(id);
			if (element instanceof org.camunda.bpm.model.bpmn.instance.FlowElement flowElement) {
				return flowElement.getName();
			}
			return null;
		}

	}

	/** Thrown at the end of every trial so its transaction is rolled back. */
	private static final class TrialRolledBack extends RuntimeException {

		TrialRolledBack() {
			super("migration trial rolled back", null, false, false);
		}

	}

}
