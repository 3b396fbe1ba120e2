package io.reflow.crm.kpi.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.kpi.KpiProjections;
import io.reflow.crm.kpi.ProcessKpis;
import io.reflow.crm.platform.web.InvalidFieldException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/kpis/processes}, {@code /api/kpis/tasks} and the rebuild: the process KPIs
 * of the dashboard (managers' groups and camunda-admin, see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/kpis")
@Tag(name = "Process KPIs",
		description = "Started, ended, running, cycle time, throughput, per-activity times and open tasks; "
				+ "periods are whole days in the zone reflow.kpi.zone")
class ProcessKpiController {

	private static final String ADMIN_AUTHORITY = "GROUP_camunda-admin";

	private final ProcessKpis kpis;

	private final KpiProjections projections;

	ProcessKpiController(ProcessKpis kpis, KpiProjections projections) {
		this.kpis = kpis;
		this.projections = projections;
	}

	@GetMapping("/processes")
	@Operation(summary = "Process KPIs per process key over a period",
			description = "from/to are inclusive days (yyyy-MM-dd), by default the last 30 days ending today; 400 if "
					+ "from > to or the period exceeds 366 days. started counts instances started in the period, "
					+ "completed those ended in it (also cancelled ones), cycleTime (seconds) is over the ended ones: "
					+ "median and p90 from log-spaced histogram buckets (at most 9.05 % relative error), average "
					+ "exact. running and incidents are now. version restricts every figure to that version number.")
	ProcessKpis.Processes processes(
			@Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "process definition version") @RequestParam(required = false) Integer version) {
		InvalidFieldException.requireVersion("version", version);
		return this.kpis.processes(this.kpis.period(from, to), version);
	}

	@GetMapping("/processes/{key}/activities")
	@Operation(summary = "Per-activity counts and average duration, waiting and working time of one version",
			description = "Activity instances ended in the period of the given version (the latest if none); waiting "
					+ "is a user task's time from creation to its first assignment, working from there to completion "
					+ "(seconds). 404 for an unknown process or version.")
	ProcessKpis.Activities activities(@PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer version) {
		InvalidFieldException.requireVersion("version", version);
		return this.kpis.activities(key, this.kpis.period(from, to), version);
	}

	@GetMapping(path = "/processes/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "The BPMN XML of a version (the latest if none), for the heatmap")
	ResponseEntity<byte[]> diagram(@PathVariable String key, @RequestParam(required = false) Integer version) {
		InvalidFieldException.requireVersion("version", version);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(this.kpis.diagram(key, version));
	}

	@GetMapping("/tasks")
	@Operation(summary = "Open user tasks by candidate group with their average and oldest age (seconds)",
			description = "From the runtime tables; an assigned task still counts for its candidate groups.")
	ProcessKpis.OpenTasks tasks(@RequestParam(required = false) String group) {
		return this.kpis.tasks(group);
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Rebuild the process KPI projections from the engine's history (camunda-admin only)",
			description = "202 with the number of process instances, activity instances and user tasks read.")
	ResponseEntity<?> rebuild(Authentication authentication) {
		List<String> authorities = authentication.getAuthorities().stream().map((a) -> a.getAuthority()).toList();
		if (!authorities.contains(ADMIN_AUTHORITY)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"Only camunda-admin may rebuild the KPI projections.");
			problem.setTitle("Forbidden");
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return ResponseEntity.accepted().body(this.projections.rebuild());
	}

}
