package io.reflow.crm.reliability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.sales.LeadDraft;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.LeadSource;
import io.reflow.crm.sales.OpportunityManagement;
import io.reflow.crm.sales.SalesMail;
import io.reflow.crm.sales.SalesMailer;
import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step slower than the job executor's lock time: {@code Task_SendQuote} (async, renders
 * the PDF and mails it to the customer) with a mail port that takes 9 s while jobs are
 * locked for 4 s. The job executor acquires the job again while the first run is still
 * busy and runs the step a second time; the first run then fails on the job's optimistic
 * lock and rolls back. The mail must still go out exactly once per quote (the idempotency
 * key {@code quote-sent-<id>} in {@code crm_sales_mail}), with one document, one
 * {@code QUOTE_SENT} timeline entry and the quote sent. Real job executor, PostgreSQL.
 * <p>
 * Short form: 1 quote; full form ({@code -Preliability}): 4 quotes at once.
 */
@DirtiesContext
@SpringBootTest(
		properties = { "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.lock-time-in-millis=4000",
				"camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=300" })
@ActiveProfiles({ "demo", "test", "postgres" })
class SlowDelegateIT {

	private static final boolean FULL = "full".equals(System.getProperty("reflow.reliability.scale", "short"));

	private static final int QUOTES = FULL ? 4 : 1;

	static final long SLOW_MAIL_MILLIS = 9000;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_slow");
	}

	@TestConfiguration
	static class SlowMail {

		static final List<SalesMail> SENT = new CopyOnWriteArrayList<>();

		static final AtomicInteger SEND_QUOTE_RUNS = new AtomicInteger();

		/** The mail port, more than twice the job lock time, for quotes. */
		@Bean
		@Primary
		SalesMailer slowMailer() {
			return (mail) -> {
				SENT.add(mail);
				if (mail.subject().startsWith("Quotation")) {
					try {
						Thread.sleep(SLOW_MAIL_MILLIS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			};
		}

		/** Counts the runs of {@code Task_SendQuote}'s delegate. */
		@Bean
		static BeanPostProcessor countSendQuoteRuns() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if ("sendQuoteDelegate".equals(name) && bean instanceof JavaDelegate delegate) {
						return (JavaDelegate) (execution) -> {
							SEND_QUOTE_RUNS.incrementAndGet();
							delegate.execute(execution);
						};
					}
					return bean;
				}
			};
		}

	}

	@Autowired
	LeadManagement leads;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService managementService;

	@Test
	void shouldSendTheQuoteOnceWhenSendingTakesLongerThanTheJobLock() throws Exception {
		long[] opportunityIds = new long[QUOTES];
		for (int i = 0; i < QUOTES; i++) {
			opportunityIds[i] = qualifiedOpportunity("slow-" + i + "-" + System.nanoTime());
		}
		for (long opportunityId : opportunityIds) {
			String process = this.opportunities.find(opportunityId).processInstanceId();
			Task prepare = awaitTask(process, "Prepare quote");
			this.taskService.complete(prepare.getId(), Map.of("quoteAmount", 100_000.0, "requestedDiscount", 0.0,
					"expectedCloseDate", LocalDate.now().plusDays(30).toString(), "quoteNote", "slow mail"));
		}
		for (long opportunityId : opportunityIds) {
			await("quote of opportunity " + opportunityId + " sent",
					() -> this.opportunities.find(opportunityId).awaitingCustomer());
		}
		// the step's job is gone once one run has committed; wait for the runs still busy
		await("no Task_SendQuote job left",
				() -> this.managementService.createJobQuery().activityId("Task_SendQuote").count() == 0);
		Thread.sleep(SLOW_MAIL_MILLIS + 1000); // a run still sleeping in the mail port
												// ends

		long quotationMails = SlowMail.SENT.stream().filter((mail) -> mail.subject().startsWith("Quotation")).count();
		System.out.printf("SlowDelegateIT (%s): %d quotes, Task_SendQuote ran %d times, %d quotation mails sent%n",
				FULL ? "full" : "short", QUOTES, SlowMail.SEND_QUOTE_RUNS.get(), quotationMails);
		assertThat(SlowMail.SEND_QUOTE_RUNS.get()).as("the slow step ran again after its lock expired")
			.isGreaterThan(QUOTES);
		assertThat(quotationMails).as("one mail per quote").isEqualTo(QUOTES);
		for (long opportunityId : opportunityIds) {
			long quoteId = this.opportunities.find(opportunityId).quotes().get(0).id();
			assertThat(this.jdbc.queryForObject("select count(*) from crm_quote_document where quote_id = ?",
					Long.class, quoteId))
				.isEqualTo(1);
			assertThat(this.jdbc.queryForObject("select count(*) from crm_sales_mail where mail_key = ?", Long.class,
					"quote-sent-" + quoteId))
				.isEqualTo(1);
			assertThat(this.jdbc.queryForObject(
					"select count(*) from crm_interaction where opportunity_id = ? and type = 'QUOTE_SENT'", Long.class,
					opportunityId))
				.as("one QUOTE_SENT on the timeline")
				.isEqualTo(1);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).isZero();
	}

	private long qualifiedOpportunity(String ref) throws Exception {
		var lead = this.leads
			.create(new LeadDraft("慢速测试 " + ref, "李娜", "na.li@slow.example.cn", null, LeadSource.WEB, Region.NORTH,
					Industry.SOFTWARE, 300, true, null, null, ref))
			.lead();
		Task qualify = awaitTask(lead.processInstanceId(), "Qualify lead");
		this.taskService.complete(qualify.getId(), Map.of("qualificationOutcome", "QUALIFIED", "budgetAmount",
				200_000.0, "authorityConfirmed", true, "need", "CRM", "timeline", "WITHIN_3_MONTHS"));
		await("lead " + lead.id() + " converted", () -> this.leads.find(lead.id()).opportunityId() != null);
		return this.leads.find(lead.id()).opportunityId();
	}

	private Task awaitTask(String processInstanceId, String name) throws Exception {
		Task[] found = new Task[1];
		await(name + " in " + processInstanceId, () -> {
			found[0] = this.taskService.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskName(name)
				.singleResult();
			return found[0] != null;
		});
		return found[0];
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(what + " not reached in 60 s");
	}

}
