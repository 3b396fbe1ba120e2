package io.reflow.crm.platform.migration;

import java.time.Instant;

/**
 * How far a migration batch has come.
 *
 * @param batchId Camunda's batch
 * @param processDefinitionKey the process
 * @param sourceVersion from
 * @param targetVersion to
 * @param instances how many instances the batch was given
 * @param startedBy who started it ({@code auto-migration} when a deployment did)
 * @param source where it was started: {@code /models}, {@code /api/processes} or the
 * source of the deployment that triggered an auto-migration
 * @param startedAt when
 * @param totalJobs the batch's jobs (one per instance)
 * @param completedJobs jobs done
 * @param failedJobs jobs out of retries: each has an incident in Cockpit, and the batch
 * does not end before they are retried or deleted
 * @param remainingJobs jobs still to run, failed ones included
 * @param done whether the batch is over
 * @param finishedAt when it was seen over
 * @param migrated instances now on the target version (when done)
 * @param notMigrated instances the batch was given that are not (ended or deleted before
 * their turn, or the batch was deleted)
 */
public record MigrationProgress(String batchId, String processDefinitionKey, int sourceVersion, int targetVersion,
		int instances, String startedBy, String source, Instant startedAt, int totalJobs, int completedJobs,
		int failedJobs, int remainingJobs, boolean done, Instant finishedAt, Integer migrated, Integer notMigrated) {
}
