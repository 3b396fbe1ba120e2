package io.reflow.crm.sales.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.sales.Forecast;
import io.reflow.crm.sales.OpportunityManagement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/forecast}: the open pipeline by expected-close month and group. */
@RestController
@Tag(name = "Forecast", description = "Sales pipeline and weighted forecast")
class ForecastController {

	private final OpportunityManagement opportunities;

	ForecastController(OpportunityManagement opportunities) {
		this.opportunities = opportunities;
	}

	@GetMapping("/api/forecast")
	@Operation(summary = "Pipeline and weighted pipeline (amount × stage probability) per month and group",
			description = "months: 1–36, starting with the current month. Open opportunities whose expected close "
					+ "date has passed are reported as overdue; those beyond the horizon as later.")
	Forecast forecast(@RequestParam(defaultValue = "6") int months) {
		return this.opportunities.forecast(months);
	}

}
