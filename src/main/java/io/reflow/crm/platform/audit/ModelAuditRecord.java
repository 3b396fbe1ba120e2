package io.reflow.crm.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the model audit trail, as read and written by other modules.
 *
 * @param id assigned when stored; {@code null} before
 * @param occurredAt when it happened
 * @param action what happened
 * @param actor the user who did it; {@code null} for the application itself (start-up)
 * @param source where it came from: {@code Camunda Modeler}, {@code reflow-startup},
 * {@code reflow-live-reload}, {@code /models}, REST ...
 * @param subject the deployment id, or the process definition key for migrations
 * @param resources the resource (file) names concerned
 * @param detail a sentence for people: versions created, the parser's message, the
 * migration's counts
 */
public record ModelAuditRecord(Long id, Instant occurredAt, ModelAuditAction action, String actor, String source,
		String subject, List<String> resources, String detail) {

	public ModelAuditRecord {
		resources = (resources != null) ? List.copyOf(resources) : List.of();
	}

}
