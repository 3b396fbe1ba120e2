package io.reflow.crm.sales.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.reflow.crm.sales.OpportunityManagement;
import io.reflow.crm.sales.OpportunityStage;
import io.reflow.crm.sales.OpportunityView;
import io.reflow.crm.sales.QuoteManagement;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/opportunities}: the pipeline, quote documents and customer answers. */
@RestController
@RequestMapping("/api/opportunities")
@Tag(name = "Opportunities", description = "Opportunities, their quotes and orders")
class OpportunityController {

	private final OpportunityManagement opportunities;

	private final QuoteManagement quotes;

	OpportunityController(OpportunityManagement opportunities, QuoteManagement quotes) {
		this.opportunities = opportunities;
		this.quotes = quotes;
	}

	/** The customer's answer to the sent quote. */
	record CustomerResponse(@NotNull Boolean accepted, @Size(max = 200) String reason) {
	}

	@GetMapping
	@Operation(summary = "List opportunities, optionally of one stage and owner group")
	PagedModel<OpportunityView> search(@RequestParam(required = false) OpportunityStage stage,
			@RequestParam(required = false) String group,
			@PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
		return new PagedModel<>(this.opportunities.search(stage, group, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an opportunity with its quotes and its order")
	OpportunityView get(@PathVariable long id) {
		return this.opportunities.find(id);
	}

	@PostMapping("/{id}/customer-response")
	@Operation(summary = "Record the customer's answer to the sent quote",
			description = "Correlates message QuoteAccepted or QuoteDeclined. 202: the answer is recorded and the order "
					+ "(or the loss) follows within seconds; 409 if the opportunity is not waiting for an answer, "
					+ "for example because it is already won.")
	ResponseEntity<OpportunityView> respond(@PathVariable long id, @Valid @RequestBody CustomerResponse response) {
		return ResponseEntity.accepted().body(this.opportunities.respond(id, response.accepted(), response.reason()));
	}

	@GetMapping(path = "/{id}/quotes/{quoteId}/document", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Download the PDF of a sent quote")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long quoteId) {
		QuoteManagement.Document document = this.quotes.document(id, quoteId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(document.fileName()).build().toString())
			.body(document.content());
	}

}
