package io.reflow.crm.sales;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.sales.process.LeadQualificationProcess;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.TaskRest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales flows end to end over real HTTP as the demo users: leads through
 * {@code /api/leads}, tasks through Camunda's REST API (as Tasklist uses it), quotes,
 * approvals, the PDF, customer answers and the forecast. Jobs are driven by the test (the
 * job executor is off). One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class SalesApiChecks {

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	CustomerManagement customers;

	@Autowired
	LeadManagement leads;

	@Autowired
	OrderManagement orders;

	@Autowired
	QuoteManagement quoteManagement;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	TaskRest tasks() {
		return new TaskRest(this.port);
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	static String lead(String source, int size, boolean budget, String industry, String region, String extra) {
		return """
				{"companyName":"南京测试%s有限公司","contactName":"李娜","email":"na.li@%s.example.cn","phone":"+86 139 0000 0000",
				 "source":"%s","region":"%s","industry":"%s","companySize":%d,"budgetConfirmed":%s%s}
				"""
			.formatted(source, Long.toHexString(System.nanoTime()), source, region, industry, size, budget, extra);
	}

	/** Posts a lead and runs its scoring and assignment; returns the lead id. */
	long postLead(String json) {
		HttpResponse<String> created = as("liu.yang", "/api/leads").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(created.body(), "$.status")).isEqualTo("NEW");
		runJobs(JsonPath.read(created.body(), "$.processInstanceId"));
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	/** Executes the instance's due jobs (async steps) as the job executor would. */
	void runJobs(String processInstanceId) {
		Jobs.runDue(this.managementService, processInstanceId);
	}

	Map<String, Object> leadOf(long id) {
		HttpResponse<String> response = as("li.wei", "/api/leads/" + id).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	Map<String, Object> opportunityOf(long id) {
		HttpResponse<String> response = as("wang.fang", "/api/opportunities/" + id).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	/** The instance's open tasks as {@code user} sees them in Camunda's REST API. */
	List<Map<String, Object>> tasksOf(String user, String processInstanceId) {
		return tasks().tasksOf(user, processInstanceId);
	}

	String onlyTask(String user, String processInstanceId, String name) {
		return tasks().onlyTask(user, processInstanceId, name);
	}

	HttpResponse<String> complete(String user, String taskId, String variables) {
		return tasks().complete(user, taskId, variables);
	}

	void completed(String user, String taskId, String variables) {
		tasks().completed(user, taskId, variables);
	}

	static String qualified(double budget) {
		return """
				{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":%s,"type":"Double"},
				 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 50 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}
				"""
			.formatted(budget);
	}

	static String quote(double amount, double discount) {
		return """
				{"quoteAmount":{"value":%s,"type":"Double"},"requestedDiscount":{"value":%s,"type":"Double"},
				 "expectedCloseDate":{"value":"%s"},"quoteNote":{"value":"Incl. onboarding"}}
				""".formatted(amount, discount, LocalDate.now().plusDays(30));
	}

	/**
	 * A lead for an existing customer, qualified by the north team: returns the
	 * opportunity id.
	 */
	long opportunityFor(Long customerId) {
		String extra = (customerId != null) ? ",\"customerId\":" + customerId : "";
		long leadId = postLead(lead("WEB", 300, true, "SOFTWARE", "NORTH", extra));
		String pid = (String) leadOf(leadId).get("processInstanceId");
		completed("li.wei", onlyTask("li.wei", pid, "Qualify lead"), qualified(200_000));
		runJobs(pid);
		Map<String, Object> lead = leadOf(leadId);
		assertThat(lead).containsEntry("status", "CONVERTED");
		return ((Number) lead.get("opportunityId")).longValue();
	}

	String processOf(long opportunityId) {
		return (String) opportunityOf(opportunityId).get("processInstanceId");
	}

	@Test
	void shouldRouteABigCompanyToTheKeyAccountsTasklistOfZhangMin() {
		long id = postLead(lead("WEB", 1200, false, "SOFTWARE", "SOUTH", ""));

		Map<String, Object> lead = leadOf(id);
		assertThat(lead).containsEntry("status", "IN_QUALIFICATION")
			.containsEntry("assigneeGroup", "key-accounts")
			.containsEntry("score", 45)
			.containsEntry("firstContactDue", "P1D");
		String pid = (String) lead.get("processInstanceId");
		List<Map<String, Object>> tasks = tasksOf("zhang.min", pid);
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0)).containsEntry("name", "Qualify lead").containsKey("due");
		assertThat(tasks.get(0).get("due")).isNotNull();
		assertThat(tasksOf("li.wei", pid)).isEmpty();
		// what the qualify-lead form shows comes from the lead, as task-local variables
		HttpResponse<String> form = as("zhang.min", "/engine-rest/task/" + tasks.get(0).get("id") + "/form-variables")
			.get();
		assertThat((String) JsonPath.read(form.body(), "$.companyName.value")).startsWith("南京测试WEB");
		assertThat((Integer) JsonPath.read(form.body(), "$.leadScore.value")).isEqualTo(45);
		assertThat(this.runtimeService.getVariable(pid, "companyName")).isNull();
	}

	@Test
	void shouldEndALowScoreLeadInNurturingWithoutASalesTask() {
		long id = postLead(lead("COLD_CALL", 10, false, "OTHER", "WEST", ""));

		Map<String, Object> lead = leadOf(id);
		assertThat(lead).containsEntry("status", "NURTURING").containsEntry("assigneeGroup", "marketing-nurture");
		assertThat(this.taskService.createTaskQuery().processInstanceId((String) lead.get("processInstanceId")).count())
			.isZero();
	}

	@Test
	void shouldReturnTheFirstLeadForARepeatedExternalRefAndStartNothing() {
		String ref = "web-form-" + System.nanoTime();
		String json = lead("WEB", 120, false, "RETAIL", "EAST", ",\"externalRef\":\"" + ref + "\"");
		HttpResponse<String> first = as("liu.yang", "/api/leads").postJson(json);
		HttpResponse<String> second = as("liu.yang", "/api/leads").postJson(json);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		Object id = JsonPath.read(first.body(), "$.id");
		assertThat((Object) JsonPath.read(second.body(), "$.id")).isEqualTo(id);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(LeadQualificationProcess.businessKey(((Number) id).longValue()))
			.count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseInvalidLeadsWithProblemDetailsAndStoreNothing() {
		long before = this.leads.count();
		String noSize = lead("WEB", 1, false, "RETAIL", "EAST", "").replace("\"companySize\":1,", "");
		assertProblem(as("liu.yang", "/api/leads").postJson(noSize), 400, "companySize");
		assertProblem(as("liu.yang", "/api/leads").postJson(lead("TV", 10, false, "RETAIL", "EAST", "")), 400,
				"source");
		assertProblem(as("liu.yang", "/api/leads")
			.postJson(lead("WEB", 10, false, "RETAIL", "EAST", ",\"customerId\":987654")), 400, "customerId");
		assertProblem(as("liu.yang", "/api/leads").postJson(lead("WEB", -5, false, "RETAIL", "EAST", "")), 400,
				"companySize");
		assertThat(this.leads.count()).isEqualTo(before);
		HttpResponse<String> missing = as("li.wei", "/api/leads/987654").get();
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	static void assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains(field);
	}

	@Test
	void shouldLetANorthRepQualifyALeadIntoAnOpportunityOnTheCustomerTimeline() {
		long leadId = postLead(lead("WEB", 300, true, "SOFTWARE", "NORTH", ""));
		Map<String, Object> lead = leadOf(leadId);
		assertThat(lead).containsEntry("assigneeGroup", "sales-north").containsEntry("score", 60);
		String pid = (String) lead.get("processInstanceId");
		String taskId = onlyTask("li.wei", pid, "Qualify lead");

		// incomplete answers through the REST API: the task comes back with the reason
		completed("li.wei", taskId, "{\"qualificationOutcome\":{\"value\":\"QUALIFIED\"}}");
		String again = onlyTask("li.wei", pid, "Qualify lead");
		assertThat(again).isNotEqualTo(taskId);
		assertThat((String) this.runtimeService.getVariable(pid, "qualificationFeedback")).contains("budget");
		assertThat(leadOf(leadId)).containsEntry("status", "IN_QUALIFICATION");

		completed("li.wei", again, qualified(200_000));
		runJobs(pid);

		lead = leadOf(leadId);
		assertThat(lead).containsEntry("status", "CONVERTED").containsEntry("timeline", "WITHIN_3_MONTHS");
		long opportunityId = ((Number) lead.get("opportunityId")).longValue();
		Map<String, Object> opportunity = opportunityOf(opportunityId);
		assertThat(opportunity).containsEntry("stage", "QUALIFICATION").containsEntry("ownerGroup", "sales-north");
		assertThat(((Number) opportunity.get("amount")).doubleValue()).isEqualTo(200_000.0);
		long customerId = ((Number) lead.get("customerId")).longValue();
		assertThat(this.customers.find(customerId).status()).isEqualTo(CustomerStatus.PROSPECT);
		HttpResponse<String> timeline = as("li.wei", "/api/customers/" + customerId + "/interactions").get();
		List<String> types = JsonPath.read(timeline.body(), "$.content[*].type");
		assertThat(types).contains("LEAD_CREATED", "LEAD_SCORED", "LEAD_ASSIGNED", "LEAD_QUALIFIED", "LEAD_CONVERTED",
				"OPPORTUNITY_OPENED");
		List<String> qualifiedBy = JsonPath.read(timeline.body(), "$.content[?(@.type == 'LEAD_QUALIFIED')].actor");
		assertThat(qualifiedBy).containsExactly("li.wei");
		assertThat(tasksOf("li.wei", processOf(opportunityId))).extracting((task) -> task.get("name"))
			.containsExactly("Prepare quote");
	}

	@Test
	void shouldFastTrackAHotLeadIntoAnOpportunityWithoutBudgetThatCanBeQuoted() {
		// 30 + 20 + 25 + 15 = 90: lead-fast-track skips Qualify lead
		long leadId = postLead(lead("REFERRAL", 500, true, "FINANCE", "NORTH", ""));
		Map<String, Object> lead = leadOf(leadId);
		assertThat(lead).containsEntry("score", 90)
			.containsEntry("status", "CONVERTED")
			.containsEntry("assigneeGroup", "key-accounts")
			.containsEntry("timeline", "WITHIN_3_MONTHS")
			.containsEntry("authorityConfirmed", false)
			.containsEntry("budgetAmount", null);
		assertThat((String) lead.get("need")).startsWith("Fast track: lead score 90");
		String pid = (String) lead.get("processInstanceId");
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(pid)
			.activityId(LeadQualificationProcess.Elements.END_EVENT_LEAD_FAST_TRACKED)
			.count()).isEqualTo(1);
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(pid)
			.activityId(LeadQualificationProcess.Elements.TASK_QUALIFY_LEAD)
			.count()).isZero();
		long opportunityId = ((Number) lead.get("opportunityId")).longValue();
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(pid)
			.variableName(LeadQualificationProcess.Variables.OPPORTUNITY_ID)
			.singleResult()
			.getValue()).isEqualTo(opportunityId);
		Map<String, Object> opportunity = opportunityOf(opportunityId);
		assertThat(opportunity).containsEntry("stage", "QUALIFICATION")
			.containsEntry("ownerGroup", "key-accounts")
			.containsEntry("amount", null)
			.containsEntry("weightedAmount", null);
		long customerId = ((Number) leadOf(leadId).get("customerId")).longValue();
		List<String> types = JsonPath
			.read(as("zhang.min", "/api/customers/" + customerId + "/interactions").get().body(), "$.content[*].type");
		assertThat(types).contains("LEAD_FAST_TRACKED", "LEAD_CONVERTED", "OPPORTUNITY_OPENED")
			.doesNotContain("LEAD_QUALIFIED");

		// the rep's first call: Prepare quote, whose form shows no expected value yet
		String opportunityProcess = processOf(opportunityId);
		String prepare = onlyTask("zhang.min", opportunityProcess, "Prepare quote");
		HttpResponse<String> form = as("zhang.min", "/engine-rest/task/" + prepare + "/form-variables").get();
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
		completed("zhang.min", prepare, quote(150_000, 0));
		runJobs(opportunityProcess);

		Map<String, Object> proposed = opportunityOf(opportunityId);
		assertThat(proposed.get("stage")).isIn("PROPOSAL", "NEGOTIATION");
		assertThat(((Number) proposed.get("amount")).doubleValue()).isPositive();
	}

	@Test
	void shouldKeepSalesTasksAndDataFromSupportAgents() {
		// 30 + 30 + 15 = 75: key accounts by size, below the fast track
		long leadId = postLead(lead("REFERRAL", 1200, false, "FINANCE", "EAST", ""));
		String pid = (String) leadOf(leadId).get("processInstanceId");
		String taskId = onlyTask("zhang.min", pid, "Qualify lead");

		assertThat(tasksOf("wu.qiang", pid)).isEmpty();
		assertThat(as("wu.qiang", "/engine-rest/task/" + taskId).get().statusCode()).isIn(403, 404);
		assertThat(complete("wu.qiang", taskId, qualified(1)).statusCode()).isIn(403, 404);
		assertThat(as("wu.qiang", "/api/leads/" + leadId).get().statusCode()).isEqualTo(403);
		assertThat(as("wu.qiang", "/api/opportunities").get().statusCode()).isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(leadOf(leadId)).containsEntry("status", "IN_QUALIFICATION");
	}

	@Test
	void shouldEscalateAnOverdueLeadToSalesManagersAndKeepItWithTheTeam() {
		long leadId = postLead(lead("EVENT", 100, false, "MANUFACTURING", "SOUTH", ""));
		String pid = (String) leadOf(leadId).get("processInstanceId");
		onlyTask("chen.yu", pid, "Qualify lead");
		assertThat(tasksOf("wang.fang", pid)).isEmpty();

		Job timer = this.managementService.createJobQuery()
			.processInstanceId(pid)
			.activityId(LeadQualificationProcess.Elements.BOUNDARY_EVENT_FIRST_CONTACT_OVERDUE)
			.singleResult();
		this.managementService.executeJob(timer.getId());

		onlyTask("wang.fang", pid, "Qualify lead");
		onlyTask("chen.yu", pid, "Qualify lead");
		assertThat(leadOf(leadId).get("escalatedAt")).isNotNull();
	}

	@Test
	void shouldSendAnEighteenPercentStandardQuoteToTheDirectorAndPlaceOneOrderForTwoAcceptances() throws Exception {
		long customerId = this.customers
			.create(new CustomerDraft("苏州标准电子有限公司", "Electronics", Region.NORTH, 400, Tier.STANDARD, "sales-north",
					CustomerStatus.ACTIVE,
					List.of(new io.reflow.crm.customer.ContactDraft(null, "周强", "qiang.zhou@suzhou-std.example.cn",
							null, "Buyer")),
					null))
			.id();
		long opportunityId = opportunityFor(customerId);
		String pid = processOf(opportunityId);

		completed("li.wei", onlyTask("li.wei", pid, "Prepare quote"), quote(150_000, 0.18));
		runJobs(pid);

		assertThat(tasksOf("wang.fang", pid)).isEmpty();
		String approval = onlyTask("sun.hao", pid, "Approve discount");
		Map<String, Object> proposed = opportunityOf(opportunityId);
		assertThat(proposed).containsEntry("stage", "PROPOSAL");
		assertThat((String) JsonPath.read(proposed, "$.quotes[0].approvalLevel")).isEqualTo("SALES_DIRECTOR");
		// a day without decision: the directors are reminded once, also when the step
		// runs
		// again (a job whose lock expired)
		long quoteId = ((Number) JsonPath.read(proposed, "$.quotes[0].id")).longValue();
		Job overdue = this.managementService.createJobQuery()
			.processInstanceId(pid)
			.activityId(OpportunityToOrderProcess.Elements.BOUNDARY_EVENT_APPROVAL_OVERDUE)
			.singleResult();
		this.managementService.executeJob(overdue.getId());
		runJobs(pid);
		this.quoteManagement.remindApprover(quoteId, "sales-directors");
		assertThat(this.jdbc.queryForObject("select count(*) from crm_sales_mail where mail_key = ?", Long.class,
				"approval-reminder-" + quoteId))
			.isEqualTo(1);
		approval = onlyTask("sun.hao", pid, "Approve discount");
		completed("sun.hao", approval, "{\"approvalDecision\":{\"value\":\"APPROVE\"}}");
		runJobs(pid);

		Map<String, Object> sent = opportunityOf(opportunityId);
		assertThat(sent).containsEntry("stage", "NEGOTIATION").containsEntry("awaitingCustomer", true);
		assertThat((String) JsonPath.read(sent, "$.quotes[0].decidedBy")).isEqualTo("sun.hao");
		String documentUrl = JsonPath.read(sent, "$.quotes[0].documentUrl");
		HttpResponse<byte[]> pdf = as("wang.fang", documentUrl).getBytes();
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Q-" + opportunityId + "-1", "Total as quoted ¥150,000.00", "-¥27,000.00",
					"¥123,000.00");
		}

		HttpResponse<String> accepted = as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":true}");
		HttpResponse<String> twice = as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":true}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
		runJobs(pid);
		HttpResponse<String> afterWin = as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":true}");
		assertThat(afterWin.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(afterWin.body(), "$.detail")).contains("already won");

		Map<String, Object> won = opportunityOf(opportunityId);
		assertThat(won).containsEntry("stage", "WON");
		assertThat(((Number) JsonPath.read(won, "$.order.amount")).doubleValue()).isEqualTo(123_000.0);
		assertThat(this.orders.countForOpportunity(opportunityId)).isEqualTo(1);
		assertThat(this.customers.find(customerId).status()).isEqualTo(CustomerStatus.ACTIVE);
	}

	@Test
	void shouldReworkRejectedQuotesUntilTheCustomerDeclines() {
		long opportunityId = opportunityFor(null);
		String pid = processOf(opportunityId);

		completed("li.wei", onlyTask("li.wei", pid, "Prepare quote"), quote(80_000, 0.35));
		runJobs(pid);
		String rework = onlyTask("li.wei", pid, "Prepare quote");
		assertThat((String) this.runtimeService.getVariable(pid, "quoteFeedback")).contains("35%");

		completed("li.wei", rework, quote(80_000, 0.05));
		runJobs(pid);
		completed("wang.fang", onlyTask("wang.fang", pid, "Approve discount"),
				"{\"approvalDecision\":{\"value\":\"REJECT\"},\"approvalComment\":{\"value\":\"New customer: 3% at most\"}}");
		assertThat((String) this.runtimeService.getVariable(pid, "quoteFeedback")).contains("3% at most");

		// a discount above 100% never reaches the rules: the rep sees why
		completed("li.wei", onlyTask("li.wei", pid, "Prepare quote"), quote(80_000, 1.5));
		assertThat((String) this.runtimeService.getVariable(pid, "quoteFeedback")).contains("fraction from 0 to 1");

		completed("li.wei", onlyTask("li.wei", pid, "Prepare quote"), quote(80_000, 0.03));
		runJobs(pid);
		Map<String, Object> sent = opportunityOf(opportunityId);
		assertThat(sent).containsEntry("stage", "NEGOTIATION").containsEntry("reworkCount", 2);
		assertThat((List<String>) JsonPath.read(sent, "$.quotes[*].status")).containsExactly("REJECTED", "REJECTED",
				"SENT");

		HttpResponse<String> declined = as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":false,\"reason\":\"Chose a competitor\"}");
		assertThat(declined.statusCode()).as(declined.body()).isEqualTo(202);
		runJobs(pid);
		assertThat(opportunityOf(opportunityId)).containsEntry("stage", "LOST")
			.containsEntry("lossReason", "Chose a competitor");
	}

	@Test
	void shouldRefuseACustomerResponseBeforeTheQuoteIsSent() {
		long opportunityId = opportunityFor(null);
		HttpResponse<String> early = as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":true}");
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(early.body(), "$.detail")).contains("not waiting");
		assertProblem(as("li.wei", "/api/opportunities/" + opportunityId + "/customer-response").postJson("{}"), 400,
				"accepted");
	}

	@Test
	void shouldDocumentTheSalesApiInOpenApi() {
		HttpResponse<String> response = as("wang.fang", "/v3/api-docs").get();
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(response.body(), "$.paths");
		assertThat(paths).containsKeys("/api/leads", "/api/leads/{id}", "/api/opportunities", "/api/opportunities/{id}",
				"/api/opportunities/{id}/customer-response", "/api/opportunities/{id}/quotes/{quoteId}/document",
				"/api/forecast");
	}

	@Test
	void shouldForecastThePipelineByMonthAndGroup() {
		opportunityFor(null);
		HttpResponse<String> response = as("wang.fang", "/api/forecast?months=6").get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(response.body(), "$.months[*].month")).hasSize(6)
			.startsWith(YearMonth.now().toString());
		List<String> groups = JsonPath.read(response.body(), "$.byGroup[*].group");
		assertThat(groups).contains("sales-north");
		// a qualified lead expects to buy within 3 months: 200,000 CNY at 10% in
		// QUALIFICATION
		double weighted = ((Number) JsonPath.read(response.body(), "$.total.weighted")).doubleValue();
		assertThat(weighted).isGreaterThanOrEqualTo(20_000.0);
		assertProblem(as("wang.fang", "/api/forecast?months=0").get(), 400, "months");
	}

}
