package io.reflow.crm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import io.reflow.crm.testsupport.AppProcess;
import io.reflow.crm.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * Section 6: {@code POST /api/leads} and the task list query under open-loop load on
 * loopback, against the packaged application as a separate process on PostgreSQL. For
 * each endpoint the offered rate is raised step by step (x{@code factor}) until a step is
 * not held, then bisected; a rate is <em>held</em> when at least 95 % of it is answered
 * 2xx, p99 stays under the limit (200 ms) and nothing fails. Finally both endpoints run
 * at their highest held rate, interleaved, {@code repetitions} times.
 * <p>
 * Settings (system properties, defaults in brackets):
 * {@code reflow.bench.http.step-seconds} [10], {@code .warmup-seconds} [15],
 * {@code .leads.start-rate} [20], {@code .tasks.start-rate} [40], {@code .factor} [1.5],
 * {@code .max-steps} [8], {@code .bisect} [2], {@code .repetitions} [5], {@code .p99-ms}
 * [200], {@code .max-in-flight} [256], {@code .db-pool} [20, the application's default],
 * {@code .search-budget-seconds} [300].
 */
class HttpLoadBenchmark {

	static final String SALES_USER = "li.wei";

	static final String SALES_GROUP = "sales-north";

	private static final double P99_LIMIT = doubleProperty("p99-ms", 200);

	private static final Duration STEP = Duration.ofSeconds(intProperty("step-seconds", 10));

	private final HttpClient admin = HttpClient.newHttpClient();

	private String base;

	@Test
	void shouldFindTheHighestRateHeldWithP99Under200Milliseconds() throws Exception {
		String database = PostgresServer.newDatabase("bench_http");
		String pool = Integer.toString(intProperty("db-pool", 20));
		try (AppProcess app = AppProcess.builder("bench-http")
			.postgres(database, "postgres", "")
			.environment("REFLOW_DB_POOL_SIZE", pool)
			.property(AppProbes.PROBES_PROPERTY, "true")
			.build()
			.startAndAwaitReady(Duration.ofMinutes(5))) {
			AppProbes.awaitReadiness(app, Duration.ofMinutes(3));
			this.base = app.baseUrl();
			OpenLoad load = new OpenLoad(intProperty("max-in-flight", 256), Duration.ofSeconds(10));
			String run = Long.toHexString(System.currentTimeMillis());
			LongFunction<HttpRequest.Builder> leads = (i) -> postLead(run, i);
			LongFunction<HttpRequest.Builder> tasks = (i) -> taskList();
			List<List<String>> steps = new ArrayList<>();
			List<String> notes = new ArrayList<>();

			// warm-up: JIT, connection pools, and a few hundred leads (and their tasks)
			// in
			// the database
			Duration warmup = Duration.ofSeconds(intProperty("warmup-seconds", 15));
			OpenLoad.Result warmLeads = load.run("leads (warm-up)", 20, warmup, leads);
			log(warmLeads.toString());
			awaitJobs(Duration.ofSeconds(30));
			OpenLoad.Result warmTasks = load.run("task list (warm-up)", 20, warmup.dividedBy(2), tasks);
			log(warmTasks.toString());
			steps.add(stepRow(warmLeads));
			steps.add(stepRow(warmTasks));

			long budgetEnd = System.nanoTime()
					+ Duration.ofSeconds(intProperty("search-budget-seconds", 300)).toNanos();
			long budgetHalf = System.nanoTime()
					+ Duration.ofSeconds(intProperty("search-budget-seconds", 300) / 2).toNanos();
			double leadsRate = search(load, "POST /api/leads", doubleProperty("leads.start-rate", 20), leads, steps,
					notes, budgetHalf);
			double tasksRate = search(load, "POST /engine-rest/task", doubleProperty("tasks.start-rate", 40), tasks,
					steps, notes, budgetEnd);

			// the highest held rates again, interleaved, for median and spread
			List<OpenLoad.Result> finalLeads = new ArrayList<>();
			List<OpenLoad.Result> finalTasks = new ArrayList<>();
			Interleaved.of().warmups(0).repetitions(intProperty("repetitions", 5)).variant("leads", () -> {
				OpenLoad.Result result = load.run("POST /api/leads", leadsRate, STEP, leads);
				finalLeads.add(result);
				log("final " + result);
				awaitJobs(Duration.ofSeconds(15));
				return result.p99Millis();
			}).variant("tasks", () -> {
				OpenLoad.Result result = load.run("POST /engine-rest/task", tasksRate, STEP, tasks);
				finalTasks.add(result);
				log("final " + result);
				return result.p99Millis();
			}).run();

			long visibleTasks = count("/engine-rest/task/count?candidateGroups=" + SALES_GROUP + "&unassigned=true",
					SALES_USER);
			long allLeads = count("/engine-rest/process-instance/count?processDefinitionKey=lead-qualification",
					"admin");
			long errorLines = app.log().lines().filter((line) -> line.contains(" ERROR ")).count();
			report(database, pool, steps, notes, finalLeads, finalTasks, leadsRate, tasksRate, visibleTasks, allLeads,
					errorLines);
		}
	}

	/**
	 * Raises the rate by {@code factor} while it is held, then bisects between the
	 * highest held and the lowest failed rate; returns the highest held rate (or the
	 * lowest tried when none was held).
	 */
	private double search(OpenLoad load, String name, double start, LongFunction<HttpRequest.Builder> request,
			List<List<String>> steps, List<String> notes, long budgetEnd) throws Exception {
		double factor = doubleProperty("factor", 1.5);
		int maxSteps = intProperty("max-steps", 8);
		double held = Double.NaN;
		double failed = Double.NaN;
		double rate = start;
		int step = 0;
		for (; step < maxSteps && System.nanoTime() < budgetEnd; step++) {
			OpenLoad.Result result = measureStep(load, name, rate, request, steps, notes);
			if (result.held(P99_LIMIT)) {
				held = rate;
				if (!Double.isNaN(failed)) {
					break;
				}
				rate = rate * factor;
			}
			else {
				failed = rate;
				if (!Double.isNaN(held)) {
					break;
				}
				rate = rate / factor;
			}
		}
		for (int i = 0; i < intProperty("bisect", 2) && !Double.isNaN(held) && !Double.isNaN(failed)
				&& failed > held * 1.05 && System.nanoTime() < budgetEnd; i++) {
			double middle = Math.round(Math.sqrt(held * failed));
			OpenLoad.Result result = measureStep(load, name, middle, request, steps, notes);
			if (result.held(P99_LIMIT)) {
				held = middle;
			}
			else {
				failed = middle;
			}
		}
		if (Double.isNaN(held)) {
			notes.add(name + ": no rate held; the final repetitions use the lowest rate tried, " + fmt(rate));
			return rate;
		}
		notes.add(name + ": highest rate held " + fmt(held) + "/s"
				+ (Double.isNaN(failed) ? " (no step failed: the limit is higher)" : "; " + fmt(failed) + "/s failed"));
		return held;
	}

	private OpenLoad.Result measureStep(OpenLoad load, String name, double rate,
			LongFunction<HttpRequest.Builder> request, List<List<String>> steps, List<String> notes) throws Exception {
		OpenLoad.Result result = load.run(name, rate, STEP, request);
		long backlog = awaitJobs(Duration.ofSeconds(20));
		log(result + " (due jobs afterwards: " + backlog + ")");
		List<String> row = new ArrayList<>(stepRow(result));
		steps.add(row);
		if (!result.errorSamples().isEmpty()) {
			notes.add(name + " at " + fmt(rate) + "/s, errors: " + String.join(" | ", result.errorSamples()));
		}
		return result;
	}

	private static List<String> stepRow(OpenLoad.Result result) {
		return result.row(P99_LIMIT);
	}

	private HttpRequest.Builder postLead(String run, long i) {
		// mostly northern leads that lead-assignment routes to sales-north (li.wei's
		// group), some to other groups
		String region = (i % 4 == 3) ? "SOUTH" : "NORTH";
		String json = """
				{"companyName":"压测公司 %s-%d","contactName":"王伟","email":"lead%d@%s.example.cn",
				 "phone":"+86 139 0000 %04d","source":"REFERRAL","region":"%s","industry":"SOFTWARE",
				 "companySize":%d,"budgetConfirmed":true}
				""".formatted(run, i, i, run, i % 10_000, region, 50 + (i % 400));
		return as(SALES_USER, "/api/leads").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	/**
	 * What Tasklist's "My group tasks" asks: unassigned tasks of the user's groups,
	 * newest first, the first page.
	 */
	private HttpRequest.Builder taskList() {
		String json = """
				{"candidateGroups":["%s"],"unassigned":true,"sorting":[{"sortBy":"created","sortOrder":"desc"}]}
				""".formatted(SALES_GROUP);
		return as(SALES_USER, "/engine-rest/task?firstResult=0&maxResults=15")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private HttpRequest.Builder as(String user, String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Waits (bounded) until the job executor has no due jobs left, so each step starts
	 * from a drained queue; returns the due jobs left.
	 */
	private long awaitJobs(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		long due = count("/engine-rest/job/count?executable=true", "admin");
		while (due > 0 && System.nanoTime() < deadline) {
			Thread.sleep(500);
			due = count("/engine-rest/job/count?executable=true", "admin");
		}
		return due;
	}

	/** A {@code /count} answer; -1 when it fails or takes longer than 30 s. */
	private long count(String path, String user) throws Exception {
		try {
			HttpResponse<String> response = this.admin.send(as(user, path).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log(path + " -> " + response.statusCode() + " " + response.body());
				return -1;
			}
			return Long.parseLong(response.body().replaceAll("\\D", ""));
		}
		catch (java.io.IOException ex) {
			log(path + " -> " + ex);
			return -1;
		}
	}

	private void report(String database, String pool, List<List<String>> steps, List<String> notes,
			List<OpenLoad.Result> finalLeads, List<OpenLoad.Result> finalTasks, double leadsRate, double tasksRate,
			long visibleTasks, long allLeads, long errorLines) {
		BenchReport report = BenchReport.section("6-http-load", "6. HTTP under load");
		report.paragraph("Machine: " + BenchReport.machine(
				"PostgreSQL " + PostgresServer.version() + " (embedded, one server per test JVM, fsync=off; database "
						+ database.replaceAll(".*/", "").replaceAll("\\?.*", "") + ")"));
		report.paragraph("""
				Open-loop Java load generator (`OpenLoad`: java.net.http.HttpClient, HTTP/1.1 keep-alive on loopback, \
				requests due at a fixed arrival rate, latency measured from the due time so queueing counts, at most \
				%d requests in flight) against the packaged jar started as its own process (`AppProcess`, -Xmx512m, \
				profiles demo+postgres, job executor on, Hikari pool %s, Tomcat defaults). The generator shares the \
				machine's cores with the application and PostgreSQL. Both endpoints are called as `%s` (group `%s`) \
				with HTTP Basic on every request (no session, so no CSRF token: the API's Basic clients are exempt). \
				`POST /api/leads` stores the lead and starts `lead-qualification` (201; scoring and assignment run \
				as jobs afterwards, the generator waits up to 20 s between steps for the due jobs to drain). The task \
				list is Tasklist's "My group tasks": `POST /engine-rest/task?firstResult=0&maxResults=15` with \
				`candidateGroups=[%s]`, `unassigned`, newest first, checked by the engine's authorizations. A rate is \
				held when >= 95 %% of it is answered 2xx, p99 < %.0f ms and no request fails. Steps of %d s, x%s up, \
				then bisected.""", intProperty("max-in-flight", 256), pool, SALES_USER, SALES_GROUP, SALES_GROUP,
				P99_LIMIT, STEP.toSeconds(), fmt(doubleProperty("factor", 1.5)));
		report.paragraph("**Result:** `POST /api/leads` held **%s/s**, task list held **%s/s** (p99 < %.0f ms).",
				fmt(leadsRate), fmt(tasksRate), P99_LIMIT);
		report.paragraph("Steps (warm-up first):");
		report.table(OpenLoad.Result.headers(), steps);
		report.paragraph("Final: each endpoint at its highest held rate, interleaved (leads, tasks, leads, ...), %d "
				+ "repetitions of %d s:", finalLeads.size(), STEP.toSeconds());
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < finalLeads.size(); i++) {
			rows.add(finalLeads.get(i).row(P99_LIMIT));
			rows.add(finalTasks.get(i).row(P99_LIMIT));
		}
		report.table(OpenLoad.Result.headers(), rows);
		report.table(
				List.of("endpoint", "offered/s", "achieved/s median (min, max)", "p50 ms median (min, max)",
						"p99 ms median (min, max)", "p99 spread", "repetitions held"),
				List.of(summary("POST /api/leads", leadsRate, finalLeads),
						summary("POST /engine-rest/task", tasksRate, finalTasks)));
		report.paragraph(String.join("\n\n", notes));
		report.paragraph(
				"At the end: %d `lead-qualification` instances in the database, %d unassigned tasks visible "
						+ "to %s's group in the task list; %d ERROR lines in the application log.",
				allLeads, visibleTasks, SALES_USER, errorLines);
		report.write();
	}

	private static List<String> summary(String name, double rate, List<OpenLoad.Result> results) {
		Stats achieved = Stats.of(results.stream().map(OpenLoad.Result::achievedPerSecond).toList());
		Stats p50 = Stats.of(results.stream().map(OpenLoad.Result::p50Millis).toList());
		Stats p99 = Stats.of(results.stream().map(OpenLoad.Result::p99Millis).toList());
		long held = results.stream().filter((result) -> result.held(P99_LIMIT)).count();
		return List.of(name, fmt(rate), achieved.summary("%.1f").replaceAll(", n \\d+", ""),
				p50.summary("%.1f").replaceAll(", n \\d+", ""), p99.summary("%.1f").replaceAll(", n \\d+", ""),
				String.format(Locale.ROOT, "%.0f %%", 100 * p99.spread()), held + " of " + results.size());
	}

	private static void log(String text) {
		System.out.println("[bench-http] " + text);
	}

	static String fmt(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	static int intProperty(String name, int fallback) {
		return Integer.getInteger("reflow.bench.http." + name, fallback);
	}

	static double doubleProperty(String name, double fallback) {
		String value = System.getProperty("reflow.bench.http." + name);
		return (value == null) ? fallback : Double.parseDouble(value);
	}

}
