package io.reflow.crm.platform.backtest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Multipart;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' backtest page in a real headless Chromium on the sales demo history:
 * {@code analyst} logs in, chooses the draft {@code discount.dmn} with "STANDARD from
 * 100,000 CNY → 0.06", compares only {@code approvalLevel} and sees the count the API
 * gives for the same request (more than none), the breakdown with "SALES_MANAGER → NONE"
 * and examples, with no console errors and no sideways scrolling at 1366 px; a draft that
 * does not parse shows the parser's message. Screenshots go to
 * {@code target/screenshots/}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reflow.demo.seed-sales=true")
@ActiveProfiles({ "demo", "test" })
class BacktestBrowserIT {

	static final String PAGE = "/models/decisions/discount-approval/backtest";

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(60), new Dimension(1366, 900));

	@Test
	void shouldUploadADraftAndShowWhatWouldChange() throws IOException {
		Path draft = this.folder.resolve("discount.dmn");
		Files.write(draft, BacktestChecks.standardSixPercent());
		Path broken = this.folder.resolve("broken.dmn");
		Files.writeString(broken,
				BacktestChecks.original().replace("<decision id=\"discount\"", "<decision id=\"discount\"<"),
				StandardCharsets.UTF_8);

		this.session.driver().get("http://localhost:" + this.port + PAGE);
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("analyst", "demo");
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("backtest-form")));
		assertThat(this.session.driver().findElement(By.id("decision-name")).getText()).isEqualTo("Discount approval");

		this.session.driver().findElement(By.id("file")).sendKeys(draft.toString());
		for (WebElement output : this.session.driver().findElements(By.name("outputs"))) {
			if (!output.getAttribute("value").equals("approvalLevel") && output.isSelected()) {
				output.click();
			}
		}
		this.session.driver().findElement(By.id("run")).click();
		this.session.await()
			.until((driver) -> "loaded"
				.equals(this.session.driver().findElement(By.id("result")).getAttribute("data-state")));

		long shown = Long.parseLong(this.session.driver().findElement(By.id("changed")).getAttribute("data-value"));
		Multipart request = new Multipart().file("file", "discount.dmn", BacktestChecks.standardSixPercent())
			.field("outputs", "approvalLevel");
		HttpResponse<String> api = new Http(this.port).to("/api/decisions/discount-approval/backtest")
			.basic("analyst", "demo")
			.post(request.contentType(), request.body());
		assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
		long changed = ((Number) JsonPath.read(api.body(), "$.changed")).longValue();
		System.out.printf("Backtest page shows %d changed evaluations; the API %d%n", shown, changed);
		assertThat(shown).isEqualTo(changed).isPositive();
		List<String> transitions = this.session.driver()
			.findElements(By.cssSelector("#transitions tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(transitions).anySatisfy((row) -> assertThat(row).startsWith("SALES_MANAGER NONE"));
		assertThat(this.session.driver().findElements(By.cssSelector("#examples-table tbody tr"))).isNotEmpty();
		assertThat(this.session.driver().findElement(By.id("examples-table")).getText()).contains("opportunity-");
		assertThat(this.session.driver().findElement(By.id("headline")).getText()).contains(changed + " of ");
		assertThat(this.session.js().executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as("no horizontal scrolling at 1366 px")
			.isEqualTo(true);
		this.session.fullPageScreenshot("backtest-discount-six-percent");
		assertThat(consoleErrors()).isEmpty();

		// a broken draft: the parser's message, no result
		this.session.driver().findElement(By.id("file")).sendKeys(broken.toString());
		this.session.driver().findElement(By.id("run")).click();
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(this.session.driver().findElement(By.id("error")).getText())
			.contains("is not a valid DMN file: line");
		assertThat(this.session.driver().findElement(By.id("result")).isDisplayed()).isFalse();
		this.session.fullPageScreenshot("backtest-broken-draft");
		// the browser reports the refused request itself; nothing else went wrong
		assertThat(consoleErrors()).isNotEmpty().allSatisfy((message) -> assertThat(message).contains("status of 400"));
	}

	/**
	 * The console errors but the login page's missing favicon (it names none, so the
	 * browser asks for /favicon.ico).
	 */
	private List<String> consoleErrors() {
		return Browser.consoleErrors(this.session.driver())
			.stream()
			.filter((message) -> !message.contains("/favicon.ico"))
			.toList();
	}

}
