package io.reflow.crm.customer.web;

import java.util.List;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerSearch;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer pages for every signed-in module user: the searchable list
 * ({@code /customers}) and the read-only customer 360 view ({@code /customers/{id}}).
 * Both only read; changes go through the modules' APIs and Tasklist, whose rules apply.
 */
@Controller
class CustomerPageController {

	static final int PAGE_SIZE = 20;

	private final CustomerManagement customers;

	private final Customer360Reader reader;

	CustomerPageController(CustomerManagement customers, Customer360Reader reader) {
		this.customers = customers;
		this.reader = reader;
	}

	@GetMapping("/customers")
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) Region region,
			@RequestParam(required = false) Tier tier, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<CustomerView> result = this.customers.search(new CustomerSearch(name, region, tier),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("companyName", "id")));
		model.addAttribute("name", (name != null) ? name : "");
		model.addAttribute("region", region);
		model.addAttribute("tier", tier);
		model.addAttribute("regions", List.of(Region.values()));
		model.addAttribute("tiers", List.of(Tier.values()));
		model.addAttribute("result", result);
		return "customers/list";
	}

	@GetMapping("/customers/{id}")
	String customer(@PathVariable long id, @RequestParam(defaultValue = "0") int timeline,
			Authentication authentication, Model model) {
		try {
			model.addAttribute("view", this.reader.read(id, timeline, authentication.getName()));
		}
		catch (NotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage(), ex);
		}
		return "customers/customer";
	}

}
