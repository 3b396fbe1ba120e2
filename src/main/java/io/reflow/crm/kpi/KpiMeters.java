package io.reflow.crm.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The process KPIs that are gauges or counters, for Prometheus:
 * {@code reflow_process_running{process}}, {@code reflow_tasks_open{group}} (read from
 * the projection and runtime tables, at most every five seconds) and
 * {@code reflow_process_completed_total{process}} (counted after each commit).
 */
class KpiMeters {

	private static final long CACHE_MILLIS = 5000;

	private final MeterRegistry registry;

	private final ProcessKpis kpis;

	private final Clock clock;

	private final Set<String> processes = ConcurrentHashMap.newKeySet();

	private final Set<String> groups = ConcurrentHashMap.newKeySet();

	private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of());

	private record Snapshot(Instant at, Map<String, Long> running, Map<String, Long> open) {
	}

	KpiMeters(MeterRegistry registry, ProcessKpis kpis, Clock clock) {
		this.registry = registry;
		this.kpis = kpis;
		this.clock = clock;
	}

	/** Registers the gauges of every deployed process and every group. */
	void registerKnown(RepositoryService repositoryService, IdentityService identityService) {
		repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.forEach((definition) -> process(definition.getKey()));
		identityService.createGroupQuery().list().forEach((group) -> group(group.getId()));
	}

	private void process(String key) {
		if (this.processes.add(key)) {
			Gauge.builder("reflow.process.running", this, (meters) -> meters.snapshot().running().getOrDefault(key, 0L))
				.description("Running process instances (all versions)")
				.tag("process", key)
				.register(this.registry);
		}
	}

	private void group(String group) {
		if (this.groups.add(group)) {
			Gauge.builder("reflow.tasks.open", this, (meters) -> meters.snapshot().open().getOrDefault(group, 0L))
				.description("Open user tasks naming the group as candidate")
				.tag("group", group)
				.register(this.registry);
		}
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (now.toEpochMilli() - current.at().toEpochMilli() > CACHE_MILLIS) {
			current = new Snapshot(now, this.kpis.runningByProcess(), this.kpis.openByGroup());
			this.snapshot = current;
		}
		return current;
	}

	/** Counts the instances a committed transaction ended. */
	void committed(KpiDelta delta) {
		delta.processDays.forEach((day, figures) -> {
			process(day.processKey());
			if (figures.completed > 0) {
				Counter.builder("reflow.process.completed")
					.description("Process instances ended")
					.tag("process", day.processKey())
					.register(this.registry)
					.increment(figures.completed);
			}
		});
	}

}
