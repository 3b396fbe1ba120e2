package io.reflow.crm.customer.web;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.reflow.crm.support.SupportManagement;
import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.TasklistForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer pages in a real headless Chromium as support agent {@code wu.qiang}, on a
 * customer named {@code <script>alert(1)</script>} with a history in every module: the
 * search finds it, its 360 view renders every section without console errors, no script
 * of the name runs, the page fits a 1366 px laptop screen, and its task link opens the
 * task in Tasklist. Screenshots go to {@code target/screenshots/} (on failure too).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CustomerPagesBrowserIT {

	static final String SCRIPT = "<script>alert(1)</script>";

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	SupportManagement support;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(30), new Dimension(1366, 900));

	@Test
	void shouldFindAScriptNamedCustomerShowItsSectionsAsTextAndOpenItsTaskInTasklist() {
		CustomerStory story = new CustomerStory(this.port, this.managementService).customer(SCRIPT, SCRIPT, "王五")
			.sales()
			.service("Invoice list shows twice");
		story.campaign("Browser webinar " + System.nanoTime(), story.contactEmail(0), story.contactEmail(1));
		Task resolve = this.taskService.createTaskQuery()
			.processInstanceId(this.support.find(story.openCaseId).processInstanceId())
			.singleResult();
		try {
			run(story, resolve);
		}
		catch (RuntimeException | AssertionError ex) {
			Browser.screenshot(this.session.driver(), "customer-pages-failure");
			throw ex;
		}
	}

	private void run(CustomerStory story, Task resolve) {
		this.session.driver().get(url("/customers"));
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn("wu.qiang", "demo");
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-search")));
		// the login page's messages (such as its missing favicon) are not under test
		Browser.consoleErrors(this.session.driver());

		// (1) search the list
		this.session.driver().findElement(By.id("name")).sendKeys("script");
		this.session.driver().findElement(By.id("search-submit")).click();
		this.session.await().until(ExpectedConditions.textToBe(By.id("result-count"), "1 customer"));
		WebElement link = this.session.driver().findElement(By.cssSelector("a.customer-link"));
		assertThat(link.getText()).isEqualTo(SCRIPT);
		assertNoAlert();
		assertFitsTheScreen();
		Browser.screenshot(this.session.driver(), "customer-list");

		// (2) the 360 view
		link.click();
		this.session.await().until(ExpectedConditions.textToBe(By.id("company-name"), SCRIPT));
		assertNoAlert();
		assertThat(this.session.driver().getTitle()).isEqualTo("Reflow CRM · " + SCRIPT);
		for (String section : List.of("profile", "contacts", "tasks", "sales", "cases", "campaigns", "timeline")) {
			assertThat(this.session.driver().findElement(By.id(section)).isDisplayed()).as(section).isTrue();
		}
		assertThat(text("revenue")).isEqualTo("100,000.00 CNY");
		assertThat(text("profile-tier")).isEqualTo("STANDARD");
		assertThat(this.session.driver().findElements(By.cssSelector("#contacts .contact-row"))).hasSize(4);
		assertThat(text("contacts")).contains(SCRIPT, "Opted out");
		assertThat(text("opportunities")).contains("NEGOTIATION");
		assertThat(text("quotes")).contains("SENT", "80,000.00 CNY");
		assertThat(text("orders")).contains("100,000.00 CNY");
		assertThat(text("open-cases")).contains(story.openCaseNumber, "Response due");
		assertThat(text("closed-cases")).contains(story.closedCaseNumber, "SLA met");
		assertThat(text("campaigns")).contains("Browser webinar", SCRIPT + ": OPENED", "王五: UNSUBSCRIBED");
		assertThat(this.session.driver().findElements(By.cssSelector("#timeline .timeline-row"))).isNotEmpty();
		// a support agent reads the sales history but has no control to change it
		assertThat(
				this.session.driver().findElements(By.cssSelector("main form, main input, main select, main textarea")))
			.isEmpty();
		assertFitsTheScreen();
		Browser.screenshot(this.session.driver(), "customer-360");
		assertThat(Browser.consoleErrors(this.session.driver())).as("console errors").isEmpty();
		// the whole page, at the laptop's width, for a person to look at
		this.session.driver().manage().window().setSize(new Dimension(1366, 3200));
		Browser.screenshot(this.session.driver(), "customer-360-full");
		this.session.driver().manage().window().setSize(new Dimension(1366, 900));

		// (3) its only task for wu.qiang opens in Tasklist
		List<WebElement> tasks = this.session.driver().findElements(By.cssSelector("#tasks a.task-link"));
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0).getText()).isEqualTo("Resolve case");
		tasks.get(0).click();
		this.session.await().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
		this.session.await().until(ExpectedConditions.elementToBeClickable(TasklistForm.CLAIM));
		assertThat(this.session.driver().getCurrentUrl()).contains("task=" + resolve.getId());
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Resolve case"));
		Browser.screenshot(this.session.driver(), "customer-360-task-in-tasklist");
	}

	private String text(String id) {
		return this.session.driver().findElement(By.id(id)).getText();
	}

	private void assertNoAlert() {
		assertThatThrownBy(() -> this.session.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}

	/** Nothing is wider than the window: no sideways scrolling. */
	private void assertFitsTheScreen() {
		Number overflow = (Number) this.session.js()
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
