package io.reflow.crm.marketing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.marketing.process.MarketingCampaignProcess;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.OrderManagement;
import io.reflow.crm.testsupport.TaskRest;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketing demo data on H2, seeded after the sales demo data: three campaigns
 * completed and reviewed through the real {@code marketing-campaign} process with
 * members, responses of every type and leads, some won through the real sales processes
 * so the results show revenue and an ROI; one running with the call list waiting for
 * inside sales; one waiting for a marketing director's budget approval; unsubscribed
 * contacts opted out; and a second run adds nothing.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "reflow.demo.seed-sales=true", "reflow.demo.seed-marketing=true" })
@ActiveProfiles({ "demo", "test" })
class DemoMarketingIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoMarketing demoMarketing;

	@Autowired
	MarketingManagement marketing;

	@Autowired
	CampaignResponses responses;

	@Autowired
	CustomerManagement customers;

	@Autowired
	LeadManagement leads;

	@Autowired
	OrderManagement orders;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Test
	void shouldTakeEveryDemoCampaignToItsGoal() {
		Map<CampaignStatus, Long> byStatus = all().stream()
			.collect(Collectors.groupingBy(CampaignView::status, Collectors.counting()));
		assertThat(byStatus).containsOnly(Map.entry(CampaignStatus.COMPLETED, 3L),
				Map.entry(CampaignStatus.RUNNING, 1L), Map.entry(CampaignStatus.PENDING_APPROVAL, 1L));
		for (DemoMarketing.Seed seed : DemoMarketing.SEEDS) {
			assertThat(campaign(seed.name()).status()).as(seed.name()).isEqualTo(switch (seed.goal()) {
				case COMPLETED -> CampaignStatus.COMPLETED;
				case RUNNING -> CampaignStatus.RUNNING;
				case PENDING_APPROVAL -> CampaignStatus.PENDING_APPROVAL;
			});
		}
		assertThat(this.managementService.createJobQuery().withException().count()).isZero();
		assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
	}

	@Test
	void shouldCompleteCampaignsWithMembersResponsesLeadsAndWonOrders() {
		List<CampaignView> completed = all().stream().filter((c) -> c.status() == CampaignStatus.COMPLETED).toList();
		assertThat(completed).hasSize(3).allSatisfy((campaign) -> {
			CampaignResults results = this.marketing.results(campaign.id());
			assertThat(results.members()).as(campaign.name()).isBetween(10L, 80L);
			assertThat(results.responders()).as(campaign.name()).isPositive().isLessThan(results.members());
			assertThat(results.leads()).as(campaign.name()).isGreaterThanOrEqualTo(3);
			assertThat(results.wonOrders()).as(campaign.name()).isPositive();
			assertThat(results.attributedRevenue()).as(campaign.name()).isPositive();
			assertThat(results.roi()).as(campaign.name()).isNotNull();
			assertThat(results.costPerLead()).as(campaign.name()).isNotNull();
			assertThat(campaign.lessonsLearned()).as(campaign.name()).isNotBlank();
			assertThat(campaign.reviewedBy()).as(campaign.name()).isEqualTo("zhou.xin");
			assertThat(campaign.createdBy()).as(campaign.name()).isEqualTo("liu.yang");
		});
		// the budgets went to all three approval levels
		assertThat(completed.stream().map(CampaignView::approverGroup)).containsExactlyInAnyOrder("marketing-managers",
				"marketing-directors", "executives");
		// every response type is there, and some leads were disqualified or are still
		// open
		Set<ResponseType> types = this.responses.findAll()
			.stream()
			.map((response) -> response.type)
			.collect(Collectors.toSet());
		assertThat(types).containsExactlyInAnyOrder(ResponseType.values());
		List<CampaignResults> results = completed.stream().map((c) -> this.marketing.results(c.id())).toList();
		assertThat(results.stream().mapToLong(CampaignResults::leads).sum())
			.isGreaterThan(results.stream().mapToLong(CampaignResults::qualifiedLeads).sum());
		assertThat(results.stream().mapToLong(CampaignResults::qualifiedLeads).sum())
			.isGreaterThan(results.stream().mapToLong(CampaignResults::wonOrders).sum());
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.processDefinitionKey(MarketingCampaignProcess.KEY)
			.finished()
			.list()).allSatisfy((task) -> assertThat(task.getAssignee()).as(task.getTaskDefinitionKey()).isNotNull());
	}

	@Test
	void shouldOptOutUnsubscribedContacts() {
		List<CampaignResponse> unsubscribed = this.responses.findAll()
			.stream()
			.filter((response) -> response.type == ResponseType.UNSUBSCRIBED)
			.toList();
		assertThat(unsubscribed).isNotEmpty();
		assertThat(this.customers.optedOut(unsubscribed.stream().map((response) -> response.contactId).toList()))
			.containsExactlyInAnyOrderElementsOf(
					unsubscribed.stream().map((response) -> response.contactId).distinct().toList());
		// and the campaign that selected its members later has none of them
		CampaignView running = only(CampaignStatus.RUNNING);
		List<Long> members = this.marketing.members(running.id(), Pageable.unpaged())
			.getContent()
			.stream()
			.map(MemberView::contactId)
			.toList();
		assertThat(members).isNotEmpty();
		assertThat(this.customers.optedOut(members)).isEmpty();
	}

	@Test
	void shouldLeaveTheCallListOfTheRunningCampaignToInsideSales() {
		CampaignView running = only(CampaignStatus.RUNNING);
		assertThat(running.channels()).contains(Channel.PHONE);
		assertThat(running.endDate()).isAfterOrEqualTo(running.startDate());
		assertThat(this.marketing.results(running.id()).responders()).isPositive();
		List<Map<String, Object>> tasks = tasksOf("zhao.lei", running.processInstanceId());
		assertThat(tasks).singleElement()
			.satisfies((task) -> assertThat(task).containsEntry("taskDefinitionKey",
					MarketingCampaignProcess.Elements.TASK_CALL_CAMPAIGN_MEMBERS));
	}

	@Test
	void shouldLeaveTheBudgetOfThePendingCampaignToTheMarketingDirectors() {
		CampaignView pending = only(CampaignStatus.PENDING_APPROVAL);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(pending.processInstanceId())
			.taskDefinitionKey(MarketingCampaignProcess.Elements.TASK_APPROVE_BUDGET)
			.taskCandidateGroup("marketing-directors")
			.count()).isEqualTo(1);
		assertThat(tasksOf("qian.yi", pending.processInstanceId())).singleElement()
			.satisfies((task) -> assertThat(task).containsEntry("name", "Approve budget"));
		assertThat(tasksOf("zhou.xin", pending.processInstanceId())).isEmpty();
	}

	@Test
	void shouldListTheCampaignsInTheApi() {
		HttpResponse<String> response = new Http(this.port).to("/api/campaigns").basic("liu.yang", "demo").get();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(response.body(), "$.page.totalElements"))
			.isEqualTo(DemoMarketing.SEEDS.size());
	}

	@Test
	void shouldAddNothingWhenRunAgain() {
		Map<String, Long> before = counts();
		this.demoMarketing.run(null);
		assertThat(counts()).isEqualTo(before);
	}

	private List<CampaignView> all() {
		return this.marketing.search(null, Pageable.unpaged()).getContent();
	}

	private CampaignView campaign(String name) {
		return all().stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private CampaignView only(CampaignStatus status) {
		List<CampaignView> found = all().stream().filter((c) -> c.status() == status).toList();
		assertThat(found).as(status.name()).hasSize(1);
		return found.get(0);
	}

	private List<Map<String, Object>> tasksOf(String user, String processInstanceId) {
		return new TaskRest(this.port).tasksOf(user, processInstanceId);
	}

	private Map<String, Long> counts() {
		return Map.of("campaigns", this.marketing.count(), "responses", this.responses.count(), "leads",
				this.leads.count(), "orders", this.orders.count(), "process instances",
				this.historyService.createHistoricProcessInstanceQuery().count(), "tasks",
				this.historyService.createHistoricTaskInstanceQuery().count(), "jobs",
				this.managementService.createJobQuery().count());
	}

}
