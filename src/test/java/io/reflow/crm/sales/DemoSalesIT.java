package io.reflow.crm.sales;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.sales.DemoSales.Goal;
import io.reflow.crm.sales.process.LeadQualificationProcess;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales demo data on H2: every demo lead reached the state its row asks for through
 * the real processes, so every lead status but NEW and every opportunity stage is there,
 * with work waiting in the sales groups' Tasklists; and a second run adds nothing.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reflow.demo.seed-sales=true")
@ActiveProfiles({ "demo", "test" })
class DemoSalesIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoSales demoSales;

	@Autowired
	LeadManagement leads;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	OrderManagement orders;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Leads leadTable;

	@Autowired
	Opportunities opportunityTable;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Test
	void shouldTakeEveryDemoLeadToItsGoal() {
		for (int i = 0; i < DemoSales.SEEDS.size(); i++) {
			Goal goal = DemoSales.SEEDS.get(i).goal();
			LeadView lead = this.leads.findByExternalRef("demo-" + (i + 1)).orElseThrow();
			String row = "demo lead " + (i + 1) + " (" + goal + ")";
			assertThat(lead.status()).as(row).isEqualTo(switch (goal) {
				case NURTURING -> LeadStatus.NURTURING;
				case QUALIFY_LEAD -> LeadStatus.IN_QUALIFICATION;
				case DISQUALIFIED -> LeadStatus.DISQUALIFIED;
				default -> LeadStatus.CONVERTED;
			});
			if (lead.opportunityId() != null) {
				assertThat(this.opportunities.find(lead.opportunityId()).stage()).as(row).isEqualTo(switch (goal) {
					case PREPARE_QUOTE -> OpportunityStage.QUALIFICATION;
					case APPROVE_DISCOUNT, REWORK_QUOTE -> OpportunityStage.PROPOSAL;
					case AWAIT_CUSTOMER -> OpportunityStage.NEGOTIATION;
					case WON -> OpportunityStage.WON;
					default -> OpportunityStage.LOST;
				});
			}
		}
		assertThat(this.managementService.createJobQuery().withException().count()).isZero();
		assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
	}

	@Test
	void shouldSeedEveryLeadStatusButNewAndEveryOpportunityStage() {
		Map<LeadStatus, Long> byStatus = this.leadTable.findAll()
			.stream()
			.collect(Collectors.groupingBy(Lead::getStatus, Collectors.counting()));
		assertThat(byStatus).containsKeys(LeadStatus.NURTURING, LeadStatus.IN_QUALIFICATION, LeadStatus.DISQUALIFIED,
				LeadStatus.CONVERTED);
		for (OpportunityStage stage : OpportunityStage.values()) {
			assertThat(this.opportunityTable.countByStage(stage)).as(stage.name()).isPositive();
		}
	}

	@Test
	void shouldLeaveDiscountApprovalsForDirectorsAndManagers() {
		for (String group : List.of("sales-directors", "sales-managers")) {
			assertThat(this.taskService.createTaskQuery()
				.processDefinitionKey(OpportunityToOrderProcess.KEY)
				.taskDefinitionKey(OpportunityToOrderProcess.Elements.TASK_APPROVE_DISCOUNT)
				.taskCandidateGroup(group)
				.count()).as(group).isPositive();
		}
	}

	@Test
	void shouldShowLeadsToQualifyInTheTasklistsOfKeyAccountsAndSalesNorth() {
		for (String[] userAndGroup : new String[][] { { "zhang.min", "key-accounts" }, { "li.wei", "sales-north" } }) {
			HttpResponse<String> response = new Http(this.port)
				.to("/engine-rest/task?taskDefinitionKey=" + LeadQualificationProcess.Elements.TASK_QUALIFY_LEAD
						+ "&candidateGroup=" + userAndGroup[1])
				.basic(userAndGroup[0], "demo")
				.get();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat((List<?>) JsonPath.read(response.body(), "$")).as(userAndGroup[1]).isNotEmpty();
		}
	}

	@Test
	void shouldPlaceOneOrderPerWonOpportunity() {
		assertThat(this.orders.count()).isPositive()
			.isEqualTo(this.opportunityTable.countByStage(OpportunityStage.WON));
	}

	@Test
	void shouldRecordTheDemoUsersWhoWorkedTheTasks() {
		assertThat(this.historyService.createHistoricTaskInstanceQuery().finished().list()).isNotEmpty()
			.allSatisfy((task) -> assertThat(task.getAssignee()).as(task.getTaskDefinitionKey()).isNotNull());
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.finished()
			.taskDefinitionKey(OpportunityToOrderProcess.Elements.TASK_APPROVE_DISCOUNT)
			.taskAssignee("sun.hao")
			.count()).isPositive();
	}

	@Test
	void shouldAddNothingWhenRunAgain() {
		Map<String, Long> before = counts();
		this.demoSales.run(null);
		assertThat(counts()).isEqualTo(before);
	}

	private Map<String, Long> counts() {
		return Map.of("leads", this.leads.count(), "opportunities", this.opportunities.count(), "orders",
				this.orders.count(), "customers", this.customers.count(), "process instances",
				this.historyService.createHistoricProcessInstanceQuery().count(), "tasks",
				this.historyService.createHistoricTaskInstanceQuery().count(), "jobs",
				this.managementService.createJobQuery().count());
	}

}
