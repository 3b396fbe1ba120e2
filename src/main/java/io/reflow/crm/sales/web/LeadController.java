package io.reflow.crm.sales.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import io.reflow.crm.sales.LeadDraft;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.LeadManagement.LeadCreation;
import io.reflow.crm.sales.LeadView;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/leads}: new leads start {@code lead-qualification}. */
@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "Sales leads and their qualification")
class LeadController {

	private final LeadManagement leads;

	LeadController(LeadManagement leads) {
		this.leads = leads;
	}

	@PostMapping
	@Operation(summary = "Create a lead and start its qualification",
			description = "201 with the new lead; 200 with the earlier lead when its externalRef is known already "
					+ "(nothing new is started).")
	ResponseEntity<LeadView> create(@Valid @RequestBody LeadDraft draft) {
		LeadCreation creation;
		try {
			creation = this.leads.create(draft);
		}
		catch (DataIntegrityViolationException ex) {
			// another request created the same externalRef a moment earlier
			LeadView earlier = this.leads.findByExternalRef(draft.externalRef()).orElseThrow(() -> ex);
			return ResponseEntity.ok(earlier);
		}
		LeadView lead = creation.lead();
		return creation.created() ? ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(lead)
				: ResponseEntity.ok(lead);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a lead: status, score, assigned group, opportunity once converted")
	LeadView get(@PathVariable long id) {
		return this.leads.find(id);
	}

}
