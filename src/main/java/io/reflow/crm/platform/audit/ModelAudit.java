package io.reflow.crm.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of the analyst's loop: who deployed what, when and from where, which
 * deployments were refused, and which migrations ran with what outcome.
 */
@Service
public class ModelAudit {

	private static final int TEXT_LIMIT = 4000;

	private static final String RESOURCE_SEPARATOR = "\n";

	private final ModelAuditEntries entries;

	private final Clock clock;

	ModelAudit(ModelAuditEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Records an entry in the caller's transaction (a deployment's entry commits or rolls
	 * back with the deployment).
	 */
	@Transactional
	public ModelAuditRecord record(ModelAuditAction action, String actor, String source, String subject,
			List<String> resources, String detail) {
		return view(this.entries.save(new ModelAuditEntry(Instant.now(this.clock), action, actor, source, subject,
				limit(String.join(RESOURCE_SEPARATOR, (resources != null) ? resources : List.of())), limit(detail))));
	}

	/**
	 * Records an entry in a transaction of its own, so it stays when the caller's work (a
	 * refused deployment) rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public ModelAuditRecord recordIndependently(ModelAuditAction action, String actor, String source, String subject,
			List<String> resources, String detail) {
		return record(action, actor, source, subject, resources, detail);
	}

	/** Newest first; {@code subject} may be {@code null} for all. */
	@Transactional(readOnly = true)
	public Page<ModelAuditRecord> list(String subject, Instant from, Instant to, Pageable page) {
		Page<ModelAuditEntry> found = (subject == null)
				? this.entries.findByOccurredAtBetweenOrderByOccurredAtDescIdDesc(from, to, page)
				: this.entries.findBySubjectAndOccurredAtBetweenOrderByOccurredAtDescIdDesc(subject, from, to, page);
		return found.map(ModelAudit::view);
	}

	/** Every entry of one kind (e.g. all deployments), newest first. */
	@Transactional(readOnly = true)
	public List<ModelAuditRecord> all(ModelAuditAction action) {
		return this.entries.findByActionOrderByOccurredAtDescIdDesc(action).stream().map(ModelAudit::view).toList();
	}

	private static ModelAuditRecord view(ModelAuditEntry entry) {
		List<String> resources = (entry.resources == null || entry.resources.isEmpty()) ? List.of()
				: Arrays.asList(entry.resources.split(RESOURCE_SEPARATOR));
		return new ModelAuditRecord(entry.id, entry.occurredAt, entry.action, entry.actor, entry.source, entry.subject,
				resources, entry.detail);
	}

	private static String limit(String text) {
		if (text == null || text.length() <= TEXT_LIMIT) {
			return text;
		}
		return text.substring(0, TEXT_LIMIT - 1) + "…";
	}

}
