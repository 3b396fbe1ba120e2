package io.reflow.crm.platform.migration;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/processes/{key}/migrations}: dry run and batch migration of running
 * instances, and their progress. For the analyst groups (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/processes/{key}/migrations")
class MigrationController {

	/** Sent by the /models page, so the audit trail says where a migration came from. */
	static final String SOURCE_HEADER = "X-Reflow-Source";

	static final String MODELS_PAGE = "/models";

	static final String API = "/api/processes";

	private final ProcessMigrations migrations;

	MigrationController(ProcessMigrations migrations) {
		this.migrations = migrations;
	}

	/**
	 * With {@code dryRun: true}: 200 and the report. Otherwise 202 with the batch and its
	 * progress address, or 422 (plan does not validate) / 409 (instances that cannot be
	 * migrated) problem details with the report's findings.
	 */
	@PostMapping
	ResponseEntity<?> migrate(@PathVariable String key, @Valid @RequestBody MigrationRequest request,
			@RequestHeader(name = SOURCE_HEADER, required = false) String sourceHeader, Authentication authentication) {
		if (request.isDryRun()) {
			return ResponseEntity.ok(this.migrations.dryRun(key, request));
		}
		String source = MODELS_PAGE.equals(sourceHeader) ? MODELS_PAGE : API;
		StartedMigration started = this.migrations.start(key, request, authentication.getName(), source);
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(started.progress())).body(started);
	}

	/** The latest 20 migrations of the process, newest first. */
	@GetMapping
	List<MigrationProgress> recent(@PathVariable String key) {
		return this.migrations.recent(key, 20);
	}

	@GetMapping("/{batchId}")
	MigrationProgress progress(@PathVariable String key, @PathVariable String batchId) {
		return this.migrations.progress(key, batchId);
	}

}
