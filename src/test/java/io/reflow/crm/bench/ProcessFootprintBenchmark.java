package io.reflow.crm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import io.reflow.crm.testsupport.AppProcess;
import org.junit.jupiter.api.Test;

/**
 * Section 7a: start-up of the packaged application on H2 with the real demo data (all
 * demo seeds on, a fresh H2 file database each time), and its heap and resident memory at
 * idle and under a moderate HTTP load.
 * <p>
 * Per repetition: the time from starting the process to the first answer of
 * {@code /actuator/health} (Tomcat listens) and to its first 200 (with the readiness
 * probe on, that is after the application runners: the demo seeds are done), and Spring's
 * own "Started ... in N seconds"; then, after {@code idle-seconds}, used heap
 * ({@code jvm_memory_used_bytes{area="heap"}} from {@code /actuator/prometheus}) and RSS
 * ({@code VmRSS}), the live heap after a full GC ({@code jcmd GC.run}), and the peaks of
 * both while {@code POST /api/leads} and the task list run at a moderate rate.
 * <p>
 * Settings (system properties {@code reflow.bench.footprint.*}, defaults in brackets):
 * {@code repetitions} [5], {@code idle-seconds} [5], {@code load-seconds} [15],
 * {@code leads-rate} [5], {@code tasks-rate} [10], {@code jvm-args} [-Xmx512m],
 * {@code ready-timeout-seconds} [600].
 */
class ProcessFootprintBenchmark {

	private static final String USER = "li.wei";

	/** One start and its readings. */
	record Run(double health, double ready, double springStarted, double processRunning, double idleHeap,
			double idleRss, double liveHeap, double firstLead, double firstTasks, double loadHeap, double loadRss,
			OpenLoad.Result leads, OpenLoad.Result tasks) {

		List<String> row(int number) {
			return List.of(Integer.toString(number), fmt(this.health), fmt(this.ready), fmt(this.springStarted),
					fmt(this.processRunning), fmt(this.idleHeap), fmt(this.liveHeap), fmt(this.idleRss),
					fmt(this.firstLead) + " / " + fmt(this.firstTasks), fmt(this.loadHeap), fmt(this.loadRss),
					fmt(this.leads.achievedPerSecond()) + " / " + fmt(this.tasks.achievedPerSecond()),
					fmt(this.leads.p99Millis()) + " / " + fmt(this.tasks.p99Millis()),
					Integer.toString(this.leads.errors() + this.tasks.errors()));
		}

	}

	@Test
	void shouldMeasureStartUpAndMemoryWithDemoData() throws Exception {
		int repetitions = Integer.getInteger("reflow.bench.footprint.repetitions", 5);
		List<Run> runs = new ArrayList<>();
		for (int i = 0; i < repetitions; i++) {
			Run run = measureOnce(i + 1);
			System.out.println("[bench-footprint] " + run);
			runs.add(run);
		}
		report(runs);
	}

	private Run measureOnce(int number) throws Exception {
		Path directory = Files.createTempDirectory("reflow-footprint");
		String[] jvm = System.getProperty("reflow.bench.footprint.jvm-args", "-Xmx512m").split("\\s+");
		AppProcess app = AppProcess.builder("bench-footprint")
			.h2("jdbc:h2:file:" + directory.resolve("reflow").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE")
			.property("reflow.demo.seed-sales", "true")
			.property("reflow.demo.seed-support", "true")
			.property("reflow.demo.seed-marketing", "true")
			.property(AppProbes.PROBES_PROPERTY, "true")
			.jvmArguments(jvm)
			.build();
		try {
			long start = System.nanoTime();
			app.start();
			double health = Double.NaN;
			double ready = Double.NaN;
			Duration timeout = Duration
				.ofSeconds(Integer.getInteger("reflow.bench.footprint.ready-timeout-seconds", 600));
			long deadline = start + timeout.toNanos();
			while (Double.isNaN(ready) && System.nanoTime() < deadline) {
				if (!app.isAlive()) {
					throw new IllegalStateException("the application exited:\n" + app.logTail());
				}
				int status = AppProbes.status(app, "/actuator/health");
				if (Double.isNaN(health) && status > 0) {
					health = seconds(start);
				}
				if (status == 200) {
					ready = seconds(start);
				}
				Thread.sleep(100);
			}
			if (Double.isNaN(ready)) {
				throw new IllegalStateException("not ready after " + timeout + ":\n" + app.logTail());
			}
			double[] started = AppProbes.startedLine(app);

			Thread.sleep(Duration.ofSeconds(Integer.getInteger("reflow.bench.footprint.idle-seconds", 5)).toMillis());
			double idleHeap = value(AppProbes.heapUsedMiB(app));
			double idleRss = value(AppProbes.rssMiB(app));
			double liveHeap = AppProbes.fullGc(app) ? value(AppProbes.heapUsedMiB(app)) : Double.NaN;

			// the first call of each endpoint (engine REST's Jersey servlet starts
			// lazily)
			OpenLoad load = new OpenLoad(64, Duration.ofSeconds(10));
			String tag = Long.toHexString(System.nanoTime());
			OpenLoad.Result firstLead = load.run("first POST /api/leads", 1, Duration.ofSeconds(1),
					(i) -> lead(app, tag + "w", i));
			OpenLoad.Result firstTasks = load.run("first task list", 1, Duration.ofSeconds(1), (i) -> taskList(app));

			// moderate load: leads and the task list at once, peaks sampled every second
			Duration loadTime = Duration.ofSeconds(Integer.getInteger("reflow.bench.footprint.load-seconds", 15));
			CompletableFuture<OpenLoad.Result> leads = CompletableFuture.supplyAsync(() -> run(load, "POST /api/leads",
					doubleProperty("leads-rate", 5), loadTime, (i) -> lead(app, tag, i)));
			CompletableFuture<OpenLoad.Result> tasks = CompletableFuture.supplyAsync(() -> run(load,
					"POST /engine-rest/task", doubleProperty("tasks-rate", 10), loadTime, (i) -> taskList(app)));
			double loadHeap = Double.NaN;
			double loadRss = Double.NaN;
			AtomicBoolean running = new AtomicBoolean(true);
			CompletableFuture.allOf(leads, tasks).whenComplete((result, failure) -> running.set(false));
			while (running.get()) {
				loadHeap = peak(loadHeap, AppProbes.heapUsedMiB(app));
				loadRss = peak(loadRss, AppProbes.rssMiB(app));
				Thread.sleep(1000);
			}
			return new Run(health, ready, started.length > 0 ? started[0] : Double.NaN,
					started.length > 1 ? started[1] : Double.NaN, idleHeap, idleRss, liveHeap, firstLead.p50Millis(),
					firstTasks.p50Millis(), loadHeap, loadRss, leads.join(), tasks.join());
		}
		finally {
			// nothing to measure in the shutdown: kill -9 and throw the database away
			app.kill();
			deleteRecursively(directory);
		}
	}

	private static OpenLoad.Result run(OpenLoad load, String name, double rate, Duration duration,
			LongFunction<HttpRequest.Builder> request) {
		try {
			return load.run(name, rate, duration, request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpRequest.Builder lead(AppProcess app, String tag, long i) {
		String json = """
				{"companyName":"内存测试 %s-%d","contactName":"王伟","email":"mem%d@%s.example.cn",
				 "phone":"+86 139 0000 %04d","source":"REFERRAL","region":"NORTH","industry":"SOFTWARE",
				 "companySize":%d,"budgetConfirmed":true}
				""".formatted(tag, i, i, tag, i % 10_000, 50 + (i % 400));
		return as(app, "/api/leads").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private static HttpRequest.Builder taskList(AppProcess app) {
		return as(app, "/engine-rest/task?firstResult=0&maxResults=15").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"candidateGroups\":[\"sales-north\"],\"unassigned\":true,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"));
	}

	private static HttpRequest.Builder as(AppProcess app, String path) {
		return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	private void report(List<Run> runs) {
		BenchReport report = BenchReport.section("7a-footprint-process", "7a. Footprint: start-up and memory");
		report.paragraph("Machine: " + BenchReport.machine("H2 (embedded file database, a fresh one per start)"));
		report.paragraph(
				"""
						The packaged jar (`AppProcess`, JVM options `%s`, profile demo) started %d times, each on an empty H2 \
						file database with all demo seeds on (customers, about 40 sales leads, 25 service cases and 5 \
						campaigns, run through their processes at start-up). *Listening* is the time from starting the process \
						to the first answer of `/actuator/health` (Tomcat listens; 503 while the seeds run, since the \
						readiness probe is on); *ready* to its first 200 (readiness: after the application runners, so with \
						the demo data in place). *Spring* is the "Started ... in N seconds (process running for M)" line, written before the \
						seeds run. Memory in MiB: *heap* is the sum of `jvm_memory_used_bytes{area="heap"}` from \
						`/actuator/prometheus` after %d s idle, *live* the same right after `jcmd GC.run`, *RSS* is `VmRSS` \
						of `/proc/<pid>/status`; *load* columns are the peaks (sampled every second) while `POST \
						/api/leads` (%s/s) and the task list (%s/s) run together for %d s as `%s`.""",
				System.getProperty("reflow.bench.footprint.jvm-args", "-Xmx512m"), runs.size(),
				Integer.getInteger("reflow.bench.footprint.idle-seconds", 5), fmt(doubleProperty("leads-rate", 5)),
				fmt(doubleProperty("tasks-rate", 10)), Integer.getInteger("reflow.bench.footprint.load-seconds", 15),
				USER);
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			rows.add(runs.get(i).row(i + 1));
		}
		report.table(List.of("start", "listening s", "ready s", "Spring s", "JVM running s", "idle heap", "live heap",
				"idle RSS", "first call ms leads / tasks", "load heap (peak)", "load RSS (peak)",
				"load achieved/s leads / tasks", "load p99 ms leads / tasks", "load errors"), rows);
		report.table(List.of("figure", "median (min, max)", "spread"),
				List.of(summary("to listening, s", runs.stream().map(Run::health).toList()),
						summary("to ready (demo data seeded), s", runs.stream().map(Run::ready).toList()),
						summary("Spring \"Started in\", s", runs.stream().map(Run::springStarted).toList()),
						summary("heap used at idle, MiB", runs.stream().map(Run::idleHeap).toList()),
						summary("live heap after full GC, MiB", runs.stream().map(Run::liveHeap).toList()),
						summary("RSS at idle, MiB", runs.stream().map(Run::idleRss).toList()),
						summary("heap used under load (peak), MiB", runs.stream().map(Run::loadHeap).toList()),
						summary("RSS under load (peak), MiB", runs.stream().map(Run::loadRss).toList())));
		List<String> errors = runs.stream()
			.flatMap((run) -> Stream.concat(run.leads().errorSamples().stream(), run.tasks().errorSamples().stream()))
			.distinct()
			.limit(5)
			.toList();
		if (!errors.isEmpty()) {
			report.paragraph("Errors under load (samples): " + String.join(" | ", errors));
		}
		report.write();
	}

	private static List<String> summary(String name, List<Double> values) {
		List<Double> measured = values.stream().filter((value) -> !Double.isNaN(value)).toList();
		if (measured.isEmpty()) {
			return List.of(name, "not measured", "");
		}
		Stats stats = Stats.of(measured);
		return List.of(name, stats.summary("%.1f"), String.format(Locale.ROOT, "%.0f %%", 100 * stats.spread()));
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static double value(OptionalDouble value) {
		return value.orElse(Double.NaN);
	}

	private static double peak(double peak, OptionalDouble reading) {
		if (reading.isEmpty()) {
			return peak;
		}
		return Double.isNaN(peak) ? reading.getAsDouble() : Math.max(peak, reading.getAsDouble());
	}

	private static double doubleProperty(String name, double fallback) {
		String value = System.getProperty("reflow.bench.footprint." + name);
		return (value == null) ? fallback : Double.parseDouble(value);
	}

	private static String fmt(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
