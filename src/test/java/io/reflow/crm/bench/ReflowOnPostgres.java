package io.reflow.crm.bench;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.sales.LeadDraft;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.LeadSource;
import io.reflow.crm.sales.OpportunityManagement;
import io.reflow.crm.sales.OpportunityStage;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reflow as configured (demo users, job executor off: the drivers run the jobs, as the
 * bare engine's driver does) on a database of {@link BenchPostgres}. The benchmarks that
 * extend it share one Spring context. Two drivers take one case from lead to order: the
 * Java API (the modules' {@code *Management} services and the engine's
 * {@code TaskService}, as our controllers call them) and the REST API over loopback HTTP
 * as the demo users ({@code /api/leads}, {@code /engine-rest/task/.../complete} as
 * Tasklist, {@code /api/opportunities/{id}/customer-response}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test", "postgres" })
abstract class ReflowOnPostgres {

	static final String DATABASE_PREFIX = "reflow_bench";

	static String reflowDatabase;

	@LocalServerPort
	int port;

	@Autowired
	LeadManagement leads;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	private final ThreadLocal<Http> http = ThreadLocal.withInitial(() -> new Http(this.port));

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			String url = BenchPostgres.newDatabase(DATABASE_PREFIX);
			reflowDatabase = BenchPostgres.databaseOf(url);
			return url;
		});
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	static LeadDraft lead(long number) {
		return new LeadDraft("南京基准" + number + "软件有限公司", "李娜", "na.li@bench-" + number + ".example.cn",
				"+86 139 0000 0000", LeadSource.WEB, Region.NORTH, Industry.SOFTWARE, 300, true, null, null, null);
	}

	/** The same case as {@link BareSalesEngine#runCase}, through Reflow's Java API. */
	void javaCase(long number) {
		LeadManagement.LeadCreation creation = this.leads.create(lead(number));
		long leadId = creation.lead().id();
		String lead = creation.lead().processInstanceId();
		Jobs.runDue(this.managementService, lead);
		this.taskService.complete(onlyTask(lead, "Task_QualifyLead").getId(), BareSalesEngine.qualified());
		Jobs.runDue(this.managementService, lead);
		long opportunityId = this.leads.find(leadId).opportunityId();
		String opportunity = this.opportunities.find(opportunityId).processInstanceId();
		this.taskService.complete(onlyTask(opportunity, "Task_PrepareQuote").getId(), BareSalesEngine.quote());
		Jobs.runDue(this.managementService, opportunity);
		this.taskService.complete(onlyTask(opportunity, "Task_ApproveDiscount").getId(),
				Map.of("approvalDecision", "APPROVE"));
		Jobs.runDue(this.managementService, opportunity);
		this.opportunities.respond(opportunityId, true, null);
		Jobs.runDue(this.managementService, opportunity);
		if (this.opportunities.find(opportunityId).stage() != OpportunityStage.WON) {
			throw new IllegalStateException("case " + number + " did not end with an order");
		}
	}

	private Task onlyTask(String processInstanceId, String key) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(key)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("no " + key + " in " + processInstanceId);
		}
		return task;
	}

	/**
	 * The same case through our REST API and the engine's, as the demo users: liu.yang
	 * posts the lead, li.wei (sales-north) qualifies and quotes, wang.fang
	 * (sales-managers) approves, li.wei records the customer's acceptance. Jobs run as in
	 * the Java driver.
	 */
	void restCase(long number) {
		HttpResponse<String> created = call("liu.yang", "/api/leads").postJson("""
				{"companyName":"南京基准%d软件有限公司","contactName":"李娜","email":"na.li@bench-%d.example.cn",
				 "phone":"+86 139 0000 0000","source":"WEB","region":"NORTH","industry":"SOFTWARE",
				 "companySize":300,"budgetConfirmed":true}
				""".formatted(number, number));
		expect(created, 201);
		long leadId = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		String lead = JsonPath.read(created.body(), "$.processInstanceId");
		Jobs.runDue(this.managementService, lead);
		complete("li.wei", lead,
				"""
						{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":200000.0,"type":"Double"},
						 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 50 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}
						""");
		Jobs.runDue(this.managementService, lead);
		HttpResponse<String> leadView = expect(call("li.wei", "/api/leads/" + leadId).get(), 200);
		long opportunityId = ((Number) JsonPath.read(leadView.body(), "$.opportunityId")).longValue();
		HttpResponse<String> opportunityView = expect(call("li.wei", "/api/opportunities/" + opportunityId).get(), 200);
		String opportunity = JsonPath.read(opportunityView.body(), "$.processInstanceId");
		complete("li.wei", opportunity, """
				{"quoteAmount":{"value":80000.0,"type":"Double"},"requestedDiscount":{"value":0.05,"type":"Double"},
				 "expectedCloseDate":{"value":"%s"},"quoteNote":{"value":"Incl. onboarding"}}
				""".formatted(LocalDate.now().plusDays(30)));
		Jobs.runDue(this.managementService, opportunity);
		complete("wang.fang", opportunity, "{\"approvalDecision\":{\"value\":\"APPROVE\"}}");
		Jobs.runDue(this.managementService, opportunity);
		expect(call("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":true}"), 202);
		Jobs.runDue(this.managementService, opportunity);
		HttpResponse<String> won = expect(call("li.wei", "/api/opportunities/" + opportunityId).get(), 200);
		if (!"WON".equals(JsonPath.read(won.body(), "$.stage"))) {
			throw new IllegalStateException("case " + number + " did not end with an order: " + won.body());
		}
	}

	/** Completes the one task {@code user} sees in the instance, as Tasklist does. */
	private void complete(String user, String processInstanceId, String variables) {
		HttpResponse<String> tasks = expect(
				call(user, "/engine-rest/task?processInstanceId=" + processInstanceId).get(), 200);
		List<String> ids = JsonPath.read(tasks.body(), "$[*].id");
		if (ids.size() != 1) {
			throw new IllegalStateException(user + " sees " + ids.size() + " tasks: " + tasks.body());
		}
		expect(call(user, "/engine-rest/task/" + ids.get(0) + "/complete")
			.postJson("{\"variables\":" + variables + "}"), 204);
	}

	private Http.Call call(String user, String path) {
		return this.http.get().to(path).basic(user, "demo");
	}

	private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"expected " + status + ": " + response.statusCode() + " " + response.body());
		}
		return response;
	}

}
