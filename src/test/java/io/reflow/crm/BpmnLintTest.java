package io.reflow.crm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda Modeler's lint rules over every model in {@code processes/}: bpmnlint with its
 * recommended rules and the Camunda compatibility plugin's rules for Camunda 7.24, as
 * configured in {@code src/lint/.bpmnlintrc} (versions pinned by
 * {@code src/lint/package-lock.json}). Any error fails the build with bpmnlint's report;
 * warnings are printed.
 * <p>
 * Node.js and npm come from the machine (Debian's {@code nodejs} and {@code npm}):
 * without them the test is skipped with a message, except on CI ({@code CI=true}), where
 * their absence fails the build.
 */
class BpmnLintTest {

	static final Path LINT = Path.of("src", "lint").toAbsolutePath();

	static final Path BPMNLINT = LINT.resolve("node_modules/bpmnlint/bin/bpmnlint.js");

	@BeforeAll
	static void installBpmnlint() throws IOException {
		if (!works("node", "--version") || !works("npm", "--version")) {
			String message = "BpmnLintTest needs node and npm on the PATH (apt-get install -y nodejs npm)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		Path installed = LINT.resolve("node_modules/.package-lock.json");
		if (!Files.exists(BPMNLINT) || !Files.exists(installed) || Files.getLastModifiedTime(installed)
			.compareTo(Files.getLastModifiedTime(LINT.resolve("package-lock.json"))) < 0) {
			Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
			assertThat(install.exit()).as("npm ci in src/lint failed:%n%s", install.output()).isZero();
		}
	}

	@Test
	void shouldFindNothingModelerWouldFlagInAnyProcess() throws IOException {
		List<Path> models = processModels();
		assertThat(models).as("models in processes/").isNotEmpty();

		Run lint = bpmnlint(models);

		System.out.println("bpmnlint over " + models.size() + " models:\n" + lint.output());
		assertThat(lint.exit()).as("bpmnlint found errors (fix the model, see src/lint/README.md):%n%s", lint.output())
			.isZero();
	}

	/** Proves the gate bites: a process without a history time to live fails it. */
	@Test
	void shouldFailOnProcessWithoutHistoryTimeToLive(@TempDir Path folder) throws IOException {
		Path model = folder.resolve("lead-qualification.bpmn");
		String xml = Files.readString(Path.of("processes/sales/lead-qualification.bpmn"), StandardCharsets.UTF_8);
		Files.writeString(model, xml.replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", ""), StandardCharsets.UTF_8);

		Run lint = bpmnlint(List.of(model));

		assertThat(lint.exit()).isNotZero();
		assertThat(lint.output()).contains("lead-qualification", "historyTimeToLive",
				"camunda-compat/history-time-to-live");
	}

	/** And so does a model mistake from bpmnlint's recommended rules. */
	@Test
	void shouldFailOnUnnamedStartEvent(@TempDir Path folder) throws IOException {
		Path model = folder.resolve("lead-qualification.bpmn");
		String xml = Files.readString(Path.of("processes/sales/lead-qualification.bpmn"), StandardCharsets.UTF_8);
		String unnamed = xml.replaceFirst("(<bpmn:startEvent id=\"StartEvent_LeadCreated\") name=\"[^\"]*\"", "$1");
		assertThat(unnamed).isNotEqualTo(xml);
		Files.writeString(model, unnamed, StandardCharsets.UTF_8);

		Run lint = bpmnlint(List.of(model));

		assertThat(lint.exit()).isNotZero();
		assertThat(lint.output()).contains("StartEvent_LeadCreated", "label-required");
	}

	static List<Path> processModels() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			return files.filter((file) -> file.toString().endsWith(".bpmn"))
				.map(Path::toAbsolutePath)
				.sorted()
				.toList();
		}
	}

	static Run bpmnlint(List<Path> models) {
		List<String> command = new ArrayList<>(List.of("node", BPMNLINT.toString()));
		models.forEach((model) -> command.add(model.toString()));
		return run(command, 120);
	}

	private static boolean works(String... command) {
		try {
			return run(List.of(command), 30).exit() == 0;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static Run run(List<String> command, int timeoutSeconds) {
		try {
			// output to a file, so neither a full pipe nor a hanging process blocks the
			// test
			Path output = Files.createTempFile("reflow-bpmnlint", ".txt");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).directory(LINT.toFile())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile());
				builder.environment().put("NO_COLOR", "1");
				Process process = builder.start();
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							String.join(" ", command) + " did not finish in " + timeoutSeconds + "s");
				}
				return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Run(int exit, String output) {
	}

}
