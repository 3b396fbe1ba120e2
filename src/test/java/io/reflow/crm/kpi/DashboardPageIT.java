package io.reflow.crm.kpi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page itself, whatever the {@code /api/kpis} endpoints answer: it is
 * served to the dashboard groups only, linked from their home page, its vendored
 * libraries resolve, and in a real Chromium its script runs without errors, ending every
 * area either loaded or with a readable message (never blank), without sideways scrolling
 * at 1366 px. The figures themselves are checked by {@link DashboardBrowserIT}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class DashboardPageIT {

	static final List<String> ENDPOINTS = List.of("processes", "tasks", "activities", "diagram", "sales", "marketing",
			"service", "customers");

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"?#]+\\.(?:js|css))\"");

	@LocalServerPort
	int port;

	Http http;

	/** Started by the one test that needs a browser. */
	@RegisterExtension
	final BrowserSession session = BrowserSession.whenUsed(Duration.ofSeconds(45), new Dimension(1366, 768));

	@BeforeEach
	void http() {
		this.http = new Http(this.port);
	}

	@Test
	void shouldServeThePageAndItsVendoredLibrariesToManagers() {
		HttpResponse<String> page = this.http.to("/dashboard").basic("manager", "demo").get();

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		for (String endpoint : ENDPOINTS) {
			assertThat(page.body()).contains("data-endpoint=\"" + endpoint + "\"");
		}
		// the team filter lists the module groups
		assertThat(page.body()).contains("<option value=\"sales-north\">sales-north</option>")
			.contains("<option value=\"support-tier1\">support-tier1</option>");
		List<String> assets = assets(page.body());
		// the page names versioned WebJar paths (webjars-locator-lite); version-less ones
		// resolve too
		assertThat(assets).contains("/js/dashboard.js", "/css/dashboard.css")
			.anyMatch((asset) -> asset.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.min\\.js"))
			.anyMatch((asset) -> asset
				.matches("/webjars/bpmn-js/[0-9.]+/dist/bpmn-navigated-viewer\\.production\\.min\\.js"))
			.anyMatch((asset) -> asset.matches("/webjars/bpmn-js/[0-9.]+/dist/assets/diagram-js\\.css"));
		assets.addAll(List.of("/webjars/chart.js/dist/chart.umd.min.js",
				"/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js"));
		assertThat(page.body()).doesNotContain("http://", "https://cdn", "//cdn");
		for (String asset : assets) {
			HttpResponse<String> response = this.http.to(asset).basic("manager", "demo").get();
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.body()).as(asset).isNotBlank();
		}
	}

	@Test
	void shouldRefuseThePageToUsersOutsideTheDashboardGroups() {
		assertThat(this.http.to("/dashboard").basic("li.wei", "demo").get().statusCode()).isEqualTo(403);
		assertThat(this.http.to("/dashboard").basic("wu.qiang", "demo").get().statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = this.http.to("/dashboard").get();
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying((to) -> to.endsWith("/login"));
		// executives are a manager group too
		assertThat(this.http.to("/dashboard").basic("feng.kai", "demo").get().statusCode()).isEqualTo(200);
	}

	@Test
	void shouldLinkTheDashboardFromHomeForTheDashboardGroupsOnly() {
		assertThat(this.http.to("/").basic("manager", "demo").get().body()).contains("id=\"link-dashboard\"");
		assertThat(this.http.to("/").basic("feng.kai", "demo").get().body()).contains("id=\"link-dashboard\"");
		assertThat(this.http.to("/").basic("li.wei", "demo").get().body()).doesNotContain("link-dashboard");
	}

	@Test
	void shouldRunTheScriptAndShowEveryAreaLoadedOrWithAMessage() {
		WebDriver browser = this.session.driver();
		WebDriverWait wait = this.session.await();
		JavascriptExecutor js = this.session.js();
		browser.get("http://localhost:" + this.port + "/dashboard");
		wait.until(ExpectedConditions.urlContains("/login"));
		Browser.logIn(browser, wait, "manager", "demo");
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		wait.until((driver) -> Boolean.TRUE.equals(js.executeScript(DashboardBrowserIT.SETTLED)));
		Browser.screenshot(browser, "dashboard-page-manager");

		assertThat(js.executeScript("return typeof Chart === 'function' && typeof BpmnJS === 'function'"))
			.isEqualTo(true);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> blocks = (List<Map<String, Object>>) js.executeScript("""
				return [...document.querySelectorAll('[data-endpoint]')].map((b) => ({
				  endpoint: b.dataset.endpoint, state: b.dataset.state, source: b.dataset.source || '',
				  message: [...b.querySelectorAll('.area-error, .empty')].map((m) => m.textContent).join(' ') }))""");
		assertThat(blocks).extracting((block) -> block.get("endpoint")).containsExactlyInAnyOrderElementsOf(ENDPOINTS);
		List<String> failedSources = new ArrayList<>();
		for (Map<String, Object> block : blocks) {
			assertThat(block.get("state")).as(block.toString()).isIn("loaded", "error");
			if ("error".equals(block.get("state"))) {
				assertThat((String) block.get("message")).as(block.toString()).isNotBlank();
				failedSources.add((String) block.get("source"));
			}
		}
		assertThat(failedSources).allSatisfy((source) -> assertThat(source).satisfiesAnyOf(String::isEmpty,
				(text) -> assertThat(text).startsWith("/api/kpis/")));
		// the only console errors allowed are failed /api/kpis requests (before the
		// KPI endpoints exist)
		assertThat(consoleErrors(browser)).allSatisfy((message) -> assertThat(message).contains("/api/kpis/"));
		assertThat(js.executeScript(DashboardBrowserIT.FITS_WIDTH)).isEqualTo(true);
	}

	private static List<String> assets(String html) {
		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(html);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		return assets;
	}

	/**
	 * The browser console's errors but the favicon's 404 (the application has none, and
	 * Chromium asks for it on the login page).
	 */
	static List<String> consoleErrors(WebDriver browser) {
		return Browser.consoleErrorsButFavicon(browser);
	}

}
