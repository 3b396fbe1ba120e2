package io.reflow.crm.testsupport;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives a process instance's jobs in {@code @SpringBootTest}s, whose {@code test}
 * profile turns the job executor off.
 */
public final class Jobs {

	private Jobs() {
	}

	/**
	 * Executes the instance's due jobs (async steps) as the job executor would, until
	 * none is left; timers not yet due stay.
	 */
	public static void runDue(ManagementService managementService, String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			List<Job> jobs = managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> managementService.executeJob(job.getId()));
		}
	}

	/**
	 * Runs a batch's seed, execution and monitor jobs (a migration batch, say) until the
	 * batch is over.
	 * @throws AssertionError if it is not over after 20 rounds
	 */
	public static void runBatch(ManagementService managementService, String batchId) {
		for (int round = 0; round < 20; round++) {
			Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
			if (batch == null) {
				return;
			}
			for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
					batch.getMonitorJobDefinitionId())) {
				for (Job job : managementService.createJobQuery().jobDefinitionId(definition).list()) {
					managementService.executeJob(job.getId());
				}
			}
		}
		throw new AssertionError("Batch " + batchId + " did not end");
	}

}
