package io.reflow.crm.marketing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.TasklistForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static io.reflow.crm.testsupport.TasklistForm.COMPLETE;
import static io.reflow.crm.testsupport.TasklistForm.field;
import static io.reflow.crm.testsupport.TasklistForm.selectDisplay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code plan-campaign} and {@code approve-budget} Camunda Forms of
 * {@code marketing-campaign} in a real headless Chromium against the real Tasklist. A
 * marketer opens the plan of a draft made over the API and finds it filled in (text,
 * number, checkbox, dates, chosen and empty selects), sees the plan go while "Cancel" is
 * chosen and come back with her edits, changes the objective, adds SMS and submits. A
 * marketing director sees the campaign as disabled fields, is sent back by the server
 * when rejecting without a comment, and approves; the campaign then runs with the edited
 * plan and the audience the empty tier select left open. Fields are found by their
 * labels, as a person finds them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "demo", "test" })
class MarketingTasklistBrowserIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String NAME = "East spring launch";

	static final String OBJECTIVE = "Win East customers for the new CRM";

	static final String NEW_OBJECTIVE = "Book 20 demos of the new CRM with large East companies by the end of the month";

	/** How the form-js 1.8.7 date picker shows a date (seen: 12/7/2026). */
	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M/d/yyyy");

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	/**
	 * Tall enough for a whole form in Tasklist's pane, so each screenshot shows all of
	 * it.
	 */
	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(30), new Dimension(1400, 2800));

	final TasklistForm form = new TasklistForm(this.session);

	@Test
	void shouldPlanTheDraftInTasklistAndApproveItsBudgetAfterARejectionWithoutComment() {
		// the audience: large East companies of industry Other (no demo customer has it),
		// a standard and a key one, so that the tier left open reaches both
		this.customers.create(new CustomerDraft("杭州浏览器测试甲有限公司", "Other", Region.EAST, 300, Tier.STANDARD, null,
				CustomerStatus.ACTIVE, List.of(contact("孙一", "yi.sun@browser-a.example.cn", "+86 139 0000 0001"),
						contact("孙二", "er.sun@browser-a.example.cn", null)),
				null));
		this.customers
			.create(new CustomerDraft("杭州浏览器测试乙有限公司", "Other", Region.EAST, 600, Tier.KEY, null, CustomerStatus.ACTIVE,
					List.of(contact("孙三", "san.sun@browser-b.example.cn", "+86 139 0000 0003")), null));
		LocalDate today = LocalDate.now(ZONE);
		HttpResponse<String> created = as("liu.yang", "/api/campaigns").postJson("""
				{"name":"%s","objective":"%s","channels":["EMAIL"],"budget":80000,
				 "audience":{"region":"EAST","industry":"OTHER","sizeBand":"LARGE"},
				 "startDate":"%s","endDate":"%s","expectedResponseRate":10}
				""".formatted(NAME, OBJECTIVE, today, today.plusDays(14)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		String pid = JsonPath.read(created.body(), "$.processInstanceId");

		// (1) the planner finds her draft in the plan form
		Task plan = onlyTask(pid, "Plan campaign");
		this.form.openAndClaim(this.port, plan.getId(), "liu.yang", "demo");
		this.session.await().until(ExpectedConditions.attributeToBe(this.form.input("Campaign name"), "value", NAME));
		this.session.await().until(ExpectedConditions.attributeToBe(this.form.input("Objective"), "value", OBJECTIVE));
		this.session.await().until(ExpectedConditions.attributeToBe(this.form.input("Budget (CNY)"), "value", "80000"));
		assertThat(this.session.driver().findElement(this.form.input("Email")).isSelected()).isTrue();
		assertThat(this.session.driver().findElement(this.form.input("SMS")).isSelected()).isFalse();
		assertThat(this.session.driver().findElement(this.form.dateInput("Start date")).getDomProperty("value"))
			.isEqualTo(today.format(SHOWN));
		assertThat(this.session.driver().findElement(this.form.dateInput("End date")).getDomProperty("value"))
			.isEqualTo(today.plusDays(14).format(SHOWN));
		assertThat(this.session.driver().findElement(selectDisplay("Region")).getText()).isEqualTo("East");
		assertThat(this.session.driver().findElement(selectDisplay("Industry")).getText()).isEqualTo("Other");
		assertThat(this.session.driver().findElement(selectDisplay("Customer tier")).getText()).isEqualTo("Select");
		assertThat(this.session.driver().findElement(selectDisplay("Company size")).getText())
			.isEqualTo("Large: 250–999 employees");
		// nothing came back yet, so there is no feedback to show
		assertThat(this.session.driver().findElements(By.xpath(field("Your plan came back")))).isEmpty();
		Browser.screenshot(this.session.driver(), "plan-campaign-prefilled");

		// (2) edited, then "Cancel" chosen: the plan goes and the reason is asked
		this.form.type(this.form.input("Objective"), NEW_OBJECTIVE);
		this.form.tick("SMS", true);
		this.form.pick("Cancel the campaign");
		this.session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(field("Campaign name"))));
		this.session.await()
			.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field("Reason for cancelling"))));
		Browser.screenshot(this.session.driver(), "plan-campaign-cancel-chosen");

		// (3) "Submit" chosen again: the plan is back with the edits
		this.form.pick("Submit for budget approval");
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field("Campaign name"))));
		this.session.await()
			.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(field("Reason for cancelling"))));
		assertThat(this.session.driver().findElement(this.form.input("Objective")).getDomProperty("value"))
			.isEqualTo(NEW_OBJECTIVE);
		assertThat(this.session.driver().findElement(this.form.input("SMS")).isSelected()).isTrue();
		this.session.await().until(ExpectedConditions.elementToBeClickable(COMPLETE));
		Browser.screenshot(this.session.driver(), "plan-campaign-filled");
		this.form.click(COMPLETE);
		this.session.await().until((driver) -> this.taskService.createTaskQuery().taskId(plan.getId()).count() == 0);
		Jobs.runDue(this.managementService, pid);
		assertThat(campaign(id)).containsEntry("status", "PENDING_APPROVAL");

		// (4) 80,000 CNY: a marketing director sees the campaign, not as inputs
		Task approval = onlyTask(pid, "Approve budget");
		assertThat(this.taskService.createTaskQuery()
			.taskId(approval.getId())
			.taskCandidateGroup("marketing-directors")
			.count()).isEqualTo(1);
		this.session.restart();
		this.form.openAndClaim(this.port, approval.getId(), "qian.yi", "demo");
		assertShown("Campaign", NAME);
		assertShown("Objective", NEW_OBJECTIVE);
		assertShown("Budget (CNY)", "80000");
		assertShown("Channels", "EMAIL, SMS");
		assertShown("Audience", "region EAST, industry Other, 250–999 employees");
		assertShown("Period", today + " – " + today.plusDays(14));
		assertShown("Planned by", "liu.yang");
		assertThat(this.session.driver().findElements(By.xpath(field("Your previous decision was not accepted"))))
			.isEmpty();
		Browser.screenshot(this.session.driver(), "approve-budget");

		// (5) rejected without a comment: the form lets it through, the server sends the
		// task back with the reason
		this.form.pick("Reject: send the plan back to marketing");
		this.form.click(COMPLETE);
		this.session.await()
			.until((driver) -> this.taskService.createTaskQuery().taskId(approval.getId()).count() == 0);
		Task again = onlyTask(pid, "Approve budget");
		assertThat(again.getId()).isNotEqualTo(approval.getId());
		assertThat(campaign(id)).containsEntry("status", "PENDING_APPROVAL").containsEntry("approvedBy", null);
		this.session.driver().get(url("/camunda/app/tasklist/default/#/?task=" + again.getId()));
		this.form.claim();
		this.session.await()
			.until(ExpectedConditions.attributeContains(this.form.input("Your previous decision was not accepted"),
					"value", "Say why the budget is rejected"));
		// the decision of the refused round is not offered again
		assertThat(this.session.driver().findElements(By.xpath(field("Decision") + "//input[@type='radio']")))
			.hasSize(2)
			.noneMatch((radio) -> radio.isSelected());
		Browser.screenshot(this.session.driver(), "approve-budget-sent-back");

		// (6) approved: the audience is selected and, the start date being today, the
		// campaign runs
		this.form.pick("Approve the budget");
		this.form.click(COMPLETE);
		this.session.await().until((driver) -> this.taskService.createTaskQuery().taskId(again.getId()).count() == 0);
		Jobs.runDue(this.managementService, pid);
		Map<String, Object> running = campaign(id);
		assertThat(running).containsEntry("status", "RUNNING")
			.containsEntry("objective", NEW_OBJECTIVE)
			.containsEntry("approvedBy", "qian.yi")
			.containsEntry("approverGroup", "marketing-directors")
			.containsEntry("startDate", today.toString())
			.containsEntry("endDate", today.plusDays(14).toString())
			// both customers: the tier left empty in the form means any tier
			.containsEntry("memberCount", 3);
		assertThat((List<String>) running.get("channels")).containsExactlyInAnyOrder("EMAIL", "SMS");
		assertThat(((Number) running.get("budget")).doubleValue()).isEqualTo(80_000.0);
		assertThat((Map<String, Object>) running.get("audience")).containsEntry("region", "EAST")
			.containsEntry("industry", "OTHER")
			.containsEntry("tier", null)
			.containsEntry("sizeBand", "LARGE");
	}

	/** A value shown, not asked: a disabled field. */
	void assertShown(String label, String value) {
		By input = this.form.input(label);
		this.session.await().until(ExpectedConditions.attributeToBe(input, "value", value));
		assertThat(this.session.driver().findElement(input).isEnabled()).as(label + " is disabled").isFalse();
	}

	Task onlyTask(String pid, String name) {
		Task task = this.taskService.createTaskQuery().processInstanceId(pid).singleResult();
		assertThat(task).as("an open task").isNotNull();
		assertThat(task.getName()).isEqualTo(name);
		return task;
	}

	Map<String, Object> campaign(long id) {
		HttpResponse<String> response = as("liu.yang", "/api/campaigns/" + id).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	static ContactDraft contact(String name, String email, String phone) {
		return new ContactDraft(null, name, email, phone, "Buyer");
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
