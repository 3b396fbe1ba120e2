package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.Jobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code qualify-lead} Camunda Form in a real headless Chromium against the real
 * Tasklist: a key-accounts rep claims the task of a big lead, sees the company, is
 * stopped by the form (nothing chosen, a negative budget) before anything reaches the
 * engine, and then qualifies the lead into an opportunity. Fields are found by their
 * labels, as a person finds them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "demo", "test" })
class SalesTasklistBrowserIT {

	static final By COMPLETE = By.xpath("//button[@ng-click='complete()']");

	static final By NOTIFICATION = By.cssSelector(".page-notifications .alert");

	static final String NEED = "CRM for 80 key account managers across 6 offices";

	static final By CLAIM = By.xpath("//button[@ng-click='claim()']");

	@LocalServerPort
	int port;

	@Autowired
	LeadManagement leads;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldRefuseBadAnswersInTheFormAndConvertTheLeadOnAGoodOne() {
		LeadView lead = this.leads
			.create(new LeadDraft("杭州大成软件有限公司", "王磊", "lei.wang@dacheng.example.cn", "+86 139 1111 2222",
					LeadSource.WEB, Region.SOUTH, Industry.SOFTWARE, 1200, false, null, null, null))
			.lead();
		String pid = lead.processInstanceId();
		Jobs.runDue(this.managementService, pid);
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskCandidateGroup("key-accounts")
			.singleResult();
		assertThat(task.getName()).isEqualTo("Qualify lead");

		this.browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		Browser.logIn(this.browser, this.wait, "zhang.min", "demo");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group tasks"));
		// the task link survives the login (the login page passes the #fragment on)
		assertThat(this.browser.getCurrentUrl()).contains("#/?task=" + task.getId());
		click(CLAIM);
		// the form is enabled, and Complete offered, once the task is the user's
		this.wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
		// the company is shown, not asked: a disabled field over a task-local variable
		this.wait.until(ExpectedConditions.attributeToBe(input("Company"), "value", "杭州大成软件有限公司"));
		assertThat(this.browser.findElement(input("Company")).isEnabled()).isFalse();
		assertThat(this.taskService.getVariableLocal(task.getId(), "companyName")).isEqualTo("杭州大成软件有限公司");

		// (1) nothing chosen
		click(COMPLETE);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(error("Outcome"), "Field is required"));
		// Tasklist 7.24 also reports a refused form as "An error happened while
		// submitting the task form", over the Complete button: the user closes it
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(NOTIFICATION, "submitting the task form"));
		Browser.screenshot(this.browser, "qualify-lead-refused-empty");
		click(By.xpath(
				"//div[contains(@class, 'page-notifications')]//button[@ng-click='removeNotification(notification)']"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(NOTIFICATION));
		assertStillInQualification(task, lead);

		// (2) qualified, everything answered but the budget negative. Texts come before
		// the budget: form-js 1.8.7 redraws the form once more 300 ms after it takes a
		// number, and that wipes text typed meanwhile into another field
		click(By.xpath("//label[normalize-space()='Qualified: prepare a quote']"));
		type(input("Need"), NEED);
		choose("Timeline", "Within 3 months");
		type(input("Budget (CNY)"), "-5");
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(error("Budget (CNY)"), "minimum value of 0"));
		this.wait.until(ExpectedConditions.not(ExpectedConditions.elementToBeClickable(COMPLETE)));
		Browser.screenshot(this.browser, "qualify-lead-refused-negative-budget");
		assertStillInQualification(task, lead);

		// (3) the budget corrected
		type(input("Budget (CNY)"), "300000");
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(error("Budget (CNY)")));
		this.wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
		assertThat(this.browser.findElement(input("Need")).getDomProperty("value")).isEqualTo(NEED);
		Browser.screenshot(this.browser, "qualify-lead-filled");
		click(COMPLETE);
		this.wait.until((driver) -> this.taskService.createTaskQuery().taskId(task.getId()).count() == 0);

		Jobs.runDue(this.managementService, pid);
		LeadView converted = this.leads.find(lead.id());
		assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
		assertThat(converted.need()).isEqualTo(NEED);
		assertThat(converted.timeline()).isEqualTo(Timeline.WITHIN_3_MONTHS);
		OpportunityView opportunity = this.opportunities.find(converted.opportunityId());
		assertThat(opportunity.amount()).isEqualByComparingTo(new BigDecimal("300000"));
	}

	void assertStillInQualification(Task task, LeadView lead) {
		assertThat(this.taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		assertThat(this.leads.find(lead.id()).status()).isEqualTo(LeadStatus.IN_QUALIFICATION);
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The form-js field (label, input, messages) whose label reads {@code label}. */
	static String field(String label) {
		return "//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][label[text()[normalize-space()='" + label
				+ "']]]";
	}

	/** The input of a field: form-js ties the label to it with {@code for}. */
	By input(String label) {
		String id = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(field(label) + "/label")))
			.getDomAttribute("for");
		return By.id(id);
	}

	static By error(String label) {
		return By.xpath(field(label) + "//div[contains(@class, 'fjs-form-field-error')]");
	}

	void click(By locator) {
		WebElement element = this.wait.until(ExpectedConditions.presenceOfElementLocated(locator));
		// a centred element is never under Tasklist's footer or its notifications
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	void type(By locator, String text) {
		click(locator);
		WebElement element = this.browser.findElement(locator);
		element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		element.sendKeys(text);
	}

	/** Picks an option of a form-js select, which is a list of its own, not a select. */
	void choose(String label, String option) {
		By display = By.xpath(field(label) + "//div[contains(@class, 'fjs-select-display')]");
		click(display);
		click(By.xpath(
				field(label) + "//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(display, option));
	}

}
