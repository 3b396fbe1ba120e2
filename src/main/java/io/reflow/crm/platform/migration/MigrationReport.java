package io.reflow.crm.platform.migration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.camunda.bpm.engine.migration.MigrationPlan;

/**
 * The result of a dry run: whether Camunda's migration plan from one version to another
 * validates, and which running instances could not be migrated and why.
 *
 * @param processDefinitionKey the process
 * @param sourceDefinitionId the version the instances run on
 * @param sourceVersion its version number
 * @param targetDefinitionId the version they would move to
 * @param targetVersion its version number
 * @param valid whether the plan validates
 * @param instances how many instances were checked
 * @param migratable how many of them could be migrated
 * @param failures the instances that could not, with the reasons
 * @param instructions the plan's instructions (with their failures when the plan does not
 * validate)
 * @param planFailures why the plan does not validate, one line per failure
 * @param unmappedActivities activities of the source version where a token can wait and
 * that the plan does not map: instances there cannot be migrated
 * @param plan the plan, {@code null} when it does not validate
 * @param migratableIds the instances that could be migrated
 */
public record MigrationReport(String processDefinitionKey, String sourceDefinitionId, int sourceVersion,
		String targetDefinitionId, int targetVersion, boolean valid, int instances, int migratable,
		List<InstanceFailure> failures, List<Instruction> instructions, List<String> planFailures,
		List<Activity> unmappedActivities, @JsonIgnore MigrationPlan plan, @JsonIgnore List<String> migratableIds) {

	public MigrationReport {
		failures = List.copyOf(failures);
		instructions = List.copyOf(instructions);
		planFailures = List.copyOf(planFailures);
		unmappedActivities = List.copyOf(unmappedActivities);
		migratableIds = List.copyOf(migratableIds);
	}

	/** The plan validates and every instance checked can be migrated. */
	@JsonProperty("clean")
	public boolean clean() {
		return this.valid && this.failures.isEmpty();
	}

	/**
	 * An instance that cannot be migrated.
	 *
	 * @param processInstanceId the instance
	 * @param businessKey its business key ({@code lead-42})
	 * @param reasons why, in words and as Camunda reported it
	 */
	public record InstanceFailure(String processInstanceId, String businessKey, List<String> reasons) {

		public InstanceFailure {
			reasons = List.copyOf(reasons);
		}

	}

	/**
	 * One instruction of the plan.
	 *
	 * @param sourceActivityId activity of the source version
	 * @param sourceActivityName its name
	 * @param targetActivityId activity of the target version
	 * @param targetActivityName its name
	 * @param updateEventTrigger whether the event trigger (timer, message) is updated
	 * @param failures why the instruction does not validate; empty when it does
	 */
	public record Instruction(String sourceActivityId, String sourceActivityName, String targetActivityId,
			String targetActivityName, boolean updateEventTrigger, List<String> failures) {
	}

	/** An activity by id and name. */
	public record Activity(String id, String name) {
	}

}
