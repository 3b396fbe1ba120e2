package io.reflow.crm.platform.migration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A process version whose {@code reflow.autoMigrate} property was acted on; table
 * {@code process_auto_migration}.
 */
@Entity
@Table(name = "process_auto_migration")
class AutoMigrationRun {

	@Id
	@Column(name = "target_definition_id")
	String targetDefinitionId;

	@Column(name = "handled_at", nullable = false)
	Instant handledAt;

	protected AutoMigrationRun() {
	}

	AutoMigrationRun(String targetDefinitionId, Instant handledAt) {
		this.targetDefinitionId = targetDefinitionId;
		this.handledAt = handledAt;
	}

}
