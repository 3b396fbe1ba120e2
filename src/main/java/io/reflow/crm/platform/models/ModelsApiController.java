package io.reflow.crm.platform.models;

import java.util.List;

import io.reflow.crm.platform.web.InvalidFieldException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/models}: the catalogue of deployed processes and decisions with their
 * versions, and each version's XML for the viewers. For the analyst groups
 * (SecurityConfiguration). The audit trail ({@code /api/models/audit}) and the live
 * reload status ({@code /api/models/reload-status}) are served elsewhere.
 */
@RestController
@RequestMapping("/api/models")
class ModelsApiController {

	private final ModelCatalogue catalogue;

	ModelsApiController(ModelCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/processes")
	List<ProcessModel> processes() {
		return this.catalogue.processes();
	}

	@GetMapping("/processes/{key}")
	ProcessModel process(@PathVariable String key) {
		return this.catalogue.process(key);
	}

	@GetMapping(path = "/processes/{key}/versions/{version}/xml", produces = MediaType.APPLICATION_XML_VALUE)
	String processXml(@PathVariable String key, @PathVariable int version) {
		InvalidFieldException.requireVersion("version", version);
		return this.catalogue.processXml(key, version);
	}

	@GetMapping("/decisions")
	List<DecisionModel> decisions() {
		return this.catalogue.decisions();
	}

	@GetMapping("/decisions/{key}")
	DecisionModel decision(@PathVariable String key) {
		return this.catalogue.decision(key);
	}

	@GetMapping(path = "/decisions/{key}/versions/{version}/xml", produces = MediaType.APPLICATION_XML_VALUE)
	String decisionXml(@PathVariable String key, @PathVariable int version) {
		InvalidFieldException.requireVersion("version", version);
		return this.catalogue.decisionXml(key, version);
	}

}
