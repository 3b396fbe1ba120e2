package io.reflow.crm.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;
import io.reflow.crm.platform.audit.ModelAuditRecord;
import io.reflow.crm.platform.identity.DemoIdentity;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live reload on a temporary copy of {@code processes/}, {@code decisions/} and
 * {@code forms/}: files are saved the way editors save them (write a temporary file,
 * rename it over the model) and the test waits, with a generous limit, until the engine
 * has the new version. Each test leaves the folder as good as it found it.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class LiveReloadIT {

	static final Path MODELS = copyOfModels();

	static final String LEAD_QUALIFICATION = "processes/sales/lead-qualification.bpmn";

	static final String LEAD_SCORING = "decisions/lead-scoring.dmn";

	static final String QUALIFY_LEAD_FORM = "forms/sales/qualify-lead.form";

	static final Duration PATIENCE = Duration.ofSeconds(60);

	@DynamicPropertySource
	static void liveReload(DynamicPropertyRegistry registry) {
		registry.add("reflow.models.live-reload.enabled", () -> "true");
		registry.add("reflow.models.live-reload.folder", MODELS::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	LiveReload liveReload;

	@Autowired
	ModelAudit audit;

	@AfterAll
	static void deleteCopy() throws IOException {
		try (Stream<Path> files = Files.walk(MODELS)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Test
	void shouldDeployEditedProcessWithinSeconds() {
		int before = processVersion("lead-qualification");
		String original = read(LEAD_QUALIFICATION);

		long saved = System.nanoTime();
		save(LEAD_QUALIFICATION,
				original.replace("name=\"Lead qualification\"", "name=\"Lead qualification, redesigned\""));
		await("a new version of lead-qualification", () -> processVersion("lead-qualification") > before);
		long millis = (System.nanoTime() - saved) / 1_000_000;
		System.out.println("Live reload: lead-qualification saved -> new version in " + millis + " ms");

		assertThat(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("lead-qualification")
			.latestVersion()
			.singleResult()
			.getName()).isEqualTo("Lead qualification, redesigned");
		await("the status lists the deployment",
				() -> this.liveReload.status().deployed().contains(LEAD_QUALIFICATION));
		// the form it binds by deployment travels with it
		assertThat(this.liveReload.status().deployed()).contains(QUALIFY_LEAD_FORM);
		assertThat(this.liveReload.status().failures()).isEmpty();

		save(LEAD_QUALIFICATION, original);
		await("the original again", () -> processVersion("lead-qualification") > before + 1);
	}

	@Test
	void shouldKeepLastGoodVersionOfBrokenFileAndDeployTheRestOfTheBurst() {
		int processBefore = processVersion("lead-qualification");
		int decisionBefore = decisionVersion("lead-scoring");
		String original = read(LEAD_QUALIFICATION);
		String decision = read(LEAD_SCORING);
		Instant start = Instant.now();

		// one burst: a broken process and a good decision
		save(LEAD_QUALIFICATION, original.replaceFirst("</bpmn:process>", ""));
		save(LEAD_SCORING, decision + "<!-- edited -->\n");

		await("the broken file in the status", () -> failure(LEAD_QUALIFICATION) != null);
		LiveReloadStatus.Failure failure = failure(LEAD_QUALIFICATION);
		assertThat(failure.line()).isPositive();
		assertThat(failure.message()).isNotBlank();
		await("the good decision deployed", () -> decisionVersion("lead-scoring") > decisionBefore);
		await("the status lists the decision", () -> this.liveReload.status().deployed().contains(LEAD_SCORING));
		assertThat(processVersion("lead-qualification")).isEqualTo(processBefore);
		assertThat(this.liveReload.status().deployed()).doesNotContain(LEAD_QUALIFICATION);

		HttpResponse<String> status = new Http(this.port).to("/api/models/reload-status")
			.basic("analyst", DemoIdentity.PASSWORD)
			.get();
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(status.body(), "$.enabled")).isTrue();
		assertThat(JsonPath.<List<String>>read(status.body(), "$.watching")).hasSize(3);
		assertThat(JsonPath.<List<String>>read(status.body(), "$.failures[*].resource"))
			.containsExactly(LEAD_QUALIFICATION);
		assertThat(JsonPath.<List<Integer>>read(status.body(), "$.failures[*].line")).containsExactly(failure.line());

		List<ModelAuditRecord> refusals = this.audit
			.list(LEAD_QUALIFICATION, start, Instant.now().plusSeconds(1), Pageable.ofSize(10))
			.getContent();
		assertThat(refusals).extracting(ModelAuditRecord::action).containsExactly(ModelAuditAction.RELOAD_FAILED);
		assertThat(refusals.get(0).source()).isEqualTo(LiveReload.SOURCE);
		assertThat(refusals.get(0).detail()).startsWith("Line " + failure.line() + ": ");

		save(LEAD_QUALIFICATION, original);
		await("the failure cleared", () -> this.liveReload.status().failures().isEmpty());
		// the fixed file equals the last good version: nothing new to deploy
		assertThat(processVersion("lead-qualification")).isEqualTo(processBefore);
		save(LEAD_SCORING, decision);
		await("the decision back", () -> decisionVersion("lead-scoring") > decisionBefore + 1);
	}

	@Test
	void shouldReportModelTheEngineRefuses() {
		int before = processVersion("lead-qualification");
		String original = read(LEAD_QUALIFICATION);

		save(LEAD_QUALIFICATION, original.replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", ""));

		await("the refused file in the status", () -> failure(LEAD_QUALIFICATION) != null);
		assertThat(failure(LEAD_QUALIFICATION).message()).containsIgnoringCase("History Time To Live");
		assertThat(processVersion("lead-qualification")).isEqualTo(before);

		save(LEAD_QUALIFICATION, original);
		await("the failure cleared", () -> this.liveReload.status().failures().isEmpty());
	}

	@Test
	void shouldRedeployProcessesThatBindAChangedForm() {
		int before = processVersion("lead-qualification");
		String form = read(QUALIFY_LEAD_FORM);

		save(QUALIFY_LEAD_FORM, form.replace("Decide whether this lead is worth a quote.",
				"Decide whether this lead is worth a quote today."));

		await("a new version of the process that binds the form", () -> processVersion("lead-qualification") > before);
		// the engine has the version before the run's outcome becomes the status
		await("the status lists the form and the process",
				() -> this.liveReload.status().deployed().containsAll(List.of(QUALIFY_LEAD_FORM, LEAD_QUALIFICATION)));

		save(QUALIFY_LEAD_FORM, form);
		await("the original form again", () -> processVersion("lead-qualification") > before + 1);
	}

	LiveReloadStatus.Failure failure(String resource) {
		return this.liveReload.status()
			.failures()
			.stream()
			.filter((failure) -> resource.equals(failure.resource()))
			.findFirst()
			.orElse(null);
	}

	int processVersion(String key) {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	int decisionVersion(String key) {
		return this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	static void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	static String read(String name) {
		try {
			return Files.readString(MODELS.resolve(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Saves as editors do: a temporary file renamed over the model. */
	static void save(String name, String content) {
		Path file = MODELS.resolve(name);
		Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path copyOfModels() {
		try {
			Path copy = Files.createTempDirectory("reflow-live-reload");
			for (String folder : LiveReload.FOLDERS) {
				Path source = Path.of(folder);
				try (Stream<Path> files = Files.walk(source)) {
					for (Path file : files.toList()) {
						if (Files.isDirectory(file)) {
							Files.createDirectories(copy.resolve(file.toString()));
						}
						else {
							Files.copy(file, copy.resolve(file.toString()));
						}
					}
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
