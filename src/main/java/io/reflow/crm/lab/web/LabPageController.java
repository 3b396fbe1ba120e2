package io.reflow.crm.lab.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The lab's pages. {@code /lab/scorecard} is a shell: its script
 * ({@code static/js/scorecard.js}) reads every figure from {@code /api/lab}.
 */
@Controller
class LabPageController {

	@GetMapping("/lab/scorecard")
	String scorecard() {
		return "lab/scorecard";
	}

}
