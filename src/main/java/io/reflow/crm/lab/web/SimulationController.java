package io.reflow.crm.lab.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.lab.SimulationManagement;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Simulations of the reengineering lab: {@code POST /api/lab/simulations} queues one (202
 * with its location), {@code GET /api/lab/simulations/{id}} shows its progress and, when
 * done, the baseline's and the candidate's figures side by side.
 */
@RestController
@RequestMapping("/api/lab/simulations")
@Tag(name = "Lab")
class SimulationController {

	private final SimulationManagement simulations;

	SimulationController(SimulationManagement simulations) {
		this.simulations = simulations;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Simulate a process version against another version or an uploaded draft",
			description = "Both run on an isolated in-memory engine under the same scenario (calibrated from the "
					+ "baseline's history, with the overrides of the scenario file) and seed. Production is only read. "
					+ "A bad scenario, or a draft the engine refuses to deploy, is answered with 400 naming the field "
					+ "and, for a draft, the engine's findings by file and line.")
	ResponseEntity<SimulationManagement.SimulationRun> start(
			@Parameter(description = "process key") @RequestParam String process,
			@Parameter(description = "version number or tag; default the latest") @RequestParam(
					required = false) String baseline,
			@Parameter(description = "version number or tag to compare with") @RequestParam(
					required = false) String candidate,
			@Parameter(description = "random seed; default 1") @RequestParam(required = false) Long seed,
			@Parameter(description = "scenario overrides, JSON or YAML (docs/lab.md)") @RequestParam(
					required = false) String scenario,
			@Parameter(description = "a draft: a .bpmn of the process and/or .dmn files, not deployed") @RequestPart(
					name = "files", required = false) List<MultipartFile> files) {
		if (process.isBlank()) {
			throw new InvalidFieldException("process", "is required");
		}
		Map<String, byte[]> draft = new LinkedHashMap<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (file.isEmpty()) {
					continue;
				}
				String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : file.getName();
				try {
					draft.put(name, file.getBytes());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		SimulationManagement.SimulationRun run = this.simulations
			.start(new SimulationManagement.Request(process, baseline, candidate, draft, scenario, seed));
		return ResponseEntity.accepted().location(URI.create("/api/lab/simulations/" + run.getId())).body(run);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A simulation's state, progress and result")
	SimulationManagement.SimulationRun find(@PathVariable String id) {
		return this.simulations.find(id)
			.orElseThrow(() -> new NotFoundException("There is no simulation '" + id + "' (runs are kept in memory: "
					+ "the last 20, until a restart)."));
	}

	@GetMapping
	@Operation(summary = "The recent simulations, newest first")
	List<SimulationManagement.SimulationRun> recent() {
		return this.simulations.recent();
	}

}
