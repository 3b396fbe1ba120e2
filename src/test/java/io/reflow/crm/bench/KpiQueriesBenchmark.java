package io.reflow.crm.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Section 5: latency of the dashboard API ({@code /api/kpis/**}, real HTTP on a random
 * port of the application started by Spring Boot on PostgreSQL) at 10^4, 10^5 and 10^6
 * finished cases, against the same process figures computed from Camunda's
 * {@link HistoryService} queries. History is bulk-built by {@link BulkHistory}.
 *
 * <p>
 * System properties: {@code reflow.bench.kpi.scales} (default
 * {@code 10000,100000,1000000}), {@code reflow.bench.kpi.casesPerDay} (default 300),
 * {@code reflow.bench.kpi.requests} (requests per variant and repetition, default 25),
 * {@code reflow.bench.kpi.repetitions} (default 5).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "postgres" })
class KpiQueriesBenchmark {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_bench_kpi");
	}

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	HistoryService historyService;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void measureDashboardAtScale() throws Exception {
		long[] scales = Arrays.stream(System.getProperty("reflow.bench.kpi.scales", "10000,100000,1000000").split(","))
			.mapToLong((s) -> Long.parseLong(s.strip()))
			.toArray();
		double casesPerDay = Double.parseDouble(System.getProperty("reflow.bench.kpi.casesPerDay", "300"));
		int requests = Integer.getInteger("reflow.bench.kpi.requests", 25);
		int repetitions = Integer.getInteger("reflow.bench.kpi.repetitions", 5);
		int countRequests = Math.max(2, requests / 10);

		Map<String, String> definitions = new LinkedHashMap<>();
		for (String key : List.of(BulkHistory.LEAD, BulkHistory.SUPPORT)) {
			ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.processDefinitionVersion(1)
				.singleResult();
			definitions.put(key, definition.getId());
		}
		BulkHistory history = new BulkHistory(this.dataSource, definitions, Instant.now(), casesPerDay, 200);
		history.customers();

		Http http = new Http(this.port);
		LocalDate today = LocalDate.now(BulkHistory.KPI_ZONE);
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("API /api/kpis/processes (30 days)", "/api/kpis/processes");
		endpoints.put("API /api/kpis/processes (365 days)",
				"/api/kpis/processes?from=" + today.minusDays(364) + "&to=" + today);
		endpoints.put("API /api/kpis/processes/lead-qualification/activities",
				"/api/kpis/processes/lead-qualification/activities");
		endpoints.put("API /api/kpis/tasks", "/api/kpis/tasks");
		endpoints.put("API /api/kpis/sales", "/api/kpis/sales");
		endpoints.put("API /api/kpis/service", "/api/kpis/service");
		String historyFigures = "HistoryService: the /processes figures (30 days)";
		String historyCount = "HistoryService: finished instances per key (all time)";

		Map<Long, Map<String, Result>> byScale = new LinkedHashMap<>();
		List<List<String>> generation = new ArrayList<>();
		for (long scale : scales) {
			double seconds = history.growTo(scale);
			generation.add(List.of(String.format(Locale.ROOT, "%,d", scale),
					String.format(Locale.ROOT, "%.0f", history.days()), String.format(Locale.ROOT, "%.1f", seconds),
					String.join(", ", history.counts())));
			// the API answers what history holds: check once per scale before timing
			String body = ok(http.to(endpoints.values().iterator().next()).basic("manager", "demo").get());
			if (!body.contains("\"completed\"")) {
				throw new IllegalStateException(body);
			}
			Map<String, List<Double>> latencies = new LinkedHashMap<>();
			Interleaved runs = Interleaved.of().warmups(1).repetitions(repetitions);
			endpoints.forEach((name, path) -> {
				List<Double> all = new ArrayList<>();
				latencies.put(name, all);
				runs.variant(name,
						() -> timedP95(requests, all, () -> ok(http.to(path).basic("manager", "demo").get())));
			});
			List<Double> historyAll = new ArrayList<>();
			latencies.put(historyFigures, historyAll);
			runs.variant(historyFigures, () -> timedP95(requests, historyAll, () -> historyFigures(today)));
			List<Double> countAll = new ArrayList<>();
			latencies.put(historyCount, countAll);
			// a count over all history takes seconds at 10^6: a few calls show it
			runs.variant(historyCount, () -> timedP95(countRequests, countAll, this::finishedCounts));
			Map<String, Stats> perRep = runs.run();
			Map<String, Result> results = new LinkedHashMap<>();
			perRep.forEach((name, stats) -> {
				List<Double> all = latencies.get(name);
				// the warm-up round's calls are not part of the figures
				int warmup = historyCount.equals(name) ? countRequests : requests;
				Stats pooled = Stats.of(all.subList(warmup, all.size()));
				results.put(name, new Result(pooled.quantile(0.5), pooled.quantile(0.95), stats));
			});
			byScale.put(scale, results);
		}

		BenchReport report = BenchReport.section("5-kpi-queries", "5. KPI queries at scale")
			.paragraph(BenchReport.machine("PostgreSQL " + PostgresServer.version()
					+ " (embedded zonky server, fsync off, synchronous_commit off, same host)"))
			.paragraph(
					"""
							Latency of the dashboard API through real HTTP (Spring Boot application on a random port, \
							profile postgres, Basic authentication as `manager` on every request, Java HttpClient with \
							keep-alive on loopback, one client thread) at growing numbers of finished cases, and of the \
							same process figures computed in the application's JVM from Camunda's `HistoryService` \
							(`HistoricProcessInstanceQuery` per process key: started and finished in the period counted, \
							the finished ones listed for the average, median and p90 cycle time, unfinished counted). \
							History is bulk-built, not run through the engine: every case gets its `ACT_HI_PROCINST` row \
							(COPY), its business row (`crm_lead` for `lead-qualification`, `crm_case` for `support-case`) \
							and its contribution to the kpi projections (`kpi_process_day`, `kpi_process_day_bucket`, \
							`kpi_activity_day`) with the arithmetic of `KpiHistoryEventHandler` (days in Asia/Shanghai, the \
							duration histogram); half the cases are leads (40 %% converted, 35 %% disqualified, 25 %% \
							nurtured), half service cases, cycle times log-uniform (leads 30 s..7 days, cases 10 min..14 \
							days). Cases end at a constant %.0f per day backwards from now, so a larger history is a \
							longer one, as in production: the dashboard's default period (the last 30 days) holds the \
							same ~%.0f cases at every scale. `ACT_HI_ACTINST`, `ACT_HI_TASKINST` and the other history \
							tables are not filled (no endpoint and no compared query reads them). Tables are ANALYZEd \
							after loading. Per scale the variants run interleaved, 1 warm-up round, %d repetitions of %d \
							requests each (the all-time count: %d each); p50/p95 are over all timed requests of a variant; "p95 per repetition" \
							gives the median (min, max) of the repetitions' p95 and the spread is (max − min) / median \
							of those."""
						.formatted(casesPerDay, casesPerDay * 30, repetitions, requests, repetitions * requests))
			.table(List.of("finished cases", "days of history", "load seconds", "rows after loading"), generation);
		for (Map.Entry<Long, Map<String, Result>> scale : byScale.entrySet()) {
			List<List<String>> rows = new ArrayList<>();
			scale.getValue()
				.forEach((name, result) -> rows
					.add(List.of(name, ms(result.p50()), ms(result.p95()), result.perRep().summary("%.1f"),
							String.format(Locale.ROOT, "%.0f %%", result.perRep().spread() * 100))));
			report.paragraph("**%,d finished cases** (latencies in ms)", scale.getKey())
				.table(List.of("variant", "p50", "p95", "p95 per repetition", "spread"), rows);
		}
		if (byScale.size() > 1) {
			long smallest = scales[0];
			long largest = scales[scales.length - 1];
			List<List<String>> ratios = new ArrayList<>();
			byScale.get(smallest).forEach((name, small) -> {
				Result large = byScale.get(largest).get(name);
				ratios.add(List.of(name, String.format(Locale.ROOT, "%.2f", large.p50() / small.p50()),
						String.format(Locale.ROOT, "%.2f", large.p95() / small.p95()), ms(large.p95()),
						(large.p95() / small.p95() <= 1.5 && large.p95() < 50) ? "yes" : "no"));
			});
			report
				.paragraph("Ratios %,d / %,d finished cases. Target for the API: ratio <= 1.5 and p95 < 50 ms.",
						largest, smallest)
				.table(List.of("variant", "p50 ratio", "p95 ratio",
						"p95 at " + String.format(Locale.ROOT, "%,d", largest),
						"within target (ratio <= 1.5, p95 < 50 ms)"), ratios);
		}
		report.write();
	}

	@FunctionalInterface
	interface Call {

		Object call() throws Exception;

	}

	record Result(double p50, double p95, Stats perRep) {
	}

	static String ms(double millis) {
		return String.format(Locale.ROOT, "%.1f", millis);
	}

	static String ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/**
	 * Runs the call {@code count} times; adds each latency (ms) to all, returns the p95.
	 */
	static double timedP95(int count, List<Double> all, Call call) throws Exception {
		List<Double> latencies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			call.call();
			latencies.add((System.nanoTime() - start) / 1e6);
		}
		all.addAll(latencies);
		return Stats.of(latencies).quantile(0.95);
	}

	/**
	 * What {@code GET /api/kpis/processes} answers for the last 30 days, from
	 * {@code HistoryService} queries: per process key started, completed, average, median
	 * and p90 cycle time, running.
	 */
	double historyFigures(LocalDate today) {
		ZoneId zone = BulkHistory.KPI_ZONE;
		Date from = Date.from(today.minusDays(29).atStartOfDay(zone).toInstant());
		Date to = Date.from(today.plusDays(1).atStartOfDay(zone).toInstant());
		double checksum = 0;
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			String key = definition.getKey();
			long started = this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(key)
				.startedAfter(from)
				.startedBefore(to)
				.count();
			List<HistoricProcessInstance> ended = this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(key)
				.finishedAfter(from)
				.finishedBefore(to)
				.list();
			long[] durations = ended.stream()
				.mapToLong(HistoricProcessInstance::getDurationInMillis)
				.sorted()
				.toArray();
			double average = Arrays.stream(durations).average().orElse(0);
			long median = (durations.length > 0) ? durations[(int) Math.ceil(0.5 * durations.length) - 1] : 0;
			long p90 = (durations.length > 0) ? durations[(int) Math.ceil(0.9 * durations.length) - 1] : 0;
			long running = this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(key)
				.unfinished()
				.count();
			checksum += started + durations.length + average + median + p90 + running;
		}
		return checksum;
	}

	/** Finished instances per process key over all history. */
	double finishedCounts() {
		double total = 0;
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			total += this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(definition.getKey())
				.finished()
				.count();
		}
		return total;
	}

}
