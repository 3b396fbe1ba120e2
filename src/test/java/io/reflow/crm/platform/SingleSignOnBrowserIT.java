package io.reflow.crm.platform;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.reflow.crm.testsupport.Browser;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One login in a real headless Chromium serves our pages and the Camunda webapps: a
 * support agent logs in on our login page, lands in Tasklist logged in, sees the shared
 * filters, goes to the home page, and logs out of both at once.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "demo", "test" })
class SingleSignOnBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(45));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void logIn(String user, String password) {
		Browser.logIn(this.browser, this.wait, user, password);
	}

	@Test
	void shouldLogIntoTasklistOnceAndMoveToOurPagesAndBack() {
		this.browser.get(url("/camunda/app/tasklist/default/"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		logIn("wu.qiang", "demo");

		this.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
		// Tasklist shows the user's name and the shared filters only when it is logged in
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Qiang Wu"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group tasks"));
		Browser.screenshot(this.browser, "tasklist-wu.qiang");
		assertThat(this.browser.findElement(By.tagName("body")).getText()).doesNotContain("Username");

		this.browser.get(url("/"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(this.browser.findElement(By.id("current-user")).getText()).isEqualTo("Qiang Wu");
		assertThat(this.browser.findElement(By.id("groups")).getText()).contains("support-tier1");
		Browser.screenshot(this.browser, "home-wu.qiang");

		this.browser.get(url("/"));
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
		this.browser.get(url("/camunda/app/tasklist/default/"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
	}

	@Test
	void shouldRefuseWrongPasswordOnTheLoginPage() {
		this.browser.get(url("/"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		// another user: Camunda delays the next login of a user after a failed one
		logIn("xu.jun", "wrong");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(this.browser.getCurrentUrl()).contains("/login?error");
	}

}
