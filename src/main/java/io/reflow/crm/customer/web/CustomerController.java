package io.reflow.crm.customer.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerSearch;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.InteractionView;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/customers}: create, read, update and search customers and their contacts.
 */
@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Customer companies and their contacts")
class CustomerController {

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	CustomerController(CustomerManagement customers, CustomerTimeline timeline) {
		this.customers = customers;
		this.timeline = timeline;
	}

	@GetMapping
	@Operation(summary = "Search customers by part of the name, region and tier, page by page")
	PagedModel<CustomerView> search(@RequestParam(required = false) String name,
			@RequestParam(required = false) Region region, @RequestParam(required = false) Tier tier,
			@PageableDefault(size = 20, sort = "companyName", direction = Sort.Direction.ASC) Pageable pageable) {
		return new PagedModel<>(this.customers.search(new CustomerSearch(name, region, tier), pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one customer with its contacts")
	CustomerView get(@PathVariable long id) {
		return this.customers.find(id);
	}

	@GetMapping("/{id}/interactions")
	@Operation(summary = "The customer's timeline, newest first: leads, opportunities, quotes, orders")
	PagedModel<InteractionView> interactions(@PathVariable long id, @PageableDefault(size = 50) Pageable pageable) {
		this.customers.find(id);
		return new PagedModel<>(this.timeline.ofCustomer(id, pageable));
	}

	@PostMapping
	@Operation(summary = "Create a customer with its contacts")
	ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerDraft draft) {
		CustomerView created = this.customers.create(draft);
		return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a customer's fields and contact list (send the version you read)")
	CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerDraft draft) {
		return this.customers.update(id, draft);
	}

	@PostMapping("/{id}/contacts")
	@Operation(summary = "Add a contact to a customer; 409 if the customer has a contact with that e-mail")
	ResponseEntity<CustomerView> addContact(@PathVariable long id, @Valid @RequestBody ContactDraft draft) {
		return ResponseEntity.status(201).body(this.customers.addContact(id, draft));
	}

}
