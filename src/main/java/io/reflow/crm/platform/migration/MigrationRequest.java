package io.reflow.crm.platform.migration;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A migration of running instances of one process from one version to another.
 *
 * @param sourceVersion the version the instances run on
 * @param targetVersion the version they move to; the latest when absent
 * @param dryRun {@code true}: only check and report; otherwise start the migration
 * @param processInstanceIds only these instances (each must run on the source version);
 * all of the source version when absent
 * @param mappings activities to map in addition to those with equal ids (a renamed or
 * replaced task)
 */
public record MigrationRequest(@NotNull @Min(1) Integer sourceVersion, @Min(1) Integer targetVersion, Boolean dryRun,
		@Size(min = 1, max = 10000) List<@NotBlank String> processInstanceIds,
		@Size(max = 200) List<@Valid @NotNull ActivityMapping> mappings) {

	public boolean isDryRun() {
		return Boolean.TRUE.equals(this.dryRun);
	}

	public List<ActivityMapping> mappingsOrNone() {
		return (this.mappings != null) ? this.mappings : List.of();
	}

}
