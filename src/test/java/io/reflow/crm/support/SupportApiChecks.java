package io.reflow.crm.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.support.process.SupportCaseProcess;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support case flow end to end over real HTTP as the demo users: cases through
 * {@code /api/cases}, tasks through Camunda's REST API, SLA breaches by running the
 * timers' jobs, feedback, and who may see what. One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class SupportApiChecks {

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	CustomerManagement customers;

	@Autowired
	WorkingCalendar calendar;

	CustomerView strategic;

	CustomerView standard;

	@BeforeEach
	void customers() {
		this.strategic = customer("上海星河云计算有限公司", Tier.STRATEGIC, "key-accounts");
		this.standard = customer("成都锦江文具有限公司", Tier.STANDARD, "sales-west");
	}

	CustomerView customer(String name, Tier tier, String owner) {
		String suffix = Long.toHexString(System.nanoTime());
		return this.customers.create(new CustomerDraft(name + suffix, "Software", Region.EAST, 800, tier, owner,
				CustomerStatus.ACTIVE,
				List.of(new ContactDraft(null, "赵敏", "min.zhao@" + suffix + ".example.cn", null, "IT lead")), null));
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	String json(CustomerView customer, String category, String severity, String extra) {
		return """
				{"customerId":%d,"contactId":%d,"channel":"PHONE","category":"%s","severity":"%s",
				 "subject":"Sync fails","description":"Nightly sync stops with error 502"%s}
				""".formatted(customer.id(), customer.contacts().get(0).id(), category, severity, extra);
	}

	Map<String, Object> open(String user, String json) {
		HttpResponse<String> response = as(user, "/api/cases").postJson(json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonPath.read(response.body(), "$");
	}

	Map<String, Object> read(Object id) {
		HttpResponse<String> response = as("ma.lin", "/api/cases/" + id).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	List<Map<String, Object>> tasksOf(String user, Object processInstanceId) {
		HttpResponse<String> response = as(user, "/engine-rest/task?processInstanceId=" + processInstanceId).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	void fire(Object processInstanceId, String timerId) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId((String) processInstanceId)
			.activityId(timerId)
			.singleResult();
		this.managementService.executeJob(timer.getId());
	}

	@Test
	void shouldRunAnUntouchedCriticalCaseOfAStrategicCustomerIntoOneEscalationPerBreach() {
		Map<String, Object> opened = open("wu.qiang", json(this.strategic, "TECHNICAL", "CRITICAL", ""));

		assertThat(opened).containsEntry("priority", "P1").containsEntry("assigneeGroup", "support-tier2");
		Instant created = Instant.parse((String) opened.get("createdAt"));
		assertThat(Duration.between(created, Instant.parse((String) opened.get("responseDueAt"))))
			.isEqualTo(Duration.ofMinutes(30));
		Object pid = opened.get("processInstanceId");
		assertThat(tasksOf("xu.jun", pid)).extracting((task) -> task.get("name")).containsExactly("Resolve case");
		assertThat(tasksOf("ma.lin", pid)).isEmpty();

		fire(pid, SupportCaseProcess.Elements.BOUNDARY_EVENT_RESPONSE_OVERDUE);
		assertThat(tasksOf("ma.lin", pid)).hasSize(1);
		assertThat(tasksOf("guo.hua", pid)).isEmpty();
		fire(pid, SupportCaseProcess.Elements.BOUNDARY_EVENT_RESOLUTION_OVERDUE);
		assertThat(tasksOf("guo.hua", pid)).hasSize(1);

		Map<String, Object> escalated = read(opened.get("id"));
		assertThat((List<String>) JsonPath.read(escalated, "$.escalations[*].escalatedTo"))
			.containsExactly("support-leads", "support-managers");
		assertThat((List<String>) JsonPath.read(escalated, "$.escalations[*].breach")).containsExactly("RESPONSE",
				"RESOLUTION");
		assertThat(escalated).containsEntry("escalationLevel", 2)
			.containsEntry("responseBreached", true)
			.containsEntry("resolutionBreached", true);
		assertThat(this.managementService.createJobQuery().processInstanceId((String) pid).timers().count()).isZero();

		// resolved by tier 2, reopened by the customer: the new task still reaches leads
		// and managers
		String taskId = (String) tasksOf("xu.jun", pid).get(0).get("id");
		assertThat(as("xu.jun", "/engine-rest/task/" + taskId + "/complete").postJson(
				"{\"variables\":{\"diagnosis\":{\"value\":\"Disk full\"},\"resolution\":{\"value\":\"Freed space\"}}}")
			.statusCode()).isEqualTo(204);
		assertThat(read(opened.get("id"))).containsEntry("respondedBy", "xu.jun");
		assertThat(as("xu.jun", "/api/cases/" + opened.get("id") + "/feedback").postJson("{\"resolved\":false}")
			.statusCode()).isEqualTo(200);
		assertThat(tasksOf("ma.lin", pid)).extracting((task) -> task.get("name")).containsExactly("Resolve case");
		assertThat(tasksOf("guo.hua", pid)).hasSize(1);
	}

	@Test
	void shouldDueANormalCaseOnWorkingTimeAndLetTier1ResolveAndCloseIt() {
		Map<String, Object> opened = open("wu.qiang", json(this.standard, "INQUIRY", "NORMAL", ""));
		assertThat(opened).containsEntry("priority", "P3")
			.containsEntry("assigneeGroup", "support-tier1")
			.containsEntry("slaCalendar", "WORKING_HOURS");
		Instant created = Instant.parse((String) opened.get("createdAt"));
		Instant resolutionDue = Instant.parse((String) opened.get("resolutionDueAt"));
		assertThat(resolutionDue).isEqualTo(this.calendar.addWorkingTime(created, Duration.ofHours(27)))
			.isNotEqualTo(created.plus(Duration.ofHours(27)));
		Object pid = opened.get("processInstanceId");
		String taskId = (String) tasksOf("wu.qiang", pid).get(0).get("id");

		HttpResponse<String> claimed = as("wu.qiang", "/engine-rest/task/" + taskId + "/claim")
			.postJson("{\"userId\":\"wu.qiang\"}");
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
		assertThat(read(opened.get("id"))).containsEntry("respondedBy", "wu.qiang")
			.containsEntry("status", "IN_PROGRESS");
		HttpResponse<String> done = as("wu.qiang", "/engine-rest/task/" + taskId + "/complete").postJson("""
				{"variables":{"fieldVisitNeeded":{"value":false},"diagnosis":{"value":"Expired token"},
				 "resolution":{"value":"Renewed the API token"}}}""");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		assertThat(read(opened.get("id"))).containsEntry("status", "RESOLVED").containsEntry("awaitingFeedback", true);

		HttpResponse<String> outOfRange = as("wu.qiang", "/api/cases/" + opened.get("id") + "/feedback")
			.postJson("{\"resolved\":true,\"csat\":6}");
		assertThat(outOfRange.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(outOfRange.body(), "$.detail")).contains("csat");
		HttpResponse<String> feedback = as("wu.qiang", "/api/cases/" + opened.get("id") + "/feedback")
			.postJson("{\"resolved\":true,\"csat\":5,\"comment\":\"Quick help\"}");
		assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
		assertThat(read(opened.get("id"))).containsEntry("status", "CLOSED")
			.containsEntry("csat", 5)
			.containsEntry("closeReason", "CUSTOMER_CONFIRMED")
			.containsEntry("responseBreached", false)
			.containsEntry("slaMet", true)
			.containsKeys("firstResponseTime", "resolutionTime");
		assertThat((String) read(opened.get("id")).get("resolutionTime")).startsWith("PT");
		assertThat(as("wu.qiang", "/api/cases/" + opened.get("id") + "/feedback")
			.postJson("{\"resolved\":true,\"csat\":5}")
			.statusCode()).isEqualTo(409);
	}

	/**
	 * Two agents resolve the same case at the same moment (a double click, two tabs): one
	 * wins, the other gets 409 problem details (a lost race inside the engine) or 404
	 * (the task was already gone), never Camunda's 500; the case is resolved once.
	 */
	@Test
	void shouldLetOneOfTwoSimultaneousCompletionsWinAndAnswerTheOther409() throws Exception {
		String variables = """
				{"variables":{"fieldVisitNeeded":{"value":false},"diagnosis":{"value":"Expired token"},
				 "resolution":{"value":"Renewed the API token"}}}""";
		java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				Map<String, Object> opened = open("wu.qiang", json(this.standard, "INQUIRY", "NORMAL", ""));
				String taskId = (String) tasksOf("wu.qiang", opened.get("processInstanceId")).get(0).get("id");
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				java.util.concurrent.Callable<HttpResponse<String>> complete = () -> {
					start.await();
					return as("wu.qiang", "/engine-rest/task/" + taskId + "/complete").postJson(variables);
				};
				java.util.concurrent.Future<HttpResponse<String>> first = clients.submit(complete);
				java.util.concurrent.Future<HttpResponse<String>> second = clients.submit(complete);
				start.countDown();
				List<HttpResponse<String>> answers = List.of(first.get(), second.get());

				assertThat(answers).as("round %d", round).filteredOn((answer) -> answer.statusCode() == 204).hasSize(1);
				HttpResponse<String> loser = answers.stream()
					.filter((answer) -> answer.statusCode() != 204)
					.findFirst()
					.orElseThrow();
				assertThat(loser.statusCode()).as(loser.body()).isEqualTo(409);
				assertThat(loser.headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat((String) JsonPath.read(loser.body(), "$.message")).isNotBlank()
					.doesNotContain("ENGINE-")
					.doesNotContain("Entity");
				assertThat(read(opened.get("id"))).containsEntry("status", "RESOLVED");
			}
		}
		finally {
			clients.shutdownNow();
		}
		// an id that never was a task: 404 problem details, not Camunda's 500
		HttpResponse<String> unknown = as("wu.qiang", "/engine-rest/task/no-such-task/complete").postJson(variables);
		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
		assertThat((String) JsonPath.read(unknown.body(), "$.message")).contains("no-such-task");
	}

	@Test
	void shouldReopenACaseTheCustomerSaysIsNotResolved() {
		Map<String, Object> opened = open("wu.qiang", json(this.standard, "COMPLAINT", "LOW", ""));
		Object pid = opened.get("processInstanceId");
		String taskId = (String) tasksOf("wu.qiang", pid).get(0).get("id");
		// incomplete answers come back with the reason
		as("wu.qiang", "/engine-rest/task/" + taskId + "/complete").postJson("{\"variables\":{}}");
		String again = (String) tasksOf("wu.qiang", pid).get(0).get("id");
		assertThat(again).isNotEqualTo(taskId);
		as("wu.qiang", "/engine-rest/task/" + again + "/complete").postJson("""
				{"variables":{"diagnosis":{"value":"Late delivery"},"resolution":{"value":"Refunded shipping"}}}""");

		HttpResponse<String> unhappy = as("wu.qiang", "/api/cases/" + opened.get("id") + "/feedback")
			.postJson("{\"resolved\":false,\"csat\":2,\"comment\":\"Still missing one box\"}");

		assertThat(unhappy.statusCode()).as(unhappy.body()).isEqualTo(200);
		assertThat(read(opened.get("id"))).containsEntry("status", "IN_PROGRESS").containsEntry("reopenCount", 1);
		assertThat(tasksOf("wu.qiang", pid)).extracting((task) -> task.get("name")).containsExactly("Resolve case");
	}

	@Test
	void shouldKeepCasesFromSalesUsersAndRefuseBadCases() {
		Map<String, Object> opened = open("ma.lin", json(this.strategic, "BILLING", "HIGH", ""));
		Object pid = opened.get("processInstanceId");
		assertThat(opened).containsEntry("assigneeGroup", "billing");

		assertThat(tasksOf("li.wei", pid)).isEmpty();
		assertThat(as("li.wei", "/api/cases/" + opened.get("id")).get().statusCode()).isEqualTo(403);
		assertThat(as("li.wei", "/api/cases").postJson(json(this.standard, "BILLING", "LOW", "")).statusCode())
			.isEqualTo(403);

		HttpResponse<String> noCategory = as("wu.qiang", "/api/cases")
			.postJson(json(this.standard, "BILLING", "LOW", "").replace("\"category\":\"BILLING\",", ""));
		assertThat(noCategory.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noCategory.body(), "$.detail")).contains("category");
		HttpResponse<String> foreignContact = as("wu.qiang", "/api/cases")
			.postJson(json(this.standard, "BILLING", "LOW", "").replace(
					"\"contactId\":" + this.standard.contacts().get(0).id(),
					"\"contactId\":" + this.strategic.contacts().get(0).id()));
		assertThat(foreignContact.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(foreignContact.body(), "$.detail")).contains("contactId");
		assertThat(as("wu.qiang", "/api/cases").postJson(json(this.standard, "GOSSIP", "LOW", "")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void shouldCountTheFirstCommentAsTheResponseSoNoResponseBreachFollows() {
		Map<String, Object> opened = open("wu.qiang", json(this.standard, "TECHNICAL", "NORMAL", ""));
		Object pid = opened.get("processInstanceId");

		HttpResponse<String> comment = as("wu.qiang", "/api/cases/" + opened.get("id") + "/comments")
			.postJson("{\"text\":\"Looking into the logs now\"}");

		assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
		assertThat(read(opened.get("id"))).containsEntry("respondedBy", "wu.qiang");
		String taskId = (String) tasksOf("wu.qiang", pid).get(0).get("id");
		assertThat(as("wu.qiang", "/engine-rest/task/" + taskId + "/comment").get().body())
			.contains("Looking into the logs now");
		fire(pid, SupportCaseProcess.Elements.BOUNDARY_EVENT_RESPONSE_OVERDUE);
		assertThat(read(opened.get("id"))).containsEntry("escalationLevel", 0).containsEntry("responseBreached", false);
		assertThat(as("wu.qiang", "/api/cases/" + opened.get("id") + "/comments").postJson("{\"text\":\" \"}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldDocumentTheSupportApiInOpenApi() {
		HttpResponse<String> response = as("guo.hua", "/v3/api-docs").get();
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(response.body(), "$.paths");
		assertThat(paths).containsKeys("/api/cases", "/api/cases/{id}", "/api/cases/{id}/feedback",
				"/api/cases/{id}/comments");
	}

	@Test
	void shouldReturnTheFirstCaseForARepeatedExternalRef() {
		String ref = ",\"externalRef\":\"mail-" + System.nanoTime() + "\"";
		HttpResponse<String> first = as("wu.qiang", "/api/cases").postJson(json(this.standard, "INQUIRY", "LOW", ref));
		HttpResponse<String> second = as("wu.qiang", "/api/cases").postJson(json(this.standard, "INQUIRY", "LOW", ref));
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat((Object) JsonPath.read(second.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
	}

}
