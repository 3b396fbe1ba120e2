package io.reflow.crm.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the API returns it, with its escalations and visits. First-response and
 * resolution times are wall-clock durations since the case was opened (ISO-8601);
 * {@code slaMet} is set once the case is closed.
 */
public record CaseView(long id, String number, long customerId, Long contactId, CaseChannel channel,
		CaseCategory category, CaseSeverity severity, String subject, String description, String externalRef,
		CaseStatus status, String priority, String assigneeGroup, String slaCalendar, String responseDue,
		String resolutionDue, Instant responseDueAt, Instant resolutionDueAt, Instant firstResponseAt,
		String respondedBy, boolean responseBreached, boolean resolutionBreached, String diagnosis, String resolution,
		Instant resolvedAt, Integer csat, String feedbackComment, Instant closedAt, String closeReason,
		int escalationLevel, int reopenCount, boolean awaitingFeedback, Duration firstResponseTime,
		Duration resolutionTime, Boolean slaMet, String processInstanceId, Instant createdAt,
		List<EscalationView> escalations, List<VisitView> visits) {

	/** One escalation. */
	public record EscalationView(Breach breach, int level, String escalatedTo, boolean notifyAccountOwner,
			String priorityBefore, String priorityAfter, Instant escalatedAt) {
	}

	/** One field visit. */
	public record VisitView(String engineer, LocalDate visitDate, String note, String report, Boolean solved,
			Instant performedAt) {
	}

	static CaseView of(ServiceCase c, boolean awaitingFeedback, List<EscalationView> escalations,
			List<VisitView> visits) {
		return new CaseView(c.id, c.number(), c.customerId, c.contactId, c.channel, c.category, c.severity, c.subject,
				c.description, c.externalRef, c.status, c.priority, c.assigneeGroup, c.slaCalendar, c.responseDue,
				c.resolutionDue, c.responseDueAt, c.resolutionDueAt, c.firstResponseAt, c.respondedBy,
				c.responseBreached, c.resolutionBreached, c.diagnosis, c.resolution, c.resolvedAt, c.csat,
				c.feedbackComment, c.closedAt, c.closeReason, c.escalationLevel, c.reopenCount, awaitingFeedback,
				(c.firstResponseAt != null) ? Duration.between(c.createdAt, c.firstResponseAt) : null,
				(c.resolvedAt != null) ? Duration.between(c.createdAt, c.resolvedAt) : null,
				(c.status == CaseStatus.CLOSED) ? !(c.responseBreached || c.resolutionBreached) : null,
				c.processInstanceId, c.createdAt, escalations, visits);
	}

}
