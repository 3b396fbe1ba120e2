package io.reflow.crm.platform.deployment;

import java.time.Instant;
import java.util.List;

/**
 * What live reload watches and what its last run did; the body of
 * {@code GET /api/models/reload-status}.
 *
 * @param enabled always {@code true} (when live reload is off the endpoint answers 404)
 * @param watching the absolute folders being watched
 * @param lastRun when the last reload finished; {@code null} before the first
 * @param deployed resource names of the last reload that deployed something (changed
 * files and the files carried along with them)
 * @param deploymentId the deployment that reload created; {@code null} before the first
 * @param failures files that are broken now: each stays listed until it is fixed
 */
public record LiveReloadStatus(boolean enabled, List<String> watching, Instant lastRun, List<String> deployed,
		String deploymentId, List<Failure> failures) {

	public LiveReloadStatus {
		watching = List.copyOf(watching);
		deployed = List.copyOf(deployed);
		failures = List.copyOf(failures);
	}

	/**
	 * A file live reload could not deploy; the last good version stays active.
	 *
	 * @param resource the file, relative to the models folder
	 * ({@code processes/sales/lead-qualification.bpmn}); {@code null} when the engine's
	 * refusal names no file
	 * @param message the parser's or engine's message
	 * @param line the line in the file, {@code null} when unknown
	 * @param at when this failure was first seen
	 */
	public record Failure(String resource, String message, Integer line, Instant at) {
	}

}
