package io.reflow.crm.kpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' dashboard in a real headless Chromium on the demo data of all three
 * modules: {@code manager} logs in and every area loads; every figure on the page (each
 * element with {@code data-kpi}) shows the value of its {@code /api/kpis} answer,
 * formatted by an independent copy of the page's rules ({@link #FORMAT}); every Chart.js
 * canvas is drawn with data; the heatmap shows each process's diagram with badges on its
 * activities; the period filter changes the requests and the figures; there are no
 * console errors and no sideways scrolling at 1366 px. Screenshots go to
 * {@code target/screenshots/}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "reflow.demo.seed-sales=true", "reflow.demo.seed-support=true",
				"reflow.demo.seed-marketing=true" })
@ActiveProfiles({ "demo", "test" })
class DashboardBrowserIT {

	/** True once every block of the page has finished loading, well or not. */
	static final String SETTLED = """
			const blocks = [...document.querySelectorAll('[data-endpoint]')];
			return blocks.length > 0 && blocks.every((b) => b.dataset.state === 'loaded' || b.dataset.state === 'error');""";

	/** True when the page is no wider than the window (no horizontal scroll bar). */
	static final String FITS_WIDTH = "return document.documentElement.scrollWidth <= window.innerWidth;";

	/**
	 * How the page formats a value of each {@code data-format} kind (docs/kpis.md),
	 * written here again so the test does not trust the page's own code: arguments value,
	 * kind.
	 */
	static final String FORMAT = """
			const [value, kind] = arguments;
			const locale = navigator.language;
			if (value === null || value === undefined) { return '\u2014'; }
			const number = (options) => new Intl.NumberFormat(locale, options).format(value);
			const unit = (name, amount) => new Intl.NumberFormat(locale,
			  { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 }).format(amount);
			const duration = (s) => s >= 86400 ? unit('day', s / 86400) : s >= 3600 ? unit('hour', s / 3600)
			  : s >= 60 ? unit('minute', s / 60) : unit('second', s);
			switch (kind) {
			  case 'int': return number({ maximumFractionDigits: 0 });
			  case 'decimal': return number({ maximumFractionDigits: 2 });
			  case 'percent': return number({ style: 'percent', maximumFractionDigits: 1 });
			  case 'money': return number({ style: 'currency', currency: 'CNY', minimumFractionDigits: 0, maximumFractionDigits: 0 });
			  case 'days': return unit('day', value);
			  case 'seconds': return duration(value);
			  case 'minutes': return duration(value * 60);
			  case 'hours': return duration(value * 3600);
			  case 'date': return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
			    .format(new Date(value + 'T00:00:00Z'));
			  case 'month': return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })
			    .format(new Date(value.substring(0, 7) + '-01T00:00:00Z'));
			  default: return String(value);
			}""";

	/** Every figure on the page: path, format and shown text. */
	private static final String FIGURES = """
			return [...document.querySelectorAll('[data-kpi]')].map((f) =>
			  ({ path: f.dataset.kpi, format: f.dataset.format, text: f.textContent, value: f.dataset.value }));""";

	private static final String SOURCES = """
			return Object.fromEntries([...document.querySelectorAll('[data-endpoint]')]
			  .map((b) => [b.dataset.endpoint, b.dataset.source || '']));""";

	private static final String CHARTS = """
			return [...document.querySelectorAll('canvas')].map((canvas) => {
			  const chart = Chart.getChart(canvas);
			  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			  let painted = 0;
			  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
			  const values = chart ? chart.data.datasets.flatMap((d) => d.data) : [];
			  return { id: canvas.id, chart: !!chart, datasets: chart ? chart.data.datasets.length : 0,
			    points: values.length, sum: values.reduce((a, b) => a + Number(b || 0), 0), painted };
			});""";

	private static final String HEATMAP = """
			const root = document.getElementById('heatmap');
			const heats = [...root.querySelectorAll('.djs-overlay .heat[data-activity]')];
			return { svg: !!root.querySelector('svg .djs-element'),
			  shapes: root.querySelectorAll('.djs-shape').length,
			  counts: root.querySelectorAll('.djs-overlay .badge-count [data-kpi]').length,
			  onShapes: heats.every((h) => !!root.querySelector('[data-element-id="' + CSS.escape(h.dataset.activity) + '"]')),
			  heats: heats.length };""";

	/** A path segment: a name, or an array index in brackets. */
	private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ObjectMapper json = new ObjectMapper();

	/** The endpoints whose figures the last comparison found on the page. */
	private Set<String> figureSources = Set.of();

	@LocalServerPort
	int port;

	Http http;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(60), new Dimension(1366, 768));

	@BeforeEach
	void http() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldShowTheApiFiguresWithChartsAndHeatmapAndFollowTheFilters() {
		this.session.driver().get("http://localhost:" + this.port + "/dashboard");
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("manager", "demo");
		this.session.await().until(ExpectedConditions.urlContains("/dashboard"));
		settle();
		this.session.fullPageScreenshot("dashboard-manager-30-days");

		Map<String, String> sources = sources();
		assertThat(sources.keySet()).containsExactlyInAnyOrderElementsOf(DashboardPageIT.ENDPOINTS);
		assertThat(this.session.js()
			.executeScript("return [...document.querySelectorAll('[data-endpoint]')]"
					+ ".filter((b) => b.dataset.state !== 'loaded').map((b) => b.dataset.endpoint + ': ' + b.textContent)"))
			.asList()
			.isEmpty();
		LocalDate today = LocalDate.now(ZONE);
		assertThat(sources.get("sales")).contains("from=" + today.minusDays(29)).contains("to=" + today);

		int figures = assertFiguresEqualTheApi();
		assertThat(this.figureSources).as("endpoints with figures on the page")
			.contains("processes", "tasks", "activities", "sales", "marketing", "service", "customers");
		assertThat(figures).as("figures on the page").isGreaterThan(80);
		assertChartsDrawn(true);
		assertHeatmapForEveryProcess();
		assertThat(DashboardPageIT.consoleErrors(this.session.driver())).isEmpty();
		assertThat(this.session.js().executeScript(FITS_WIDTH)).as("no horizontal scrolling at 1366 px")
			.isEqualTo(true);

		// last 7 days: new requests, and the page shows their answers
		String processesText = this.session.driver()
			.findElement(By.cssSelector("[data-endpoint=processes] .content"))
			.getText();
		new Select(this.session.driver().findElement(By.id("period"))).selectByValue("7");
		this.session.await().until((driver) -> sources().get("sales").contains("from=" + today.minusDays(6)));
		settle();
		Map<String, String> weekSources = sources();
		for (String endpoint : List.of("processes", "activities", "sales", "marketing", "service")) {
			assertThat(weekSources.get(endpoint)).as(endpoint)
				.isNotEqualTo(sources.get(endpoint))
				.contains("from=" + today.minusDays(6));
		}
		assertFiguresEqualTheApi();
		assertChartsDrawn(false);
		this.session.fullPageScreenshot("dashboard-manager-7-days");

		// one team: the sales, service and open-task figures are that group's
		new Select(this.session.driver().findElement(By.id("group"))).selectByValue("support-tier1");
		this.session.await().until((driver) -> sources().get("service").contains("group=support-tier1"));
		settle();
		assertThat(sources().get("sales")).contains("group=support-tier1");
		assertThat(sources().get("tasks")).contains("group=support-tier1");
		assertFiguresEqualTheApi();
		new Select(this.session.driver().findElement(By.id("group"))).selectByValue("");
		this.session.await().until((driver) -> !sources().get("service").contains("group="));
		settle();

		// a custom range a year back, before any demo case: the numbers change
		new Select(this.session.driver().findElement(By.id("period"))).selectByValue("custom");
		setDate("from", today.minusYears(1).minusDays(30));
		setDate("to", today.minusYears(1));
		this.session.await().until((driver) -> sources().get("processes").contains("to=" + today.minusYears(1)));
		settle();
		assertFiguresEqualTheApi();
		assertThat(this.session.driver().findElement(By.cssSelector("[data-endpoint=processes] .content")).getText())
			.isNotEqualTo(processesText);
		assertThat(this.session.driver().getCurrentUrl()).contains("period=custom");
		this.session.fullPageScreenshot("dashboard-manager-a-year-ago");
		assertThat(DashboardPageIT.consoleErrors(this.session.driver())).isEmpty();
	}

	/** The period the date inputs hold, set the way a person picks it. */
	private void setDate(String id, LocalDate date) {
		WebElement input = this.session.driver().findElement(By.id(id));
		this.session.js()
			.executeScript(
					"arguments[0].value = arguments[1];"
							+ "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
					input, date.toString());
	}

	/** The heatmap card alone, whatever part of the page the window shows. */
	private void heatmapScreenshot(String name) {
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target,
					this.session.driver()
						.findElement(By.cssSelector("[data-endpoint=diagram]"))
						.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void settle() {
		// the first check may come before a refresh has marked its blocks as loading
		this.session.await().until((driver) -> Boolean.TRUE.equals(this.session.js().executeScript(SETTLED)));
		this.session.await().until((driver) -> Boolean.TRUE.equals(this.session.js().executeScript(SETTLED)));
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> sources() {
		return (Map<String, String>) this.session.js().executeScript(SOURCES);
	}

	/**
	 * Reads each figure's JSON from the URL its block loaded, as {@code manager} over
	 * HTTP, and compares the text with the value formatted by {@link #FORMAT}.
	 */
	@SuppressWarnings("unchecked")
	private int assertFiguresEqualTheApi() {
		Map<String, String> sources = sources();
		Map<String, JsonNode> answers = new HashMap<>();
		List<Map<String, String>> figures = (List<Map<String, String>>) this.session.js().executeScript(FIGURES);
		List<String> mismatches = new ArrayList<>();
		for (Map<String, String> figure : figures) {
			String path = figure.get("path");
			String endpoint = path.substring(0, path.indexOf('.'));
			JsonNode answer = answers.computeIfAbsent(endpoint, (name) -> fetch(sources.get(name)));
			Object value = javaValue(resolve(answer, path.substring(endpoint.length() + 1)));
			Object expected = this.session.js().executeScript(FORMAT, value, figure.get("format"));
			if (path.endsWith("Age")) {
				// a task's age grows between the page's request and the test's: the page
				// must show an age no older than the API's, and no more than a minute
				// younger
				double shown = Double.parseDouble(figure.get("value"));
				if (!(value instanceof Number now) || shown > now.doubleValue() || now.doubleValue() - shown > 60) {
					mismatches.add(path + ": page " + shown + " s, API " + value + " s");
				}
				continue;
			}
			if (!expected.equals(figure.get("text"))) {
				mismatches.add(path + " (" + figure.get("format") + "): page \"" + figure.get("text") + "\", API "
						+ value + " → \"" + expected + "\"");
			}
		}
		assertThat(mismatches).as("figures that differ from the API").isEmpty();
		this.figureSources = answers.keySet();
		return figures.size();
	}

	private JsonNode fetch(String source) {
		assertThat(source).startsWith("/api/kpis/");
		HttpResponse<String> response = this.http.to(source).basic("manager", "demo").get();
		assertThat(response.statusCode()).as(source).isEqualTo(200);
		try {
			return this.json.readTree(response.body());
		}
		catch (Exception ex) {
			throw new AssertionError(source + " answered no JSON", ex);
		}
	}

	/** Walks {@code funnel.won}, {@code processes[2].cycleTime.p90} and the like. */
	static JsonNode resolve(JsonNode root, String path) {
		JsonNode node = root;
		Matcher matcher = SEGMENT.matcher(path);
		while (matcher.find() && node != null) {
			node = (matcher.group(1) != null) ? node.get(matcher.group(1))
					: node.get(Integer.parseInt(matcher.group(2)));
		}
		return node;
	}

	private static Object javaValue(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		if (node.isNumber()) {
			return node.asDouble();
		}
		return node.asText();
	}

	@SuppressWarnings("unchecked")
	private void assertChartsDrawn(boolean withData) {
		List<Map<String, Object>> charts = (List<Map<String, Object>>) this.session.js().executeScript(CHARTS);
		assertThat(charts).extracting((chart) -> chart.get("id"))
			.contains("chart-throughput", "chart-funnel", "chart-pipeline", "chart-forecast", "chart-priority",
					"chart-service-groups", "chart-csat", "chart-pareto");
		for (Map<String, Object> chart : charts) {
			assertThat(chart.get("chart")).as(chart.toString()).isEqualTo(true);
			assertThat(((Number) chart.get("datasets")).intValue()).as(chart.toString()).isPositive();
			assertThat(((Number) chart.get("painted")).intValue()).as("drawn: " + chart).isPositive();
		}
		if (withData) {
			// the demo data of the last 30 days fills these
			for (Map<String, Object> chart : charts) {
				if (List.of("chart-throughput", "chart-funnel", "chart-pipeline", "chart-priority", "chart-pareto")
					.contains(chart.get("id"))) {
					assertThat(((Number) chart.get("sum")).doubleValue()).as("data: " + chart).isPositive();
				}
			}
		}
	}

	/** Each process's diagram, with a badge on every activity that ran. */
	@SuppressWarnings("unchecked")
	private void assertHeatmapForEveryProcess() {
		Select process = new Select(this.session.driver().findElement(By.id("process")));
		List<String> keys = process.getOptions().stream().map((option) -> option.getAttribute("value")).toList();
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			process.selectByValue(key);
			this.session.await().until((driver) -> sources().get("diagram").contains("/processes/" + key + "/diagram"));
			settle();
			Map<String, Object> heatmap = (Map<String, Object>) this.session.js().executeScript(HEATMAP);
			assertThat(heatmap.get("svg")).as(key + " " + heatmap).isEqualTo(true);
			assertThat(((Number) heatmap.get("shapes")).intValue()).as(key + " " + heatmap).isPositive();
			JsonNode activities = fetch(sources().get("activities"));
			long ran = 0;
			for (JsonNode activity : activities.get("activities")) {
				ran += (activity.get("count").asLong() > 0) ? 1 : 0;
			}
			if (ran > 0) {
				assertThat(((Number) heatmap.get("counts")).intValue()).as(key + " " + heatmap).isPositive();
				assertThat(heatmap.get("onShapes")).as(key + " " + heatmap).isEqualTo(true);
			}
			heatmapScreenshot("dashboard-heatmap-" + key);
		}
		assertFiguresEqualTheApi();
	}

}
