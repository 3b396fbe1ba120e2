package io.reflow.crm.marketing.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import io.reflow.crm.marketing.CampaignDraft;
import io.reflow.crm.marketing.CampaignResults;
import io.reflow.crm.marketing.CampaignStatus;
import io.reflow.crm.marketing.CampaignView;
import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.marketing.MarketingManagement.ResponseCreation;
import io.reflow.crm.marketing.MemberView;
import io.reflow.crm.marketing.ResponseDraft;
import io.reflow.crm.marketing.ResponseType;
import io.reflow.crm.marketing.ResponseView;

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

/** {@code /api/campaigns}: marketing campaigns run by {@code marketing-campaign}. */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Marketing campaigns, their members, responses and results")
class CampaignController {

	private final MarketingManagement campaigns;

	CampaignController(MarketingManagement campaigns) {
		this.campaigns = campaigns;
	}

	@PostMapping
	@Operation(summary = "Draft a campaign and start its planning",
			description = "Starts marketing-campaign with business key campaign-<id>; the Plan campaign task opens with "
					+ "the draft filled in. Only the name is required; a budget must be above zero, dates not in the "
					+ "past and the end not before the start.")
	ResponseEntity<CampaignView> create(@Valid @RequestBody CampaignDraft draft) {
		CampaignView created = this.campaigns.create(draft);
		return ResponseEntity.created(URI.create("/api/campaigns/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "List campaigns, optionally by status")
	PagedModel<CampaignView> search(@RequestParam(required = false) CampaignStatus status,
			@PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
		return new PagedModel<>(this.campaigns.search(status, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a campaign")
	CampaignView get(@PathVariable long id) {
		return this.campaigns.find(id);
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "List the campaign's members (selected after the budget approval)")
	PagedModel<MemberView> members(@PathVariable long id, @PageableDefault(size = 50) Pageable pageable) {
		return new PagedModel<>(this.campaigns.members(id, pageable));
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "The campaign's results, live",
			description = "Members, messages per channel, responses by type, response rate, and what sales made of "
					+ "it: leads, qualified leads, opportunities, won orders and their revenue, cost per lead and "
					+ "ROI = (revenue − budget) / budget.")
	CampaignResults results(@PathVariable long id) {
		return this.campaigns.results(id);
	}

	@GetMapping("/{id}/responses")
	@Operation(summary = "List the campaign's responses, optionally of one type",
			description = "Each response names its lead (leadId) once the member was handed to sales.")
	PagedModel<ResponseView> responses(@PathVariable long id, @RequestParam(required = false) ResponseType type,
			@PageableDefault(size = 50, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
		return new PagedModel<>(this.campaigns.responses(id, type, pageable));
	}

	@GetMapping("/{id}/responses/{responseId}")
	@Operation(summary = "Read one response")
	ResponseView response(@PathVariable long id, @PathVariable long responseId) {
		return this.campaigns.response(id, responseId);
	}

	@PostMapping("/{id}/responses")
	@Operation(summary = "Record a member's response",
			description = "The member by contactId or email. 201 for a new response, 200 with the earlier one when "
					+ "the member already gave this type of response. UNSUBSCRIBED opts the contact out of all future "
					+ "campaigns; INTERESTED (or REGISTERED with interested=true) hands the member to sales as a lead "
					+ "with source CAMPAIGN. 404 if the contact is not a member; 409 once the campaign is completed "
					+ "or cancelled.")
	ResponseEntity<ResponseView> respond(@PathVariable long id, @Valid @RequestBody ResponseDraft draft) {
		ResponseCreation creation;
		try {
			creation = this.campaigns.respond(id, draft);
		}
		catch (DataIntegrityViolationException ex) {
			// the same response was recorded by another request a moment earlier
			creation = this.campaigns.respond(id, draft);
		}
		ResponseView response = creation.response();
		return creation.created()
				? ResponseEntity.created(URI.create("/api/campaigns/" + id + "/responses/" + response.id()))
					.body(response)
				: ResponseEntity.ok(response);
	}

}
