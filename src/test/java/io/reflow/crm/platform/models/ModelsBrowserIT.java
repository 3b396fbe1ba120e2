package io.reflow.crm.platform.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's page {@code /models} in a real headless Chromium: {@code analyst} logs
 * in, sees processes and decisions with their versions, opens the BPMN diagram of a
 * process version (bpmn-js) and the decision table of a decision (dmn-js), runs a dry run
 * of a migration of two waiting leads and then the migration itself; the test runs the
 * batch's jobs (no job executor in tests) and the page shows the outcome. No console
 * errors; screenshots go to {@code target/screenshots/}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class ModelsBrowserIT {

	static final String KEY = "lead-qualification";

	static final String MODEL = "processes/sales/lead-qualification.bpmn";

	static final String FORM = "forms/sales/qualify-lead.form";

	/** True once the catalogue blocks have loaded, well or not. */
	static final String SETTLED = """
			const blocks = [...document.querySelectorAll('[data-endpoint=processes], [data-endpoint=decisions]')];
			return blocks.every((b) => b.dataset.state === 'loaded' || b.dataset.state === 'error');""";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(60), new Dimension(1366, 900));

	@Test
	void shouldShowVersionsAndDiagramsAndMigrateWaitingLeadsFromThePage() throws IOException {
		ProcessDefinition base = deploy(model());
		List<String> leads = List.of(postLead(), postLead());
		ProcessDefinition target = deploy(model().replace("name=\"Qualify lead\"", "name=\"Qualify lead (call)\"")
			.replace("camunda:versionTag=\"to-be\"", "camunda:versionTag=\"call-first\""));

		this.session.driver().get("http://localhost:" + this.port + "/models");
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("analyst", "demo");
		this.session.await().until(ExpectedConditions.urlContains("/models"));
		this.session.await().until((driver) -> Boolean.TRUE.equals(this.session.js().executeScript(SETTLED)));
		assertThat(state("processes")).isEqualTo("loaded");
		assertThat(state("decisions")).isEqualTo("loaded");
		String processes = this.session.driver().findElement(By.cssSelector("[data-endpoint=processes]")).getText();
		assertThat(processes).contains("Lead qualification", KEY, "v" + target.getVersion() + " · call-first",
				"v" + base.getVersion() + " · to-be · 2 running");
		assertThat(this.session.driver().findElements(By.cssSelector("a.backtest[data-key=discount]"))).singleElement()
			.satisfies((link) -> assertThat(link.getAttribute("href")).endsWith("/models/decisions/discount/backtest"));
		this.session.fullPageScreenshot("models-catalogue");

		// the BPMN diagram of the base version
		this.session.driver()
			.findElement(By.cssSelector(
					"button.chip[data-kind=process][data-key=" + KEY + "][data-version='" + base.getVersion() + "']"))
			.click();
		waitForDiagram("process");
		assertThat(((Number) this.session.js()
			.executeScript("return document.querySelectorAll('#diagram svg .djs-shape').length")).intValue())
			.isGreaterThan(10);
		assertThat(this.session.js()
			.executeScript("return !!document.querySelector('#diagram [data-element-id=Task_QualifyLead]')"))
			.isEqualTo(true);
		assertThat(this.session.driver().findElement(By.id("version-facts")).getText()).contains(base.getId());

		// a decision table
		this.session.driver().findElement(By.cssSelector("tr[data-key=discount] button.link")).click();
		waitForDiagram("decision");
		assertThat(((Number) this.session.js()
			.executeScript("return document.querySelectorAll('#diagram .tjs-table tbody tr').length")).intValue())
			.isPositive();
		Browser.screenshot(this.session.driver(), "models-decision-discount");

		// back to the process: dry run, then migrate
		this.session.driver().findElement(By.cssSelector("tr[data-key=" + KEY + "] button.link")).click();
		waitForDiagram("process");
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("migration")));
		new Select(this.session.driver().findElement(By.id("migration-source")))
			.selectByValue(String.valueOf(base.getVersion()));
		new Select(this.session.driver().findElement(By.id("migration-target")))
			.selectByValue(String.valueOf(target.getVersion()));
		this.session.driver().findElement(By.id("dry-run")).click();
		this.session.await()
			.until((driver) -> "loaded"
				.equals(driver.findElement(By.id("migration-result")).getAttribute("data-state")));
		assertThat(this.session.driver().findElement(By.cssSelector("#migration-result .summary")).getText())
			.isEqualTo("2 of 2 running instances can be migrated from v" + base.getVersion() + " to v"
					+ target.getVersion() + ".");
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionId(base.getId()).count())
			.isEqualTo(2);
		Browser.screenshot(this.session.driver(), "models-migration-dry-run");
		assertThat(this.session.driver().findElement(By.id("migrate")).isEnabled()).isTrue();
		this.session.driver().findElement(By.id("migrate")).click();
		this.session.await()
			.until((driver) -> driver.findElement(By.id("migration-progress")).getAttribute("data-batch") != null);
		String batchId = this.session.driver().findElement(By.id("migration-progress")).getAttribute("data-batch");
		Jobs.runBatch(this.managementService, batchId);
		this.session.await()
			.until((driver) -> "done"
				.equals(driver.findElement(By.id("migration-progress")).getAttribute("data-state")));
		assertThat(this.session.driver().findElement(By.id("migration-progress")).getText())
			.contains("Finished: 2 of 2 instances now run on v" + target.getVersion());
		for (String lead : leads) {
			assertThat(this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(lead)
				.singleResult()
				.getProcessDefinitionId()).isEqualTo(target.getId());
		}
		this.session.await()
			.until((driver) -> driver.findElement(By.id("migration-history")).getText().contains("done: 2"));
		HttpResponse<String> progress = new Http(this.port).to("/api/processes/" + KEY + "/migrations/" + batchId)
			.basic("analyst", "demo")
			.get();
		// the audit trail shows the deployments and the migration's start and outcome
		this.session.await()
			.until((driver) -> !driver.findElements(By.cssSelector("#audit tr[data-action=MIGRATION_FINISHED]"))
				.isEmpty());
		assertThat(state("audit")).isEqualTo("loaded");
		assertThat(this.session.driver().findElement(By.id("audit")).getText()).contains("MIGRATION_STARTED",
				"DEPLOYED", "v" + base.getVersion() + " → v" + target.getVersion() + ", 2 instances, batch " + batchId);
		assertThat(this.session.driver().findElement(By.id("reload")).isDisplayed()).as("live reload is off in tests")
			.isFalse();
		assertThat((String) JsonPath.read(progress.body(), "$.source")).isEqualTo("/models");
		assertThat((String) JsonPath.read(progress.body(), "$.startedBy")).isEqualTo("analyst");
		this.session.fullPageScreenshot("models-migration-done");
		// the login page has no icon of its own; the browser's request for one is not
		// ours
		assertThat(Browser.consoleErrors(this.session.driver()))
			.filteredOn((message) -> !message.contains("/favicon.ico"))
			.isEmpty();
	}

	private void waitForDiagram(String kind) {
		this.session.await().until((driver) -> {
			Object state = this.session.js()
				.executeScript(
						"const d = document.getElementById('diagram'); return d.dataset.kind + ':' + d.dataset.state"
								+ " + ':' + document.querySelector('[data-endpoint=detail]').dataset.state;");
			return (kind + ":loaded:loaded").equals(state);
		});
	}

	private String state(String endpoint) {
		return (String) this.session.js()
			.executeScript("return document.querySelector('[data-endpoint=" + endpoint + "]').dataset.state");
	}

	/** A north lead (score 60) waiting at "Qualify lead". */
	private String postLead() {
		String json = """
				{"companyName":"页面迁移%s有限公司","contactName":"王芳","email":"fang.wang@%s.example.cn","phone":"+86 139 0000 0000",
				 "source":"WEB","region":"NORTH","industry":"SOFTWARE","companySize":300,"budgetConfirmed":true}
				"""
			.formatted(Long.toHexString(System.nanoTime()), Long.toHexString(System.nanoTime()));
		HttpResponse<String> created = new Http(this.port).to("/api/leads").basic("liu.yang", "demo").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String pid = JsonPath.read(created.body(), "$.processInstanceId");
		Jobs.runDue(this.managementService, pid);
		return pid;
	}

	private ProcessDefinition deploy(String bpmn) throws IOException {
		try (InputStream form = getClass().getClassLoader().getResourceAsStream(FORM)) {
			return this.repositoryService.createDeployment()
				.name("models-browser-it")
				.source("test")
				.addString(MODEL, bpmn)
				.addInputStream(FORM, form)
				.deployWithResult()
				.getDeployedProcessDefinitions()
				.get(0);
		}
	}

	private static String model() throws IOException {
		try (InputStream in = ModelsBrowserIT.class.getClassLoader().getResourceAsStream(MODEL)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
