package io.reflow.crm.lab.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.lab.Scorecard;
import io.reflow.crm.lab.ScorecardManagement;
import io.reflow.crm.platform.web.InvalidFieldException;

import org.camunda.bpm.engine.RepositoryService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The version scorecard's API ({@code /api/lab}). */
@RestController
@RequestMapping("/api/lab")
@Tag(name = "Reengineering lab", description = "Two versions of a process compared on their measured history")
class ScorecardController {

	private final ScorecardManagement scorecards;

	private final RepositoryService repository;

	ScorecardController(ScorecardManagement scorecards, RepositoryService repository) {
		this.scorecards = scorecards;
		this.repository = repository;
	}

	/** A version of a process, for choosing what to compare. */
	record VersionChoice(int version, String versionTag, String name) {
	}

	/** A process and its versions, oldest first. */
	record ProcessChoice(String key, String name, List<VersionChoice> versions) {
	}

	@GetMapping("/scorecard")
	@Operation(summary = "Two versions of a process side by side",
			description = "from and to are version numbers or version tags (by default the latest version and the "
					+ "one before it). Cycle time and cost per case (working time x the candidate group's hourly "
					+ "rate, reflow.lab.hourly-rates) by median, p90 and a Mann-Whitney U test; outcome, rework and "
					+ "due-date shares by a two-proportion z-test with a confidence interval of the difference "
					+ "(to - from); per activity durations, waiting and working times; the model elements added, "
					+ "removed and changed. 404 for an unknown process or version.")
	Scorecard scorecard(@Parameter(description = "process key") @RequestParam String process,
			@Parameter(description = "version number or tag, the baseline") @RequestParam(required = false) String from,
			@Parameter(description = "version number or tag, the redesign") @RequestParam(required = false) String to) {
		return this.scorecards.scorecard(process, from, to);
	}

	@GetMapping("/processes")
	@Operation(summary = "The processes and their versions, for choosing what to compare")
	List<ProcessChoice> processes() {
		return this.repository.createProcessDefinitionQuery()
			.latestVersion()
			.withoutTenantId()
			.orderByProcessDefinitionKey()
			.asc()
			.list()
			.stream()
			.map((latest) -> new ProcessChoice(latest.getKey(), latest.getName(),
					this.scorecards.versions(latest.getKey())
						.stream()
						.map((definition) -> new VersionChoice(definition.getVersion(), definition.getVersionTag(),
								definition.getName()))
						.toList()))
			.toList();
	}

	@GetMapping(path = "/processes/{key}/versions/{version}/xml", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "The BPMN XML of a version, for the diagram diff")
	String xml(@PathVariable String key, @PathVariable int version) {
		InvalidFieldException.requireVersion("version", version);
		return this.scorecards.xml(key, version);
	}

}
