package io.reflow.crm.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version scorecard page in a real headless Chromium, on the history of
 * {@link LabProbeHistory}: a manager opens it from the home page, it compares the latest
 * version with the one before, the figures show what the API measured, both diagrams are
 * drawn with the added, removed and changed elements marked, and choosing versions by the
 * form reloads the figures. Screenshots go to {@code target/screenshots/}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class LabBrowserIT {

	/** Every figure the page shows: its JSON path and text. */
	static final String FIELDS = """
			return Object.fromEntries([...document.querySelectorAll('[data-field]')]
			  .map((f) => [f.dataset.field, f.textContent]));""";

	/** The ids of the elements marked in one diagram, by marker. */
	static final String MARKS = """
			const root = document.getElementById(arguments[0]);
			const ids = (marker) => [...root.querySelectorAll('.djs-element.' + marker)]
			  .map((e) => e.getAttribute('data-element-id'));
			return { svg: !!root.querySelector('svg .djs-element'), added: ids('diff-added'),
			  removed: ids('diff-removed'), changed: ids('diff-changed') };""";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(60), new Dimension(1366, 900));

	void awaitLoaded() {
		this.session.await().until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "loaded"));
	}

	/** The probe's two versions with their history, made once for both tests. */
	void probeHistory() {
		if (this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(LabProbeHistory.KEY)
			.count() == 0) {
			LabProbeHistory.run(this.engine);
		}
	}

	@SuppressWarnings("unchecked")
	@Test
	void shouldShowTheMeasuredEffectAndTheModelDiffOfTheRedesign() {
		probeHistory();
		this.session.driver().get("http://localhost:" + this.port + "/");
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("manager", "demo");
		this.session.await().until(ExpectedConditions.elementToBeClickable(By.id("link-lab"))).click();
		this.session.await().until(ExpectedConditions.urlContains("/lab/scorecard"));
		new Select(this.session.driver().findElement(By.id("process"))).selectByValue(LabProbeHistory.KEY);
		this.session.driver().findElement(By.id("compare")).click();
		this.session.await().until(ExpectedConditions.urlContains("process=lab-probe"));
		awaitLoaded();
		this.session.fullPageScreenshot("lab-scorecard-probe");

		Map<String, String> fields = (Map<String, String>) this.session.js().executeScript(FIELDS);
		assertThat(fields).containsEntry("cycleTime.from.median", "3 hr")
			.containsEntry("cycleTime.to.median", "1.2 hr")
			.containsEntry("cycleTime.test.significance", "significant")
			.containsEntry("cycleTime.from.n", "30")
			.containsEntry("from.finished", "30")
			.containsEntry("to.finished", "30");
		assertThat(fields.get("costPerCase.from.median")).contains("360");
		assertThat(fields.get("costPerCase.to.median")).contains("180");
		String won = this.session.driver()
			.findElement(By.cssSelector("#figures tr[data-metric='Outcome: Won']"))
			.getText();
		assertThat(won).contains("33.3%", "80%", "+46.7 pp", "significant");
		assertThat(this.session.driver()
			.findElement(By.cssSelector("#activities tr[data-activity='Task_Check']"))
			.getText()).contains("added");

		Map<String, Object> from = (Map<String, Object>) this.session.js().executeScript(MARKS, "diagram-from");
		Map<String, Object> to = (Map<String, Object>) this.session.js().executeScript(MARKS, "diagram-to");
		assertThat(from).containsEntry("svg", true);
		assertThat((List<String>) from.get("removed")).contains("Flow_Again");
		assertThat((List<String>) from.get("changed")).contains("Task_Work");
		assertThat((List<String>) to.get("added")).contains("Task_Check");
		assertThat((List<String>) to.get("changed")).contains("Task_Work");
		assertThat((List<String>) to.get("removed")).isEmpty();
		assertThat(this.session.driver().findElement(By.id("status")).getText()).contains("6 model elements differ");

		// the same version on both sides: nothing differs, nothing is significant
		new Select(this.session.driver().findElement(By.id("from"))).selectByValue("2");
		this.session.driver().findElement(By.id("compare")).click();
		this.session.await().until(ExpectedConditions.urlContains("from=2&to=2"));
		awaitLoaded();
		fields = (Map<String, String>) this.session.js().executeScript(FIELDS);
		assertThat(fields).containsEntry("cycleTime.test.significance", "not significant")
			.containsEntry("cycleTime.from.median", "1.2 hr");
		assertThat(this.session.driver().findElement(By.id("status")).getText()).contains("0 model elements differ");
		assertThat(Browser.consoleErrorsButFavicon(this.session.driver())).isEmpty();
	}

	@SuppressWarnings("unchecked")
	@Test
	void shouldSimulateTheRedesignAgainstTheBaselineWithProgressAndCharts() {
		probeHistory();
		this.session.driver().get("http://localhost:" + this.port + "/");
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("analyst", "demo");
		this.session.await().until(ExpectedConditions.elementToBeClickable(By.id("link-simulate"))).click();
		this.session.await().until(ExpectedConditions.urlContains("/lab/simulate"));
		this.session.await()
			.until((driver) -> !new Select(driver.findElement(By.id("process"))).getOptions().isEmpty());
		new Select(this.session.driver().findElement(By.id("process"))).selectByValue(LabProbeHistory.KEY);
		new Select(this.session.driver().findElement(By.id("baseline"))).selectByValue("1");
		new Select(this.session.driver().findElement(By.id("candidate"))).selectByValue("2");

		// a bad scenario: the page says which field
		this.session.driver().findElement(By.id("scenario")).sendKeys("cases: 0");
		this.session.driver().findElement(By.id("run")).click();
		this.session.await().until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "error"));
		assertThat(this.session.driver().findElement(By.id("status")).getText()).contains("cases");

		this.session.js().executeScript("document.getElementById('scenario').value = 'cases: 200'");
		this.session.driver().findElement(By.id("run")).click();
		this.session.await().until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "running"));
		this.session.await()
			.until((driver) -> !"running".equals(driver.findElement(By.id("status")).getAttribute("data-state")));
		assertThat(this.session.driver().findElement(By.id("status")).getAttribute("data-state"))
			.as(this.session.driver().findElement(By.id("status")).getText())
			.isEqualTo("done");
		this.session.fullPageScreenshot("lab-simulate-probe");

		Map<String, String> fields = (Map<String, String>) this.session.js().executeScript(FIELDS);
		assertThat(fields).containsEntry("baseline.casesStarted", "200").containsEntry("candidate.casesStarted", "200");
		assertThat(fields).containsKey("candidate.activities.Task_Check.completed")
			.containsEntry("baseline.activities.Task_Check.completed", "—");
		assertThat(fields.get("candidate.groups.sales-north.utilization")).endsWith("%");
		assertThat(fields.get("difference.cycleMedianHours")).isNotEqualTo("—");
		assertThat((Boolean) this.session.js()
			.executeScript("return !!Chart.getChart(document.getElementById('cycle-chart'))"
					+ " && Chart.getChart(document.getElementById('cycle-chart')).data.datasets.length === 2"))
			.isTrue();
		assertThat(this.session.driver().findElements(By.cssSelector("#calibration li"))).isNotEmpty();
		// the one error: the refused scenario's 400, which the browser logs
		assertThat(Browser.consoleErrorsButFavicon(this.session.driver())).singleElement()
			.satisfies((error) -> assertThat(error).contains("/api/lab/simulations", "400"));
	}

}
