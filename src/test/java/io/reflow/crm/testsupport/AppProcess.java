package io.reflow.crm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged application ({@code target/reflow-crm.jar}, built by {@code mvn package}
 * before the integration tests run) started as a separate operating-system process, so a
 * test can {@code kill -9} it, run two of them as a cluster, or measure its start-up and
 * memory.
 * <p>
 * By default it runs the {@code demo} profile (demo users) with the demo data seeds and
 * live reload off, and the job executor on; {@link Builder#postgres} adds the
 * {@code postgres} profile. Its output goes to
 * {@code target/app-processes/<name>-<n>.log}. {@link Builder#quickStart()} runs it
 * unpacked, for tests that start it often.
 */
public final class AppProcess implements AutoCloseable {

	private static final Path JAR = Path.of("target", "reflow-crm.jar");

	private static final Path LOGS = Path.of("target", "app-processes");

	private static final Path EXTRACTED = Path.of("target", "reflow-crm-extracted");

	private static final AtomicInteger STARTED = new AtomicInteger();

	private static boolean extracted;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final List<String> command;

	private final Map<String, String> environment;

	private Process process;

	private AppProcess(Builder builder) {
		this.name = builder.name;
		this.port = (builder.port != 0) ? builder.port : freePort();
		this.log = LOGS.resolve(builder.name + "-" + STARTED.incrementAndGet() + ".log");
		this.environment = new LinkedHashMap<>(builder.environment);
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(builder.jvmArguments);
		if (builder.quickStart) {
			// the client compiler only: a start does not wait for optimised code
			command.add("-XX:TieredStopAtLevel=1");
		}
		command.add("-jar");
		command.add((builder.quickStart ? extractedJar() : JAR).toAbsolutePath().toString());
		command.add("--server.port=" + this.port);
		command.add("--spring.profiles.active=" + String.join(",", builder.profiles));
		builder.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		this.command = List.copyOf(command);
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * The packaged jar unpacked with Spring Boot's {@code jarmode=tools extract} (the
	 * application jar with its libraries beside it, as Spring Boot recommends for
	 * deployment): classes load from plain jars, not from jars nested in the fat jar.
	 * Unpacked once per test JVM.
	 */
	static synchronized Path extractedJar() {
		Path jar = EXTRACTED.resolve(JAR.getFileName());
		if (!extracted) {
			requireJar();
			List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Djarmode=tools",
					"-jar", JAR.toAbsolutePath().toString(), "extract", "--destination",
					EXTRACTED.toAbsolutePath().toString(), "--force");
			try {
				Files.createDirectories(LOGS);
				Path log = LOGS.resolve("extract.log");
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(jar)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							"Cannot unpack " + JAR + " with " + command + ":\n" + Files.readString(log));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot unpack " + JAR, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			extracted = true;
		}
		return jar;
	}

	private static void requireJar() {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn package` (failsafe runs "
					+ "integration tests after the package phase, so `mvn verify` builds it)");
		}
	}

	/** Starts the process (not waiting for it to be ready). */
	public AppProcess start() {
		requireJar();
		try {
			Files.createDirectories(LOGS);
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.command, ex);
		}
	}

	/** Starts the process and waits until {@code /actuator/health} answers UP. */
	public AppProcess startAndAwaitReady(Duration timeout) {
		start();
		awaitReady(timeout);
		return this;
	}

	/**
	 * Waits until {@code /actuator/health} answers 200; fails with the log's tail
	 * otherwise.
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			if (isReady()) {
				return;
			}
			sleep(200);
		}
		throw new IllegalStateException(this.name + " not ready after " + timeout + ":\n" + logTail());
	}

	/** Whether {@code /actuator/health} answers 200 now. */
	public boolean isReady() {
		try {
			HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** {@code kill -9}: the process gets no chance to clean up. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit(Duration.ofSeconds(30));
	}

	/** A graceful stop (SIGTERM), as an operator's restart. */
	public void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!waitForExit(Duration.ofSeconds(60))) {
				kill();
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	public long pid() {
		return this.process.pid();
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	public Path logFile() {
		return this.log;
	}

	/** The whole log so far. */
	public String log() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last 60 lines of the log, for failure messages. */
	public String logTail() {
		List<String> lines = log().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	private boolean waitForExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How to start the application. */
	public static final class Builder {

		private final String name;

		private int port;

		private final List<String> profiles = new ArrayList<>(List.of("demo"));

		private final Map<String, String> properties = new LinkedHashMap<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private final List<String> jvmArguments = new ArrayList<>(List.of("-Xmx512m"));

		private boolean quickStart;

		private Builder(String name) {
			this.name = name;
			// demo users, but no demo data and no file watching
			property("reflow.demo.seed-sales", "false");
			property("reflow.demo.seed-support", "false");
			property("reflow.demo.seed-marketing", "false");
			property("reflow.demo.seed-lab-history", "false");
			property("reflow.models.live-reload.enabled", "false");
			property("spring.main.banner-mode", "off");
		}

		/** The port to listen on; a free one when not set. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Runs on this PostgreSQL database (profile {@code postgres}). */
		public Builder postgres(String jdbcUrl, String user, String password) {
			if (!this.profiles.contains("postgres")) {
				this.profiles.add("postgres");
			}
			this.environment.put("REFLOW_DB_URL", jdbcUrl);
			this.environment.put("REFLOW_DB_USER", user);
			this.environment.put("REFLOW_DB_PASSWORD", password);
			return this;
		}

		/**
		 * Runs on this H2 database URL (the default is {@code ./data/reflow}, not for
		 * tests).
		 */
		public Builder h2(String jdbcUrl) {
			this.environment.put("REFLOW_DB_URL", jdbcUrl);
			return this;
		}

		/** A Spring property, passed as {@code --key=value}. */
		public Builder property(String key, String value) {
			this.properties.put(key, value);
			return this;
		}

		public Builder environment(String key, String value) {
			this.environment.put(key, value);
			return this;
		}

		/** JVM options; replaces the default {@code -Xmx512m}. */
		public Builder jvmArguments(String... arguments) {
			this.jvmArguments.clear();
			this.jvmArguments.addAll(List.of(arguments));
			return this;
		}

		/**
		 * Starts in about half the time, for tests that start the application again and
		 * again: the jar unpacked ({@link AppProcess#extractedJar()}) and the client
		 * compiler only ({@code -XX:TieredStopAtLevel=1}). Not for benchmarks, which
		 * measure the packaged jar as shipped.
		 */
		public Builder quickStart() {
			this.quickStart = true;
			return this;
		}

		public AppProcess build() {
			return new AppProcess(this);
		}

	}

}
