package io.reflow.crm.platform.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditRecord;
import io.reflow.crm.platform.web.InvalidFieldException;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models/audit}: the model audit trail for analysts and administrators
 * (the path is restricted to them): deployments with who, when, which resources and from
 * where, refused deployments with the reason, live-reload failures and migrations.
 */
@RestController
@RequestMapping("/api/models/audit")
@Tag(name = "Model audit", description = "Who deployed or migrated which models, when and from where")
class ModelAuditController {

	static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

	private final ModelAudit audit;

	private final Clock clock;

	ModelAuditController(ModelAudit audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The audit trail, newest first",
			description = "from and to are ISO dates (2026-03-01; whole days in the server's zone, both included) or "
					+ "instants (2026-03-01T08:00:00Z); by default the last 90 days up to now. subject narrows to "
					+ "one deployment id (or process definition key for migrations).")
	PagedModel<ModelAuditRecord> list(
			@Parameter(description = "start, ISO date or instant; default: 90 days before to") @RequestParam(
					required = false) String from,
			@Parameter(description = "end, ISO date or instant; default: now") @RequestParam(
					required = false) String to,
			@Parameter(description = "deployment id, deployment name or process definition key") @RequestParam(
					required = false) String subject,
			@PageableDefault(size = 50) Pageable pageable) {
		Instant end = (to != null) ? parse("to", to, true) : Instant.now(this.clock);
		Instant start = (from != null) ? parse("from", from, false) : end.minus(DEFAULT_PERIOD);
		if (start.isAfter(end)) {
			throw new InvalidFieldException("from", "must not be after 'to'");
		}
		String narrowed = (subject != null && !subject.isBlank()) ? subject.trim() : null;
		return new PagedModel<>(this.audit.list(narrowed, start, end, pageable));
	}

	/**
	 * An instant as given, or a date as the start of that day ({@code from}) or its last
	 * microsecond ({@code to}).
	 */
	private Instant parse(String field, String value, boolean endOfDay) {
		String text = value.trim();
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return endOfDay
						? day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant().minus(1, ChronoUnit.MICROS)
						: day.atStartOfDay(this.clock.getZone()).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field,
					"must be an ISO date (2026-03-01) or instant (2026-03-01T08:00:00Z)");
		}
	}

}
