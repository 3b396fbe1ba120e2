package io.reflow.crm.platform.migration;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * One migration batch started by this application, with the instances it was given; table
 * {@code process_migration}. {@code finishedAt} is set once, when the batch is seen
 * complete, together with the MIGRATION_FINISHED audit entry.
 */
@Entity
@Table(name = "process_migration")
class MigrationRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(name = "batch_id", nullable = false)
	String batchId;

	@Column(name = "process_key", nullable = false)
	String processKey;

	@Column(name = "source_definition_id", nullable = false)
	String sourceDefinitionId;

	@Column(name = "source_version", nullable = false)
	int sourceVersion;

	@Column(name = "target_definition_id", nullable = false)
	String targetDefinitionId;

	@Column(name = "target_version", nullable = false)
	int targetVersion;

	@Column(nullable = false)
	int instances;

	String actor;

	String source;

	@Column(name = "started_at", nullable = false)
	Instant startedAt;

	@Column(name = "finished_at")
	Instant finishedAt;

	Integer migrated;

	@ElementCollection
	@CollectionTable(name = "process_migration_instance", joinColumns = @JoinColumn(name = "migration_id"))
	@Column(name = "process_instance_id")
	Set<String> processInstanceIds = new LinkedHashSet<>();

	protected MigrationRecord() {
	}

	MigrationRecord(String batchId, MigrationReport report, String actor, String source, Instant startedAt) {
		this.batchId = batchId;
		this.processKey = report.processDefinitionKey();
		this.sourceDefinitionId = report.sourceDefinitionId();
		this.sourceVersion = report.sourceVersion();
		this.targetDefinitionId = report.targetDefinitionId();
		this.targetVersion = report.targetVersion();
		this.instances = report.migratableIds().size();
		this.actor = actor;
		this.source = source;
		this.startedAt = startedAt;
		this.processInstanceIds.addAll(report.migratableIds());
	}

}
