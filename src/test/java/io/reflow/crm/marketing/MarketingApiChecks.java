package io.reflow.crm.marketing;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
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
 * The marketing flow end to end over real HTTP as the demo users: campaigns through
 * {@code /api/campaigns}, tasks through Camunda's REST API (as Tasklist uses it), budget
 * approval by the rule's group, audience selection, channels, responses, and a campaign
 * response followed through lead qualification and a won quote into the campaign's
 * results. Jobs and timers are driven by the test (the job executor is off). Each test
 * addresses customers of its own (industry "Other", which the demo customers never have,
 * and a region of its own). One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class MarketingApiChecks {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@Autowired
	CustomerManagement customers;

	TaskRest tasks() {
		return new TaskRest(this.port);
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	static String campaign(String name, String channels, String budget, String region) {
		return campaign(name, channels, budget, region, 0);
	}

	static String campaign(String name, String channels, String budget, String region, int startInDays) {
		return """
				{"name":"%s","objective":"Win %s customers for the new CRM","channels":[%s],"budget":%s,
				 "audience":{"region":"%s","industry":"OTHER","tier":"STANDARD","sizeBand":"LARGE"},
				 "startDate":"%s","endDate":"%s","expectedResponseRate":10}
				""".formatted(name, region, channels, budget, region, today().plusDays(startInDays),
				today().plusDays(14));
	}

	/** A STANDARD customer of 300 employees (size band LARGE) with industry Other. */
	CustomerView customer(String company, Region region, ContactDraft... contacts) {
		return this.customers.create(new CustomerDraft(company, "Other", region, 300, Tier.STANDARD, null,
				CustomerStatus.ACTIVE, List.of(contacts), null));
	}

	static ContactDraft contact(String name, String email, String phone) {
		return new ContactDraft(null, name, email, phone, "Buyer");
	}

	Map<String, Object> create(String json) {
		HttpResponse<String> created = as("liu.yang", "/api/campaigns").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$");
	}

	Map<String, Object> campaignOf(long id) {
		HttpResponse<String> response = as("liu.yang", "/api/campaigns/" + id).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	Map<String, Object> resultsOf(long id) {
		HttpResponse<String> response = as("zhou.xin", "/api/campaigns/" + id + "/results").get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
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

	void runJobs(String processInstanceId) {
		Jobs.runDue(this.managementService, processInstanceId);
	}

	/** Fires a timer that is not due yet, as if its time had come. */
	void fireTimer(String processInstanceId, String activityId) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.singleResult();
		assertThat(timer).as("timer " + activityId).isNotNull();
		this.managementService.executeJob(timer.getId());
		runJobs(processInstanceId);
	}

	HttpResponse<String> respond(long campaignId, String json) {
		return as("liu.yang", "/api/campaigns/" + campaignId + "/responses").postJson(json);
	}

	/** Drafts, plans (as liu.yang) and approves (as the approver) a campaign. */
	Map<String, Object> approvedCampaign(String json, String approver) {
		Map<String, Object> draft = create(json);
		long id = ((Number) draft.get("id")).longValue();
		String pid = (String) draft.get("processInstanceId");
		completed("liu.yang", onlyTask("liu.yang", pid, "Plan campaign"), "{\"planDecision\":{\"value\":\"SUBMIT\"}}");
		runJobs(pid);
		completed(approver, onlyTask(approver, pid, "Approve budget"), "{\"budgetDecision\":{\"value\":\"APPROVE\"}}");
		runJobs(pid);
		return campaignOf(id);
	}

	static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains(detail).doesNotContain("Exception");
	}

	@Test
	void shouldSendAnEightyThousandBudgetToDirectorsThenSelectMembersAndRecordMessagesPerChannel() {
		customer("北京测试甲有限公司", Region.NORTH, contact("王一", "yi.wang@north-a.example.cn", "+86 138 0000 0001"),
				contact("王二", "er.wang@north-a.example.cn", null));
		customer("北京测试乙有限公司", Region.NORTH, contact("王三", null, "+86 138 0000 0003"));
		this.customers.create(new CustomerDraft("北京测试丙有限公司", "Other", Region.NORTH, 5000, Tier.STANDARD, null,
				CustomerStatus.ACTIVE, List.of(contact("王四", "si.wang@north-c.example.cn", null)), null));

		Map<String, Object> draft = create(
				campaign("North launch", "\"EMAIL\",\"SMS\",\"PHONE\",\"EVENT\"", "80000", "NORTH"));
		assertThat(draft).containsEntry("status", "DRAFT").containsEntry("number", "CMP-" + draft.get("id"));
		long id = ((Number) draft.get("id")).longValue();
		String pid = (String) draft.get("processInstanceId");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey("campaign-" + id)
			.singleResult()
			.getId()).isEqualTo(pid);

		// the planning task opens with the draft filled in
		String plan = onlyTask("liu.yang", pid, "Plan campaign");
		assertThat(this.runtimeService.getVariables(pid)).containsEntry("campaignName", "North launch")
			.containsEntry("budget", 80_000.0)
			.containsEntry("channelPhone", true)
			.containsEntry("startDate", today().toString())
			.containsEntry("sizeBand", "LARGE");
		completed("liu.yang", plan, "{\"planDecision\":{\"value\":\"SUBMIT\"}}");
		runJobs(pid);

		// 80,000 CNY: the marketing directors approve, not the managers
		assertThat(campaignOf(id)).containsEntry("status", "PENDING_APPROVAL");
		assertThat(tasksOf("zhou.xin", pid)).isEmpty();
		String approval = onlyTask("qian.yi", pid, "Approve budget");
		// the form shows the plan, read from the campaign; the task stores none of it
		assertThat(this.formService.getTaskFormVariables(approval).get("campaignBudget")).isEqualTo(80_000.0);
		assertThat((String) this.formService.getTaskFormVariables(approval).get("audienceDescription"))
			.contains("NORTH", "250–999");
		assertThat(this.taskService.getVariablesLocal(approval)).isEmpty();
		completed("qian.yi", approval, "{\"budgetDecision\":{\"value\":\"APPROVE\"}}");
		runJobs(pid);

		// members selected (the 5,000-employee customer is outside the size band), the
		// start
		// date is today, so every channel has run
		Map<String, Object> running = campaignOf(id);
		assertThat(running).containsEntry("status", "RUNNING")
			.containsEntry("memberCount", 3)
			.containsEntry("approvedBy", "qian.yi")
			.containsEntry("approverGroup", "marketing-directors");
		HttpResponse<String> members = as("liu.yang", "/api/campaigns/" + id + "/members").get();
		assertThat((List<String>) JsonPath.read(members.body(), "$.content[*].name")).containsExactly("王一", "王二", "王三");
		Map<String, Object> results = resultsOf(id);
		assertThat((Map<String, Object>) JsonPath.read(results, "$.messages.EMAIL")).containsEntry("SENT", 2)
			.containsEntry("NO_ADDRESS", 1);
		assertThat((Map<String, Object>) JsonPath.read(results, "$.messages.SMS")).containsEntry("SENT", 2)
			.containsEntry("NO_ADDRESS", 1);
		assertThat((Map<String, Object>) JsonPath.read(results, "$.messages.EVENT")).containsEntry("INVITED", 2)
			.containsEntry("NO_ADDRESS", 1);
		assertThat((Map<String, Object>) JsonPath.read(results, "$.messages.PHONE")).containsEntry("LISTED", 2)
			.containsEntry("NO_ADDRESS", 1);

		// PHONE: inside sales works the call list; an interested callee becomes a lead
		String call = onlyTask("zhao.lei", pid, "Call campaign members");
		assertThat((String) this.formService.getTaskFormVariables(call).get("callList")).contains("王一", "王三")
			.doesNotContain("王二");
		completed("zhao.lei", call,
				"{\"callsReached\":{\"value\":5},\"interestedContacts\":{\"value\":\"nobody@example.cn\"}}");
		call = onlyTask("zhao.lei", pid, "Call campaign members");
		assertThat((String) this.runtimeService.getVariable(pid, "callFeedback")).contains("2 members");
		completed("zhao.lei", call,
				"{\"callsReached\":{\"value\":2},\"interestedContacts\":{\"value\":\"yi.wang@north-a.example.cn\"},"
						+ "\"callNote\":{\"value\":\"Wang Yi wants a demo\"}}");
		runJobs(pid);
		assertThat(tasksOf("zhao.lei", pid)).isEmpty();
		results = resultsOf(id);
		assertThat(results).containsEntry("leads", 1).containsEntry("responders", 1);
		assertThat(campaignOf(id)).containsEntry("callsReached", 2);

		// the customer timeline shows the campaign
		long customerId = ((Number) JsonPath.read(members.body(), "$.content[0].customerId")).longValue();
		HttpResponse<String> timeline = as("liu.yang", "/api/customers/" + customerId + "/interactions").get();
		assertThat((List<String>) JsonPath.read(timeline.body(), "$.content[*].type")).contains("CAMPAIGN_EMAIL",
				"CAMPAIGN_SMS", "CAMPAIGN_EVENT", "CAMPAIGN_INTERESTED", "LEAD_CREATED");
	}

	@Test
	void shouldTurnAnInterestedResponseIntoOneLeadWhoseWonOrderShowsInTheCampaignResults() {
		customer("杭州测试甲有限公司", Region.EAST, contact("赵一", "yi.zhao@east-a.example.cn", null),
				contact("赵二", "er.zhao@east-a.example.cn", null));
		Map<String, Object> campaign = approvedCampaign(campaign("East webinar", "\"EMAIL\"", "40000", "EAST"),
				"zhou.xin");
		long id = ((Number) campaign.get("id")).longValue();
		String pid = (String) campaign.get("processInstanceId");
		assertThat(campaign).containsEntry("status", "RUNNING").containsEntry("approverGroup", "marketing-managers");

		// interest posted twice: one response, one lead
		String interested = "{\"email\":\"YI.ZHAO@east-a.example.cn\",\"type\":\"INTERESTED\",\"note\":\"Wants pricing\"}";
		HttpResponse<String> first = respond(id, interested);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String location = first.headers().firstValue("Location").orElseThrow();
		assertThat(as("liu.yang", location).get().statusCode()).isEqualTo(200);
		HttpResponse<String> second = respond(id, interested);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(second.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
		runJobs(pid);
		HttpResponse<String> opened = respond(id, "{\"email\":\"er.zhao@east-a.example.cn\",\"type\":\"OPENED\"}");
		assertThat(opened.statusCode()).isEqualTo(201);

		// the response names its lead once sales has it; asking again changes nothing
		HttpResponse<String> third = respond(id, interested);
		assertThat(third.statusCode()).isEqualTo(200);
		long leadId = ((Number) JsonPath.read(third.body(), "$.leadId")).longValue();
		HttpResponse<String> read = as("zhao.lei", "/api/leads/" + leadId).get();
		Map<String, Object> lead = JsonPath.read(read.body(), "$");
		HttpResponse<String> listed = as("liu.yang", "/api/campaigns/" + id + "/responses?type=INTERESTED").get();
		assertThat((List<Integer>) JsonPath.read(listed.body(), "$.content[*].leadId")).containsExactly((int) leadId);
		assertThat(lead).containsEntry("source", "CAMPAIGN")
			.containsEntry("contactName", "赵一")
			.containsEntry("campaignId", (int) id);
		String leadPid = (String) lead.get("processInstanceId");
		Jobs.runDue(this.managementService, leadPid);

		// score 40 (campaign 20, 300 employees 20): inside sales qualifies it
		completed("zhao.lei", onlyTask("zhao.lei", leadPid, "Qualify lead"),
				"""
						{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":100000,"type":"Double"},
						 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 20 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}""");
		Jobs.runDue(this.managementService, leadPid);
		HttpResponse<String> converted = as("zhao.lei", "/api/leads/" + leadId).get();
		long opportunityId = ((Number) JsonPath.read(converted.body(), "$.opportunityId")).longValue();
		String opportunityPid = JsonPath.read(as("zhao.lei", "/api/opportunities/" + opportunityId).get().body(),
				"$.processInstanceId");
		completed("zhao.lei", onlyTask("zhao.lei", opportunityPid, "Prepare quote"), """
				{"quoteAmount":{"value":100000,"type":"Double"},"requestedDiscount":{"value":0,"type":"Double"},
				 "expectedCloseDate":{"value":"%s"}}""".formatted(today().plusMonths(1)));
		Jobs.runDue(this.managementService, opportunityPid);
		HttpResponse<String> accepted = as("zhao.lei", "/api/opportunities/" + opportunityId + "/customer-response")
			.postJson("{\"accepted\":true}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		Jobs.runDue(this.managementService, opportunityPid);

		// the campaign is judged by the order: ROI = (100,000 − 40,000) / 40,000
		Map<String, Object> results = resultsOf(id);
		assertThat(results).containsEntry("members", 2)
			.containsEntry("responders", 2)
			.containsEntry("leads", 1)
			.containsEntry("qualifiedLeads", 1)
			.containsEntry("opportunities", 1)
			.containsEntry("wonOrders", 1);
		assertThat(((Number) results.get("attributedRevenue")).doubleValue()).isEqualTo(100_000.0);
		assertThat(((Number) results.get("roi")).doubleValue()).isEqualTo(1.5);
		assertThat(((Number) results.get("costPerLead")).doubleValue()).isEqualTo(40_000.0);
		assertThat(((Number) results.get("responseRate")).doubleValue()).isEqualTo(100.0);
		assertThat((Map<String, Object>) results.get("responses")).containsEntry("INTERESTED", 1)
			.containsEntry("OPENED", 1)
			.containsEntry("CLICKED", 0);

		// the window closes, the managers review, and the campaign takes no more
		// responses
		fireTimer(pid, "Event_ResponseWindowClosed");
		assertThat(campaignOf(id)).containsEntry("status", "IN_REVIEW");
		String review = onlyTask("zhou.xin", pid, "Review results");
		assertThat(this.formService.getTaskFormVariables(review).get("roi")).isEqualTo(150.0);
		assertThat(this.formService.getTaskFormVariables(review).get("attributedRevenue")).isEqualTo(100_000.0);
		completed("zhou.xin", review, "{}");
		review = onlyTask("zhou.xin", pid, "Review results");
		assertThat((String) this.runtimeService.getVariable(pid, "reviewFeedback")).contains("lessons");
		completed("zhou.xin", review, "{\"lessonsLearned\":{\"value\":\"Webinars convert; follow up within a day.\"}}");
		assertThat(campaignOf(id)).containsEntry("status", "COMPLETED").containsEntry("reviewedBy", "zhou.xin");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
		assertProblem(respond(id, "{\"email\":\"er.zhao@east-a.example.cn\",\"type\":\"CLICKED\"}"), 409, "completed");
	}

	@Test
	void shouldNeverSelectAnUnsubscribedContactAgain() {
		CustomerView customer = customer("广州测试甲有限公司", Region.SOUTH, contact("陈一", "yi.chen@south-a.example.cn", null),
				contact("陈二", "er.chen@south-a.example.cn", null));
		Map<String, Object> first = approvedCampaign(campaign("South spring", "\"EMAIL\"", "20000", "SOUTH"),
				"zhou.xin");
		long firstId = ((Number) first.get("id")).longValue();
		assertThat(first).containsEntry("memberCount", 2);
		long contactId = customer.contacts().get(0).id();
		HttpResponse<String> unsubscribed = respond(firstId,
				"{\"contactId\":" + contactId + ",\"type\":\"UNSUBSCRIBED\"}");
		assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(201);
		HttpResponse<String> read = as("liu.yang", "/api/customers/" + customer.id()).get();
		assertThat((String) JsonPath.read(read.body(), "$.contacts[0].optedOutAt")).isNotNull();
		assertThat((Object) JsonPath.read(read.body(), "$.contacts[1].optedOutAt")).isNull();

		Map<String, Object> second = approvedCampaign(campaign("South summer", "\"EMAIL\"", "20000", "SOUTH", 1),
				"zhou.xin");
		long secondId = ((Number) second.get("id")).longValue();
		assertThat(second).containsEntry("memberCount", 1);
		HttpResponse<String> members = as("liu.yang", "/api/campaigns/" + secondId + "/members").get();
		assertThat((List<Integer>) JsonPath.read(members.body(), "$.content[*].contactId"))
			.containsExactly((int) customer.contacts().get(1).id());
		assertProblem(respond(secondId, "{\"contactId\":" + contactId + ",\"type\":\"CLICKED\"}"), 404, "not a member");

		// a member who opts out before the start date gets nothing
		assertThat(second).containsEntry("status", "SCHEDULED");
		long otherId = customer.contacts().get(1).id();
		assertThat(respond(secondId, "{\"contactId\":" + otherId + ",\"type\":\"UNSUBSCRIBED\"}").statusCode())
			.isEqualTo(201);
		fireTimer((String) second.get("processInstanceId"), "Event_StartDateReached");
		assertThat(campaignOf(secondId)).containsEntry("status", "RUNNING");
		assertThat((Map<String, Object>) JsonPath.read(resultsOf(secondId), "$.messages.EMAIL"))
			.containsExactly(Map.entry("OPTED_OUT", 1));
	}

	@Test
	void shouldReviseARejectedPlanAndCancelIt() {
		Map<String, Object> draft = create(campaign("West fair", "\"EVENT\"", "600000", "WEST"));
		long id = ((Number) draft.get("id")).longValue();
		String pid = (String) draft.get("processInstanceId");
		completed("liu.yang", onlyTask("liu.yang", pid, "Plan campaign"), "{\"planDecision\":{\"value\":\"SUBMIT\"}}");
		runJobs(pid);
		assertThat(tasksOf("qian.yi", pid)).isEmpty();
		String approval = onlyTask("feng.kai", pid, "Approve budget");

		// a rejection needs a reason
		completed("feng.kai", approval, "{\"budgetDecision\":{\"value\":\"REJECT\"}}");
		approval = onlyTask("feng.kai", pid, "Approve budget");
		assertThat((String) this.runtimeService.getVariable(pid, "budgetFeedback")).contains("Say why");
		completed("feng.kai", approval,
				"{\"budgetDecision\":{\"value\":\"REJECT\"},\"budgetComment\":{\"value\":\"Too expensive for one fair\"}}");

		// back to planning with the comment and the plan filled in; an incomplete plan
		// comes back
		String plan = onlyTask("liu.yang", pid, "Plan campaign");
		assertThat((String) this.runtimeService.getVariable(pid, "planFeedback")).contains("feng.kai",
				"Too expensive for one fair");
		assertThat(campaignOf(id)).containsEntry("status", "DRAFT");
		completed("liu.yang", plan,
				"{\"planDecision\":{\"value\":\"SUBMIT\"},\"budget\":{\"value\":0},\"channelEvent\":{\"value\":false}}");
		plan = onlyTask("liu.yang", pid, "Plan campaign");
		assertThat((String) this.runtimeService.getVariable(pid, "planFeedback")).contains("at least one channel",
				"a budget above zero");
		// the planner's own answers stay in the form
		assertThat(this.runtimeService.getVariable(pid, "channelEvent")).isEqualTo(false);

		completed("liu.yang", plan, "{\"planDecision\":{\"value\":\"CANCEL\"}}");
		plan = onlyTask("liu.yang", pid, "Plan campaign");
		assertThat((String) this.runtimeService.getVariable(pid, "planFeedback")).contains("why");
		completed("liu.yang", plan,
				"{\"planDecision\":{\"value\":\"CANCEL\"},\"cancelReason\":{\"value\":\"The fair was called off\"}}");
		assertThat(campaignOf(id)).containsEntry("status", "CANCELLED")
			.containsEntry("cancelReason", "The fair was called off");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
		assertProblem(respond(id, "{\"contactId\":1,\"type\":\"CLICKED\"}"), 409, "cancelled");
	}

	@Test
	void shouldReturnToPlanningWhenNoContactMatches() {
		Map<String, Object> campaign = approvedCampaign(campaign("Central nobody", "\"SMS\"", "10000", "CENTRAL"),
				"zhou.xin");
		assertThat(campaign).containsEntry("status", "DRAFT").containsEntry("memberCount", 0);
		String pid = (String) campaign.get("processInstanceId");
		onlyTask("liu.yang", pid, "Plan campaign");
		assertThat((String) this.runtimeService.getVariable(pid, "planFeedback")).contains("No contact matches",
				"region CENTRAL");
	}

	@Test
	void shouldRefuseBadInputWithProblemDetailsAndStoreNothing() {
		long before = JsonPath.<Integer>read(as("liu.yang", "/api/campaigns").get().body(), "$.page.totalElements");
		assertProblem(as("liu.yang", "/api/campaigns").postJson(campaign("Zero", "\"EMAIL\"", "0", "NORTH")), 400,
				"budget");
		assertProblem(as("liu.yang", "/api/campaigns").postJson(campaign("Negative", "\"EMAIL\"", "-5", "NORTH")), 400,
				"budget");
		assertProblem(
				as("liu.yang", "/api/campaigns").postJson("{\"name\":\"Late\",\"startDate\":\"%s\",\"endDate\":\"%s\"}"
					.formatted(today().plusDays(5), today().plusDays(1))),
				400, "endDate");
		assertProblem(as("liu.yang", "/api/campaigns")
			.postJson("{\"name\":\"Past\",\"startDate\":\"%s\"}".formatted(today().minusDays(1))), 400, "startDate");
		assertProblem(as("liu.yang", "/api/campaigns").postJson("{\"name\":\"Bad\",\"channels\":[\"FAX\"]}"), 400,
				"channels");
		assertProblem(as("liu.yang", "/api/campaigns").postJson("{\"objective\":\"No name\"}"), 400, "name");
		assertThat(JsonPath.<Integer>read(as("liu.yang", "/api/campaigns").get().body(), "$.page.totalElements"))
			.isEqualTo(before);

		assertProblem(as("liu.yang", "/api/campaigns/999999").get(), 404, "No campaign 999999");
		assertProblem(as("liu.yang", "/api/campaigns?status=FINISHED").get(), 400, "status");
		assertProblem(as("liu.yang", "/api/campaigns/abc").get(), 400, "id");
		assertProblem(respond(999_999, "{\"contactId\":1,\"type\":\"CLICKED\"}"), 404, "No campaign");
		long id = ((Number) create(campaign("Checks", "\"EMAIL\"", "1000", "NORTH")).get("id")).longValue();
		assertProblem(respond(id, "{\"type\":\"CLICKED\"}"), 400, "contactId");
		assertProblem(respond(id, "{\"contactId\":1,\"type\":\"LIKED\"}"), 400, "type");
		assertProblem(respond(id, "{\"contactId\":1}"), 400, "type");
		assertProblem(respond(id, "{\"contactId\":1,\"type\":\"CLICKED\"}"), 404, "not a member");

		// sales reps and support agents do not plan campaigns
		assertProblem(as("li.wei", "/api/campaigns").postJson(campaign("Rep", "\"EMAIL\"", "1000", "NORTH")), 403, "");
		assertThat(as("wu.qiang", "/api/campaigns").get().statusCode()).isEqualTo(403);
	}

	@Test
	void shouldDocumentTheCampaignApiInOpenApi() {
		HttpResponse<String> response = as("liu.yang", "/v3/api-docs").get();
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(response.body(), "$.paths");
		assertThat(paths).containsKeys("/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/members",
				"/api/campaigns/{id}/results", "/api/campaigns/{id}/responses",
				"/api/campaigns/{id}/responses/{responseId}");
	}

}
