package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Duration;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.testsupport.Browser;
import io.reflow.crm.testsupport.BrowserSession;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.TasklistForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static io.reflow.crm.testsupport.TasklistForm.COMPLETE;
import static io.reflow.crm.testsupport.TasklistForm.NOTIFICATION;
import static io.reflow.crm.testsupport.TasklistForm.error;
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

	static final String NEED = "CRM for 80 key account managers across 6 offices";

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

	@Autowired
	FormService formService;

	@Autowired
	HistoryService historyService;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(30));

	final TasklistForm form = new TasklistForm(this.session);

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

		this.form.openAndClaim(this.port, task.getId(), "zhang.min", "demo");
		// the company is shown, not asked: a disabled field, read from the lead when the
		// form is read and not stored on the task
		this.session.await().until(ExpectedConditions.attributeToBe(this.form.input("Company"), "value", "杭州大成软件有限公司"));
		assertThat(this.session.driver().findElement(this.form.input("Company")).isEnabled()).isFalse();
		assertThat(this.formService.getTaskFormVariables(task.getId()).get("companyName")).isEqualTo("杭州大成软件有限公司");
		assertThat(this.taskService.getVariableLocal(task.getId(), "companyName")).isNull();

		// (1) nothing chosen
		this.form.click(COMPLETE);
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(error("Outcome"), "Field is required"));
		// Tasklist 7.24 also reports a refused form as "An error happened while
		// submitting the task form", over the Complete button: the user closes it
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(NOTIFICATION, "submitting the task form"));
		Browser.screenshot(this.session.driver(), "qualify-lead-refused-empty");
		this.form.dismissNotification();
		assertStillInQualification(task, lead);

		// (2) qualified, everything answered but the budget negative. Texts come before
		// the budget: form-js 1.8.7 redraws the form once more 300 ms after it takes a
		// number, and that wipes text typed meanwhile into another field
		this.form.click(By.xpath("//label[normalize-space()='Qualified: prepare a quote']"));
		this.form.type(this.form.input("Need"), NEED);
		this.form.choose("Timeline", "Within 3 months");
		this.form.type(this.form.input("Budget (CNY)"), "-5");
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(error("Budget (CNY)"), "minimum value of 0"));
		this.session.await().until(ExpectedConditions.not(ExpectedConditions.elementToBeClickable(COMPLETE)));
		Browser.screenshot(this.session.driver(), "qualify-lead-refused-negative-budget");
		assertStillInQualification(task, lead);

		// (3) the budget corrected
		this.form.type(this.form.input("Budget (CNY)"), "300000");
		this.session.await().until(ExpectedConditions.invisibilityOfElementLocated(error("Budget (CNY)")));
		this.session.await().until(ExpectedConditions.elementToBeClickable(COMPLETE));
		assertThat(this.session.driver().findElement(this.form.input("Need")).getDomProperty("value")).isEqualTo(NEED);
		Browser.screenshot(this.session.driver(), "qualify-lead-filled");
		this.form.click(COMPLETE);
		this.session.await().until((driver) -> this.taskService.createTaskQuery().taskId(task.getId()).count() == 0);

		// the shown fields are disabled, so Tasklist did not submit them: no copy of the
		// company went into the process
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(pid)
			.variableName("companyName")
			.count()).isZero();
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

}
