package io.reflow.crm.reliability;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.PostgresServer;
import io.reflow.crm.testsupport.TaskRest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clients do the same thing to the same opportunity at the same moment, round after
 * round, on PostgreSQL over real HTTP: both complete the same {@code Approve discount}
 * task (a double click, two tabs), then both post the customer's acceptance of the sent
 * quote. Each time exactly one wins; the other gets 409 problem details; the approval is
 * recorded once and there is one order at most.
 * <p>
 * Short form by default ({@code reflow.reliability.scale=short}), the full form with
 * {@code mvn -Preliability}. The {@code test} profile turns the job executor off; the
 * test runs the async steps between the races as the job executor would.
 */
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "postgres" })
class ConcurrentCompletionIT {

	static final boolean FULL = "full".equals(System.getProperty("reflow.reliability.scale", "short"));

	static final int ROUNDS = Integer.getInteger("reflow.reliability.completion.rounds", FULL ? 300 : 20);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_completion");
	}

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcTemplate jdbc;

	ExecutorService clients;

	long customerId;

	@BeforeAll
	void setUp() {
		this.clients = Executors.newFixedThreadPool(2);
		this.customerId = this.customers
			.create(new CustomerDraft("苏州并发电子有限公司", "Electronics", Region.NORTH, 400, Tier.STANDARD, "sales-north",
					CustomerStatus.ACTIVE,
					List.of(new ContactDraft(null, "周强", "qiang.zhou@suzhou-race.example.cn", null, "Buyer")), null))
			.id();
	}

	@AfterAll
	void tearDown() {
		this.clients.shutdownNow();
	}

	@Test
	void shouldLetExactlyOneOfTwoSimultaneousApprovalsAndAcceptancesWinAndActOnce() throws Exception {
		int approvalConflicts = 0;
		int acceptanceConflicts = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long opportunityId = opportunity();
			String pid = processOf(opportunityId);
			tasks().completed("li.wei", tasks().onlyTask("li.wei", pid, "Prepare quote"), """
					{"quoteAmount":{"value":150000,"type":"Double"},"requestedDiscount":{"value":0.18,"type":"Double"},
					 "expectedCloseDate":{"value":"%s"},"quoteNote":{"value":"Race round %d"}}
					""".formatted(LocalDate.now().plusDays(30), round));
			Jobs.runDue(this.managementService, pid);

			// 1. the approver completes the approval twice at the same moment
			String approval = tasks().onlyTask("sun.hao", pid, "Approve discount");
			List<HttpResponse<String>> approvals = race(() -> tasks().complete("sun.hao", approval,
					"{\"approvalDecision\":{\"value\":\"APPROVE\"},\"approvalComment\":{\"value\":\"ok\"}}"));
			assertOneWinner("round " + round + " approval", approvals, 204);
			approvalConflicts++;
			assertThat(timeline(opportunityId, "DISCOUNT_APPROVED")).as("round %d: approvals recorded", round)
				.isEqualTo(1);
			Jobs.runDue(this.managementService, pid);
			Map<String, Object> sent = opportunityOf(opportunityId);
			assertThat(sent).as("round %d", round)
				.containsEntry("stage", "NEGOTIATION")
				.containsEntry("awaitingCustomer", true);
			assertThat((List<?>) JsonPath.read(sent, "$.quotes")).as("round %d: quotes", round).hasSize(1);

			// 2. two clients post the customer's acceptance at the same moment
			List<HttpResponse<String>> acceptances = race(
					() -> as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
						.postJson("{\"accepted\":true}"));
			assertOneWinner("round " + round + " acceptance", acceptances, 202);
			acceptanceConflicts++;
			Jobs.runDue(this.managementService, pid);
			Map<String, Object> won = opportunityOf(opportunityId);
			assertThat(won).as("round %d", round).containsEntry("stage", "WON");
			assertThat(orders(opportunityId)).as("round %d: orders", round).isEqualTo(1);
			assertThat(timeline(opportunityId, "QUOTE_ACCEPTED")).as("round %d: acceptances recorded", round)
				.isEqualTo(1);
			assertThat(timeline(opportunityId, "OPPORTUNITY_WON")).as("round %d", round).isEqualTo(1);
			assertThat(this.managementService.createJobQuery().processInstanceId(pid).count())
				.as("round %d: nothing left to run", round)
				.isZero();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).isZero();
		System.out.printf("[ConcurrentCompletionIT] %d rounds: %d approval races and %d acceptance races, one winner "
				+ "and one 409 each%n", ROUNDS, approvalConflicts, acceptanceConflicts);
	}

	/** Runs the same request from two clients released at the same moment. */
	List<HttpResponse<String>> race(Callable<HttpResponse<String>> request) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int client = 0; client < 2; client++) {
			answers.add(this.clients.submit(() -> {
				together.await();
				return request.call();
			}));
		}
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : answers) {
			responses.add(answer.get(1, TimeUnit.MINUTES));
		}
		return responses;
	}

	static void assertOneWinner(String what, List<HttpResponse<String>> answers, int success) {
		assertThat(answers).as(what + ": winners " + answers.stream().map(HttpResponse::body).toList())
			.filteredOn((answer) -> answer.statusCode() == success)
			.hasSize(1);
		HttpResponse<String> loser = answers.stream()
			.filter((answer) -> answer.statusCode() != success)
			.findFirst()
			.orElseThrow();
		assertThat(loser.statusCode()).as(what + ": " + loser.body()).isEqualTo(409);
		assertThat(loser.headers().firstValue("Content-Type")).as(what)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	long opportunity() {
		HttpResponse<String> created = as("liu.yang", "/api/leads").postJson(
				"""
						{"companyName":"南京并发测试有限公司","contactName":"李娜","email":"na.li@%s.example.cn","phone":"+86 139 0000 0000",
						 "source":"WEB","region":"NORTH","industry":"SOFTWARE","companySize":300,"budgetConfirmed":true,
						 "customerId":%d}
						"""
					.formatted(Long.toHexString(System.nanoTime()), this.customerId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String leadProcess = JsonPath.read(created.body(), "$.processInstanceId");
		long leadId = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		Jobs.runDue(this.managementService, leadProcess);
		tasks().completed("li.wei", tasks().onlyTask("li.wei", leadProcess, "Qualify lead"),
				"""
						{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":200000,"type":"Double"},
						 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 50 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}
						""");
		Jobs.runDue(this.managementService, leadProcess);
		HttpResponse<String> lead = as("li.wei", "/api/leads/" + leadId).get();
		assertThat((String) JsonPath.read(lead.body(), "$.status")).isEqualTo("CONVERTED");
		return ((Number) JsonPath.read(lead.body(), "$.opportunityId")).longValue();
	}

	String processOf(long opportunityId) {
		return (String) opportunityOf(opportunityId).get("processInstanceId");
	}

	Map<String, Object> opportunityOf(long id) {
		HttpResponse<String> response = as("wang.fang", "/api/opportunities/" + id).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	long timeline(long opportunityId, String type) {
		return this.jdbc.queryForObject("select count(*) from crm_interaction where opportunity_id = ? and type = ?",
				Long.class, opportunityId, type);
	}

	long orders(long opportunityId) {
		return this.jdbc.queryForObject("select count(*) from crm_sales_order where opportunity_id = ?", Long.class,
				opportunityId);
	}

	TaskRest tasks() {
		return new TaskRest(this.port);
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

}
