package io.reflow.crm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One section of the benchmark report. Each benchmark writes its own section to
 * {@code target/bench/<id>.md}; every write also regenerates
 * {@code target/bench/report.md}, the sections in the order of their ids, so the report
 * is whole whichever benchmarks ran and in whatever order.
 */
public final class BenchReport {

	/** Where the report goes; {@code -Dreflow.bench.dir} overrides. */
	public static final Path DIRECTORY = Path.of(System.getProperty("reflow.bench.dir", "target/bench"));

	private final String id;

	private final String title;

	private final StringBuilder body = new StringBuilder();

	private BenchReport(String id, String title) {
		this.id = id;
		this.title = title;
	}

	/**
	 * A new section; {@code id} orders the report and names the file
	 * ("1-platform-overhead").
	 */
	public static BenchReport section(String id, String title) {
		return new BenchReport(id, title);
	}

	/**
	 * The machine the figures were taken on; {@code database} names the database
	 * server(s).
	 */
	public static String machine(String database) {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%d cores (%s), %s memory, %s %s (max heap %d MiB), %s %s, database: %s",
				runtime.availableProcessors(), cpuModel(), memory(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"),
				System.getProperty("os.version"), database);
	}

	public BenchReport paragraph(String text) {
		this.body.append(text.strip()).append("\n\n");
		return this;
	}

	public BenchReport paragraph(String format, Object... arguments) {
		return paragraph(String.format(Locale.ROOT, format, arguments));
	}

	/** A Markdown table. */
	public BenchReport table(List<String> headers, List<List<String>> rows) {
		this.body.append("| ").append(String.join(" | ", headers)).append(" |\n");
		this.body.append("|").append(headers.stream().map((h) -> "---").collect(Collectors.joining("|"))).append("|\n");
		for (List<String> row : rows) {
			this.body.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		this.body.append("\n");
		return this;
	}

	/**
	 * Writes the section and regenerates the whole report; returns the section's file.
	 */
	public Path write() {
		try {
			Files.createDirectories(DIRECTORY);
			Path file = DIRECTORY.resolve(this.id + ".md");
			String text = "## " + this.title + "\n\n" + "Measured "
					+ OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " by `mvn -Pbench`.\n\n"
					+ this.body;
			Files.writeString(file, text, StandardCharsets.UTF_8);
			writeWholeReport();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeWholeReport() throws IOException {
		List<Path> sections;
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			sections = files.filter((f) -> f.getFileName().toString().matches("\\d+[a-z]?-.*\\.md")).sorted().toList();
		}
		List<String> parts = new ArrayList<>();
		parts.add("# Reflow CRM benchmark report\n\nSections present: " + sections.size()
				+ ". Each section names its machine and repetitions.\n");
		for (Path section : sections) {
			parts.add(Files.readString(section, StandardCharsets.UTF_8));
		}
		Files.writeString(DIRECTORY.resolve("report.md"), String.join("\n", parts), StandardCharsets.UTF_8);
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException | UncheckedIOException ex) {
			return "unknown CPU";
		}
	}

	private static String memory() {
		try {
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			return (os.getTotalMemorySize() / (1024L * 1024 * 1024)) + " GiB";
		}
		catch (RuntimeException ex) {
			return "unknown";
		}
	}

}
