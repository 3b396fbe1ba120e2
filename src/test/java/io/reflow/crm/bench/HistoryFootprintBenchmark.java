package io.reflow.crm.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Section 7b: history bytes per finished case per table on PostgreSQL, and the throughput
 * of Camunda's removal-time based history cleanup. Real cases run through the application
 * (HTTP API and engine REST as the users would, async steps executed as the job executor
 * would): leads that end in nurturing, leads disqualified by a salesperson after a claim,
 * and service cases resolved and closed with customer feedback.
 *
 * <p>
 * System properties: {@code reflow.bench.footprint.cases} (finished cases, default 120,
 * split evenly into the three kinds and into 6 cleanup chunks: 1 warm-up + 5 measured).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "postgres" })
class HistoryFootprintBenchmark {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_bench_footprint");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	CustomerManagement customers;

	Http http;

	@Test
	void measureHistoryFootprintAndCleanup() throws Exception {
		int cases = Integer.getInteger("reflow.bench.footprint.cases", 120);
		int chunks = 6;
		this.http = new Http(this.port);
		CustomerView customer = customer();
		// a few cases first, so every table has its first pages and the sizes below grow
		// by the cases' rows only
		for (int i = 0; i < 3; i++) {
			runCase(i, customer);
		}
		this.jdbc.execute("vacuum analyze");
		long finishedBefore = this.historyService.createHistoricProcessInstanceQuery().finished().count();
		Map<String, long[]> before = sizes();
		List<String> processInstances = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < cases; i++) {
			processInstances.add(runCase(i, customer));
		}
		double runSeconds = (System.nanoTime() - start) / 1e9;
		Map<String, long[]> after = sizes();
		long finished = this.historyService.createHistoricProcessInstanceQuery().finished().count() - finishedBefore;
		long unfinished = this.historyService.createHistoricProcessInstanceQuery().unfinished().count();
		if (finished != cases || unfinished != 0) {
			throw new IllegalStateException(
					"expected " + cases + " finished cases and none running, got " + finished + " / " + unfinished);
		}

		List<List<String>> rows = new ArrayList<>();
		long totalBytes = 0;
		long totalRows = 0;
		for (Map.Entry<String, long[]> table : after.entrySet()) {
			long[] was = before.getOrDefault(table.getKey(), new long[2]);
			long bytes = table.getValue()[0] - was[0];
			long count = table.getValue()[1] - was[1];
			if (bytes == 0 && count == 0) {
				continue;
			}
			totalBytes += bytes;
			totalRows += count;
			rows.add(List.of("`" + table.getKey() + "`", String.format(Locale.ROOT, "%.2f", (double) count / cases),
					String.format(Locale.ROOT, "%,.0f", (double) bytes / cases),
					(count > 0) ? String.format(Locale.ROOT, "%,.0f", (double) bytes / count) : ""));
		}
		rows.add(List.of("**total**", String.format(Locale.ROOT, "%.2f", (double) totalRows / cases),
				String.format(Locale.ROOT, "%,.0f", (double) totalBytes / cases), ""));

		// cleanup: per chunk, removal time set into the past (batch), then the cleanup
		// job
		// run until the chunk's instances are gone
		int chunkSize = cases / chunks;
		List<Double> instancesPerSecond = new ArrayList<>();
		List<Double> rowsPerSecond = new ArrayList<>();
		List<Double> removalTimeSeconds = new ArrayList<>();
		for (int chunk = 0; chunk < chunks; chunk++) {
			List<String> ids = new ArrayList<>();
			for (int i = chunk; i < processInstances.size(); i += chunks) {
				ids.add(processInstances.get(i));
			}
			long historyRowsBefore = historyRows();
			long setStart = System.nanoTime();
			Batch batch = this.historyService.setRemovalTimeToHistoricProcessInstances()
				.absoluteRemovalTime(Date.from(Instant.now().minusSeconds(86_400)))
				.byIds(ids.toArray(String[]::new))
				.hierarchical()
				.executeAsync();
			Jobs.runBatch(this.managementService, batch.getId());
			double setSeconds = (System.nanoTime() - setStart) / 1e9;
			long cleanupStart = System.nanoTime();
			int rounds = cleanUp(ids);
			double seconds = (System.nanoTime() - cleanupStart) / 1e9;
			long removedRows = historyRowsBefore - historyRows();
			if (chunk > 0) {
				instancesPerSecond.add(ids.size() / seconds);
				rowsPerSecond.add(removedRows / seconds);
				removalTimeSeconds.add(ids.size() / setSeconds);
			}
			if (rounds < 0) {
				throw new IllegalStateException("history cleanup left instances of chunk " + chunk);
			}
		}
		Stats instances = Stats.of(instancesPerSecond);
		Stats historyRowsRemoved = Stats.of(rowsPerSecond);
		Stats removalTimes = Stats.of(removalTimeSeconds);

		BenchReport.section("7b-footprint-history", "7b. Footprint: history per finished case and history cleanup")
			.paragraph(BenchReport.machine("PostgreSQL " + PostgresServer.version()
					+ " (embedded zonky server, fsync off, synchronous_commit off, same host)"))
			.paragraph("""
					%d finished cases run through the application on PostgreSQL (Spring Boot, profile postgres, \
					history level full, removal-time based cleanup as in application.yaml; HTTP API and engine \
					REST as the users do, async steps run as the job executor would): a third leads that end in \
					nurturing (low score), a third leads claimed and disqualified by a salesperson, a third \
					service cases resolved and closed with the customer's feedback (%.1f s, %.2f cases/s on this \
					loaded machine). Sizes are `pg_total_relation_size` (table, indexes, TOAST) of every \
					`act_hi_*` table and of our `kpi_*` projection tables before and after, divided by the \
					cases; rows likewise from `count(*)`. Three cases ran before the first measurement so that \
					tables have their first pages. Sizes grow in 8 KiB pages and include the dead row versions \
					that updates of history rows (an activity instance's end) leave until autovacuum."""
				.formatted(cases, runSeconds, cases / runSeconds))
			.table(List.of("table", "rows per case", "bytes per case", "bytes per row"), rows)
			.paragraph("""
					History cleanup: the finished instances split into %d chunks of %d (the first a warm-up); \
					per chunk the removal time of the instances and their history (hierarchical, decisions \
					included) is set to yesterday with \
					`HistoryService.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(..).byIds(..)` \
					(a batch, its jobs executed here), then `HistoryService.cleanUpHistoryAsync(true)` and its \
					cleanup job are executed with `ManagementService.executeJob` until the chunk's instances \
					are gone (batch size and parallelism at Camunda's defaults: 500, 1). Figures: median (min, \
					max, n) over the %d measured chunks.""".formatted(chunks, chunkSize, instancesPerSecond.size()))
			.table(List.of("figure", "median (min, max, n)", "spread"),
					List.of(List.of("finished instances removed by the cleanup per second", instances.summary("%.1f"),
							percent(instances.spread())),
							List.of("history rows (act_hi_*) removed per second", historyRowsRemoved.summary("%.0f"),
									percent(historyRowsRemoved.spread())),
							List.of("instances per second given a removal time (batch)", removalTimes.summary("%.1f"),
									percent(removalTimes.spread()))))
			.write();
	}

	static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
	}

	/**
	 * Runs the history cleanup until none of the instances is left; the number of job
	 * executions, or -1 if instances remain after many rounds.
	 */
	int cleanUp(List<String> ids) {
		Job job = this.historyService.cleanUpHistoryAsync(true);
		for (int round = 1; round <= 200; round++) {
			this.managementService.executeJob(job.getId());
			if (this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceIds(new java.util.HashSet<>(ids))
				.count() == 0) {
				return round;
			}
			List<Job> jobs = this.historyService.findHistoryCleanupJobs();
			if (jobs.isEmpty()) {
				job = this.historyService.cleanUpHistoryAsync(true);
			}
			else {
				job = jobs.get(0);
			}
		}
		return -1;
	}

	/** Size in bytes and rows of every history and kpi table, by name. */
	Map<String, long[]> sizes() {
		this.jdbc.execute("analyze");
		Map<String, long[]> sizes = new TreeMap<>();
		for (Map<String, Object> row : this.jdbc.queryForList("select c.relname, pg_total_relation_size(c.oid) "
				+ "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
				+ "where c.relkind = 'r' and n.nspname = current_schema() "
				+ "and (c.relname like 'act_hi_%' or c.relname like 'kpi_%' or c.relname like 'act_ge_bytearray')")) {
			String table = (String) row.get("relname");
			long bytes = ((Number) row.get("pg_total_relation_size")).longValue();
			long count = this.jdbc.queryForObject("select count(*) from " + table, Long.class);
			sizes.put(table, new long[] { bytes, count });
		}
		return sizes;
	}

	long historyRows() {
		long total = 0;
		for (String table : this.jdbc.queryForList("select c.relname from pg_class c join pg_namespace n on "
				+ "n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = current_schema() "
				+ "and c.relname like 'act_hi_%'", String.class)) {
			total += this.jdbc.queryForObject("select count(*) from " + table, Long.class);
		}
		return total;
	}

	/** One finished case; returns its (root) process instance id. */
	String runCase(int i, CustomerView customer) {
		return switch (i % 3) {
			case 0 -> postLead(lead("COLD_CALL", 10, false, "OTHER", "WEST"));
			case 1 -> disqualifiedLead();
			default -> closedCase(customer);
		};
	}

	String disqualifiedLead() {
		String pid = postLead(lead("WEB", 300, true, "SOFTWARE", "NORTH"));
		String task = onlyTask(pid);
		ok(as("li.wei", "/engine-rest/task/" + task + "/claim").postJson("{\"userId\":\"li.wei\"}"), 204);
		ok(as("li.wei", "/engine-rest/task/" + task + "/complete").postJson("""
				{"variables":{"qualificationOutcome":{"value":"DISQUALIFIED"},
				 "disqualificationReason":{"value":"NO_NEED"}}}"""), 204);
		Jobs.runDue(this.managementService, pid);
		return pid;
	}

	String closedCase(CustomerView customer) {
		String json = """
				{"customerId":%d,"contactId":%d,"channel":"PHONE","category":"INQUIRY","severity":"NORMAL",
				 "subject":"Export fails","description":"CSV export stops at 1000 rows"}
				""".formatted(customer.id(), customer.contacts().get(0).id());
		Map<String, Object> opened = JsonPath.read(ok(as("wu.qiang", "/api/cases").postJson(json), 201), "$");
		String pid = (String) opened.get("processInstanceId");
		Jobs.runDue(this.managementService, pid);
		ok(as("wu.qiang", "/engine-rest/task/" + onlyTask(pid) + "/complete").postJson("""
				{"variables":{"fieldVisitNeeded":{"value":false},"diagnosis":{"value":"Expired token"},
				 "resolution":{"value":"Renewed the API token"}}}"""), 204);
		Jobs.runDue(this.managementService, pid);
		ok(as("wu.qiang", "/api/cases/" + opened.get("id") + "/feedback").postJson("{\"resolved\":true,\"csat\":5}"),
				200);
		Jobs.runDue(this.managementService, pid);
		return pid;
	}

	String postLead(String json) {
		String body = ok(as("liu.yang", "/api/leads").postJson(json), 201);
		String pid = JsonPath.read(body, "$.processInstanceId");
		Jobs.runDue(this.managementService, pid);
		return pid;
	}

	String onlyTask(String processInstanceId) {
		List<Task> tasks = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		if (tasks.size() != 1) {
			throw new IllegalStateException("expected one task of " + processInstanceId + ", got " + tasks);
		}
		return tasks.get(0).getId();
	}

	static String lead(String source, int size, boolean budget, String industry, String region) {
		return """
				{"companyName":"杭州足迹%s有限公司","contactName":"李娜","email":"na.li@%s.example.cn",
				 "source":"%s","region":"%s","industry":"%s","companySize":%d,"budgetConfirmed":%s}
				""".formatted(source, Long.toHexString(System.nanoTime()), source, region, industry, size, budget);
	}

	CustomerView customer() {
		String suffix = Long.toHexString(System.nanoTime());
		return this.customers.create(new CustomerDraft("成都足迹文具有限公司" + suffix, "Software", Region.WEST, 80,
				Tier.STANDARD, "sales-west", CustomerStatus.ACTIVE,
				List.of(new ContactDraft(null, "赵敏", "min.zhao@" + suffix + ".example.cn", null, "IT lead")), null));
	}

	Http.Call as(String user, String path) {
		return this.http.to(path).basic(user, "demo");
	}

	static String ok(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body();
	}

}
