package io.reflow.crm.platform.migration;

/**
 * A migration batch that was started.
 *
 * @param batchId Camunda's batch
 * @param processDefinitionKey the process
 * @param sourceVersion from
 * @param targetVersion to
 * @param instances how many instances it migrates
 * @param progress where its progress can be read
 */
public record StartedMigration(String batchId, String processDefinitionKey, int sourceVersion, int targetVersion,
		int instances, String progress) {
}
