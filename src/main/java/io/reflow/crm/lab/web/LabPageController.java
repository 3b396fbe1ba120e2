package io.reflow.crm.lab.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The lab's pages. {@code /lab/scorecard} and {@code /lab/simulate} are shells: their
 * scripts ({@code static/js/scorecard.js}, {@code simulate.js}) read every figure from
 * {@code /api/lab}.
 */
@Controller
class LabPageController {

	@GetMapping("/lab/scorecard")
	String scorecard() {
		return "lab/scorecard";
	}

	@GetMapping("/lab/simulate")
	String simulate() {
		return "lab/simulate";
	}

}
