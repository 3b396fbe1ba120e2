package io.reflow.crm.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;

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

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(45));

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void shouldLogIntoTasklistOnceAndMoveToOurPagesAndBack() {
		this.session.driver().get(url("/camunda/app/tasklist/default/"));
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("wu.qiang", "demo");

		this.session.await().until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
		// Tasklist shows the user's name and the shared filters only when it is logged in
		this.session.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Qiang Wu"));
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group tasks"));
		Browser.screenshot(this.session.driver(), "tasklist-wu.qiang");
		assertThat(this.session.driver().findElement(By.tagName("body")).getText()).doesNotContain("Username");

		this.session.driver().get(url("/"));
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(this.session.driver().findElement(By.id("current-user")).getText()).isEqualTo("Qiang Wu");
		assertThat(this.session.driver().findElement(By.id("groups")).getText()).contains("support-tier1");
		Browser.screenshot(this.session.driver(), "home-wu.qiang");

		this.session.driver().get(url("/"));
		this.session.await().until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
		this.session.driver().get(url("/camunda/app/tasklist/default/"));
		this.session.await().until(ExpectedConditions.urlContains("/login"));
	}

	@Test
	void shouldRefuseWrongPasswordOnTheLoginPage() {
		this.session.driver().get(url("/"));
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		// another user: Camunda delays the next login of a user after a failed one
		this.session.logIn("xu.jun", "wrong");
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(this.session.driver().getCurrentUrl()).contains("/login?error");
	}

}
