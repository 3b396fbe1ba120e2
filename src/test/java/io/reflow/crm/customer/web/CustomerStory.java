package io.reflow.crm.customer.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;

import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.TaskRest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer with a history in every module, made the way users make it: through the REST
 * APIs and Camunda's REST API as the demo users, with the test driving the jobs. The
 * customer matches the audience of the campaign it builds (East, industry Other, tier
 * STANDARD, 300 employees).
 */
final class CustomerStory {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final int port;

	private final ManagementService managementService;

	long customerId;

	long firstContactId;

	/** Won: its order is the customer's revenue (100,000 CNY). */
	long wonOpportunityId;

	/** In negotiation with a sent quote of 80,000 CNY net. */
	long openOpportunityId;

	long openLeadId;

	long openCaseId;

	String openCaseNumber;

	long closedCaseId;

	String closedCaseNumber;

	long campaignId;

	String campaignName;

	CustomerStory(int port, ManagementService managementService) {
		this.port = port;
		this.managementService = managementService;
	}

	TaskRest tasks() {
		return new TaskRest(this.port);
	}

	Http.Call as(String user, String path) {
		return tasks().as(user, path);
	}

	/** The customer and two contacts; the second unsubscribes from the campaign. */
	CustomerStory customer(String companyName, String firstContact, String secondContact) {
		String suffix = Long.toHexString(System.nanoTime());
		String json = """
				{"companyName":%s,"industry":"Other","region":"EAST","employeeCount":300,"tier":"STANDARD",
				 "ownerGroup":"sales-east","status":"ACTIVE","contacts":[
				 {"name":%s,"email":"first@%s.example.cn","phone":"+86 138 0000 0001","role":"CIO"},
				 {"name":%s,"email":"second@%s.example.cn","role":"Buyer"}]}
				""".formatted(quoted(companyName), quoted(firstContact), suffix, quoted(secondContact), suffix);
		HttpResponse<String> created = as("li.wei", "/api/customers").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.customerId = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		this.firstContactId = ((Number) JsonPath.read(created.body(), "$.contacts[0].id")).longValue();
		return this;
	}

	/**
	 * Three leads of the customer: one won (order), one in negotiation (sent quote), one
	 * still in qualification.
	 */
	CustomerStory sales() {
		this.wonOpportunityId = qualifiedOpportunity();
		String won = processOf(this.wonOpportunityId);
		completed("li.wei", onlyTask("li.wei", won, "Prepare quote"), quote(100_000, 0));
		Jobs.runDue(this.managementService, won);
		HttpResponse<String> accepted = as("li.wei",
				"/api/opportunities/" + this.wonOpportunityId + "/customer-response")
			.postJson("{\"accepted\":true}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		Jobs.runDue(this.managementService, won);

		this.openOpportunityId = qualifiedOpportunity();
		String open = processOf(this.openOpportunityId);
		completed("li.wei", onlyTask("li.wei", open, "Prepare quote"), quote(80_000, 0));
		Jobs.runDue(this.managementService, open);

		this.openLeadId = postLead();
		return this;
	}

	/**
	 * An open inquiry (a Resolve case task for support-tier1) and a case resolved and
	 * confirmed by the customer.
	 */
	CustomerStory service(String openSubject) {
		Map<String, Object> open = openCase(openSubject);
		this.openCaseId = ((Number) open.get("id")).longValue();
		this.openCaseNumber = (String) open.get("number");

		Map<String, Object> closed = openCase("Printer driver missing");
		this.closedCaseId = ((Number) closed.get("id")).longValue();
		this.closedCaseNumber = (String) closed.get("number");
		String pid = (String) closed.get("processInstanceId");
		String taskId = onlyTask("wu.qiang", pid, "Resolve case");
		assertThat(as("wu.qiang", "/engine-rest/task/" + taskId + "/claim").postJson("{\"userId\":\"wu.qiang\"}")
			.statusCode()).isEqualTo(204);
		completed("wu.qiang", taskId, """
				{"fieldVisitNeeded":{"value":false},"diagnosis":{"value":"Driver not installed"},
				 "resolution":{"value":"Installed the driver"}}""");
		Jobs.runDue(this.managementService, pid);
		HttpResponse<String> feedback = as("wu.qiang", "/api/cases/" + this.closedCaseId + "/feedback")
			.postJson("{\"resolved\":true,\"csat\":5}");
		assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
		return this;
	}

	/**
	 * An approved e-mail campaign for the customer's audience; the first contact opens
	 * it, the second unsubscribes.
	 */
	CustomerStory campaign(String name, String firstEmail, String secondEmail) {
		LocalDate today = LocalDate.now(ZONE);
		String json = """
				{"name":%s,"objective":"Invite East customers","channels":["EMAIL"],"budget":40000,
				 "audience":{"region":"EAST","industry":"OTHER","tier":"STANDARD","sizeBand":"LARGE"},
				 "startDate":"%s","endDate":"%s","expectedResponseRate":10}
				""".formatted(quoted(name), today, today.plusDays(14));
		HttpResponse<String> created = as("liu.yang", "/api/campaigns").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.campaignId = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		this.campaignName = name;
		String pid = JsonPath.read(created.body(), "$.processInstanceId");
		completed("liu.yang", onlyTask("liu.yang", pid, "Plan campaign"), "{\"planDecision\":{\"value\":\"SUBMIT\"}}");
		Jobs.runDue(this.managementService, pid);
		completed("zhou.xin", onlyTask("zhou.xin", pid, "Approve budget"),
				"{\"budgetDecision\":{\"value\":\"APPROVE\"}}");
		Jobs.runDue(this.managementService, pid);
		respond("{\"email\":\"" + firstEmail + "\",\"type\":\"OPENED\"}");
		respond("{\"email\":\"" + secondEmail + "\",\"type\":\"UNSUBSCRIBED\"}");
		Jobs.runDue(this.managementService, pid);
		return this;
	}

	String contactEmail(int index) {
		HttpResponse<String> customer = as("li.wei", "/api/customers/" + this.customerId).get();
		return JsonPath.read(customer.body(), "$.contacts[" + index + "].email");
	}

	private void respond(String json) {
		HttpResponse<String> response = as("liu.yang", "/api/campaigns/" + this.campaignId + "/responses")
			.postJson(json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private Map<String, Object> openCase(String subject) {
		String json = """
				{"customerId":%d,"contactId":%d,"channel":"PHONE","category":"INQUIRY","severity":"NORMAL",
				 "subject":%s,"description":"Asked by phone"}
				""".formatted(this.customerId, this.firstContactId, quoted(subject));
		HttpResponse<String> response = as("wu.qiang", "/api/cases").postJson(json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Map<String, Object> opened = JsonPath.read(response.body(), "$");
		Jobs.runDue(this.managementService, (String) opened.get("processInstanceId"));
		return opened;
	}

	private long postLead() {
		String json = """
				{"companyName":"ignored for a known customer","contactName":"李娜","email":"na.li@%s.example.cn",
				 "source":"WEB","region":"NORTH","industry":"SOFTWARE","companySize":300,"budgetConfirmed":true,
				 "customerId":%d}
				""".formatted(Long.toHexString(System.nanoTime()), this.customerId);
		HttpResponse<String> created = as("liu.yang", "/api/leads").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Jobs.runDue(this.managementService, JsonPath.read(created.body(), "$.processInstanceId"));
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	/** A lead of the customer qualified by the north team: returns its opportunity. */
	private long qualifiedOpportunity() {
		long leadId = postLead();
		String pid = JsonPath.read(as("li.wei", "/api/leads/" + leadId).get().body(), "$.processInstanceId");
		completed("li.wei", onlyTask("li.wei", pid, "Qualify lead"),
				"""
						{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":200000,"type":"Double"},
						 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 50 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}""");
		Jobs.runDue(this.managementService, pid);
		HttpResponse<String> lead = as("li.wei", "/api/leads/" + leadId).get();
		assertThat((String) JsonPath.read(lead.body(), "$.status")).isEqualTo("CONVERTED");
		return ((Number) JsonPath.read(lead.body(), "$.opportunityId")).longValue();
	}

	private String processOf(long opportunityId) {
		return JsonPath.read(as("li.wei", "/api/opportunities/" + opportunityId).get().body(), "$.processInstanceId");
	}

	static String quote(double amount, double discount) {
		return """
				{"quoteAmount":{"value":%s,"type":"Double"},"requestedDiscount":{"value":%s,"type":"Double"},
				 "expectedCloseDate":{"value":"%s"},"quoteNote":{"value":"Incl. onboarding"}}
				""".formatted(amount, discount, LocalDate.now(ZONE).plusDays(30));
	}

	List<Map<String, Object>> tasksOf(String user, String processInstanceId) {
		return tasks().tasksOf(user, processInstanceId);
	}

	String onlyTask(String user, String processInstanceId, String name) {
		return tasks().onlyTask(user, processInstanceId, name);
	}

	void completed(String user, String taskId, String variables) {
		tasks().completed(user, taskId, variables);
	}

	/** A JSON string literal. */
	static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
