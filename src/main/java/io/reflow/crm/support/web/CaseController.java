package io.reflow.crm.support.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.reflow.crm.support.CaseDraft;
import io.reflow.crm.support.CaseStatus;
import io.reflow.crm.support.CaseView;
import io.reflow.crm.support.SupportManagement;
import io.reflow.crm.support.SupportManagement.CaseCreation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases}: service cases run by {@code support-case}. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Customer-service cases, their SLAs, escalations and feedback")
class CaseController {

	private final SupportManagement cases;

	CaseController(SupportManagement cases) {
		this.cases = cases;
	}

	/** The customer's answer to a resolved case. */
	record Feedback(@NotNull Boolean resolved, @Min(1) @Max(5) Integer csat, @Size(max = 1000) String comment) {
	}

	/** An agent's comment. */
	record Comment(@jakarta.validation.constraints.NotBlank @Size(max = 2000) String text) {
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Comment on a case as the signed-in agent",
			description = "Kept as a comment of the case's open task and on the customer timeline; the first comment "
					+ "(like the first claim) is the case's first response. 409 if the case is closed.")
	CaseView comment(@PathVariable long id, @Valid @RequestBody Comment comment, java.security.Principal principal) {
		return this.cases.comment(id, principal.getName(), comment.text().trim());
	}

	@PostMapping
	@Operation(summary = "Open a case: triaged and given its SLA before the answer",
			description = "201 with priority, group and due dates; 200 with the earlier case when its externalRef is "
					+ "known already (nothing new is started).")
	ResponseEntity<CaseView> open(@Valid @RequestBody CaseDraft draft) {
		CaseCreation creation;
		try {
			creation = this.cases.open(draft);
		}
		catch (DataIntegrityViolationException ex) {
			// another request opened the same externalRef a moment earlier
			return ResponseEntity.ok(this.cases.findByExternalRef(draft.externalRef()).orElseThrow(() -> ex));
		}
		CaseView opened = creation.serviceCase();
		return creation.created() ? ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened)
				: ResponseEntity.ok(opened);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a case with its escalations and field visits")
	CaseView get(@PathVariable long id) {
		return this.cases.find(id);
	}

	@GetMapping
	@Operation(summary = "List cases by status, priority (P1–P4), group and whether an SLA was breached")
	PagedModel<CaseView> search(@RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String group,
			@RequestParam(required = false) Boolean breached,
			@PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
		return new PagedModel<>(this.cases.search(status, priority, group, breached, pageable));
	}

	@PostMapping("/{id}/feedback")
	@Operation(summary = "Record the customer's feedback on a resolved case",
			description = "Correlates message CustomerFeedbackReceived: resolved closes the case, not resolved reopens "
					+ "it. 409 if the case is not waiting for feedback; 400 for a CSAT outside 1–5.")
	CaseView feedback(@PathVariable long id, @Valid @RequestBody Feedback feedback) {
		return this.cases.feedback(id, feedback.resolved(), feedback.csat(), feedback.comment());
	}

}
