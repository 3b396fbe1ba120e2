package io.reflow.crm.support;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
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
import static io.reflow.crm.testsupport.TasklistForm.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code resolve-case} Camunda Form in a real headless Chromium against the real
 * Tasklist: a tier-1 agent claims the task of a new inquiry, sees its subject, is stopped
 * by the form (nothing answered) before anything reaches the engine, sees the Resolution
 * field go while a field visit is ticked, and then resolves the case. Fields are found by
 * their labels, as a person finds them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "demo", "test" })
class SupportTasklistBrowserIT {

	static final String SUBJECT = "Cannot export the monthly invoice list";

	static final String FIELD_VISIT = "A field visit is needed before this can be resolved";

	@LocalServerPort
	int port;

	@Autowired
	SupportManagement support;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(Duration.ofSeconds(30));

	final TasklistForm form = new TasklistForm(this.session);

	@Test
	void shouldRefuseAnEmptyAnswerHideTheResolutionForAVisitAndResolveTheCase() {
		String suffix = Long.toHexString(System.nanoTime());
		CustomerView customer = this.customers.create(new CustomerDraft("成都锦江文具有限公司" + suffix, "Software", Region.EAST,
				800, Tier.STANDARD, "sales-west", CustomerStatus.ACTIVE,
				List.of(new ContactDraft(null, "赵敏", "min.zhao@" + suffix + ".example.cn", null, "IT lead")), null));
		CaseView opened = this.support
			.open(new CaseDraft(customer.id(), customer.contacts().get(0).id(), CaseChannel.PHONE, CaseCategory.INQUIRY,
					CaseSeverity.NORMAL, SUBJECT, "The export button shows a spinner and nothing is downloaded", null))
			.serviceCase();
		String pid = opened.processInstanceId();
		Jobs.runDue(this.managementService, pid);
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskCandidateGroup("support-tier1")
			.singleResult();
		assertThat(task.getName()).isEqualTo("Resolve case");

		this.form.openAndClaim(this.port, task.getId(), "wu.qiang", "demo");
		// the subject is shown, not asked: a disabled field, read from the case when the
		// form is read and not stored on the task
		this.session.await().until(ExpectedConditions.attributeToBe(this.form.input("Subject"), "value", SUBJECT));
		assertThat(this.session.driver().findElement(this.form.input("Subject")).isEnabled()).isFalse();
		assertThat(this.formService.getTaskFormVariables(task.getId()).get("subject")).isEqualTo(SUBJECT);
		assertThat(this.taskService.getVariableLocal(task.getId(), "subject")).isNull();

		// (1) nothing answered
		this.form.click(COMPLETE);
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(error("Diagnosis"), "Field is required"));
		// Tasklist 7.24 also reports a refused form as "An error happened while
		// submitting the task form", over the Complete button: the user closes it
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(NOTIFICATION, "submitting the task form"));
		Browser.screenshot(this.session.driver(), "resolve-case-refused-empty");
		this.form.dismissNotification();
		assertThat(this.taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		// the claim was the first response
		CaseView claimed = this.support.find(opened.id());
		assertThat(claimed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(claimed.respondedBy()).isEqualTo("wu.qiang");

		// (2) a field visit needs no resolution yet: the field goes, and comes back
		By visit = By.xpath("//label[normalize-space()='" + FIELD_VISIT + "']");
		this.form.click(visit);
		this.session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(field("Resolution"))));
		this.form.click(visit);
		this.session.await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field("Resolution"))));

		// (3) answered
		this.form.type(this.form.input("Diagnosis"), "The export times out on lists longer than 5000 lines");
		this.form.type(this.form.input("Resolution"), "Exported the list in two halves by date and sent both files");
		this.session.await().until(ExpectedConditions.invisibilityOfElementLocated(error("Diagnosis")));
		this.session.await().until(ExpectedConditions.elementToBeClickable(COMPLETE));
		Browser.screenshot(this.session.driver(), "resolve-case-filled");
		this.form.click(COMPLETE);
		this.session.await().until((driver) -> this.taskService.createTaskQuery().taskId(task.getId()).count() == 0);

		Jobs.runDue(this.managementService, pid);
		CaseView resolved = this.support.find(opened.id());
		assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(resolved.diagnosis()).isEqualTo("The export times out on lists longer than 5000 lines");
		assertThat(resolved.resolution()).isEqualTo("Exported the list in two halves by date and sent both files");
	}

}
