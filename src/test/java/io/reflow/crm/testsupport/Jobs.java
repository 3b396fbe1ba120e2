package io.reflow.crm.testsupport;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
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

}
