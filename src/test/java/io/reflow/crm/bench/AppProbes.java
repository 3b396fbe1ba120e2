package io.reflow.crm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reflow.crm.testsupport.AppProcess;

/**
 * What the benchmarks read from a running {@link AppProcess}: readiness, Spring's
 * start-up line, used heap (from {@code /actuator/prometheus}) and resident memory (from
 * {@code /proc}).
 */
final class AppProbes {

	/**
	 * Makes {@code /actuator/health/readiness} available: it answers 200 only after the
	 * application runners (the demo data seeds) have finished, unlike
	 * {@code /actuator/health}, which answers as soon as Tomcat listens.
	 */
	static final String PROBES_PROPERTY = "management.endpoint.health.probes.enabled";

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private static final Pattern HEAP_USED = Pattern
		.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)$");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private AppProbes() {
	}

	/** Polls {@code path} until it answers 200; false at the deadline. */
	static boolean await(AppProcess app, String path, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("the application exited:\n" + app.logTail());
			}
			if (status(app, path) == 200) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	/** The status of a GET without credentials; -1 when nothing answers. */
	static int status(AppProcess app, String path) throws InterruptedException {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** Waits for readiness (demo seeds done); fails with the log's tail otherwise. */
	static void awaitReadiness(AppProcess app, Duration timeout) throws InterruptedException {
		if (!await(app, "/actuator/health/readiness", timeout)) {
			throw new IllegalStateException("not ready after " + timeout + ":\n" + app.logTail());
		}
	}

	/**
	 * Spring's last "Started ... in N seconds (process running for M)": N and M, or
	 * empty.
	 */
	static double[] startedLine(AppProcess app) {
		// the last one: the log file is appended to, so it may hold earlier runs
		Matcher matcher = STARTED.matcher(app.log());
		double[] last = new double[0];
		while (matcher.find()) {
			last = new double[] { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)) };
		}
		return last;
	}

	/**
	 * Used heap in MiB, the sum of {@code jvm_memory_used_bytes{area="heap"}} over the
	 * heap pools in {@code /actuator/prometheus} (any signed-in user may read it).
	 */
	static OptionalDouble heapUsedMiB(AppProcess app) throws InterruptedException {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return OptionalDouble.empty();
			}
			Matcher matcher = HEAP_USED.matcher(response.body());
			double bytes = 0;
			boolean found = false;
			while (matcher.find()) {
				bytes += Double.parseDouble(matcher.group(1));
				found = true;
			}
			return found ? OptionalDouble.of(bytes / (1024 * 1024)) : OptionalDouble.empty();
		}
		catch (IOException ex) {
			return OptionalDouble.empty();
		}
	}

	/** Resident set size in MiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
	static OptionalDouble rssMiB(AppProcess app) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return OptionalDouble.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process is gone
		}
		return OptionalDouble.empty();
	}

	/**
	 * Runs {@code jcmd <pid> GC.run} (a full collection), so the next heap reading is the
	 * live set; false when jcmd is missing or fails.
	 */
	static boolean fullGc(AppProcess app) throws InterruptedException {
		try {
			Process jcmd = new ProcessBuilder(List.of(jcmd(), Long.toString(app.pid()), "GC.run"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String jcmd() {
		Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
		Path jcmd = (java.getParent() != null) ? java.getParent().resolve("jcmd") : Path.of("jcmd");
		return Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
	}

}
