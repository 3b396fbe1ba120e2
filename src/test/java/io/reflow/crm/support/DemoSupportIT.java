package io.reflow.crm.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import io.reflow.crm.support.DemoSupport.Goal;
import io.reflow.crm.support.DemoSupport.Seed;
import io.reflow.crm.support.process.SupportCaseProcess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support demo data on H2: every demo case reached the state its row asks for through
 * the real {@code support-case} process, so every case status and priority is there, with
 * field visits, escalations to support leads and managers, and closed cases with the
 * customer's score; and a second run adds nothing.
 */
@DirtiesContext
@SpringBootTest(properties = "reflow.demo.seed-support=true")
@ActiveProfiles({ "demo", "test" })
class DemoSupportIT {

	@Autowired
	DemoSupport demoSupport;

	@Autowired
	SupportManagement support;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Test
	void shouldTakeEveryDemoCaseToItsGoal() {
		for (int i = 0; i < DemoSupport.SEEDS.size(); i++) {
			Seed seed = DemoSupport.SEEDS.get(i);
			CaseView serviceCase = this.support.findByExternalRef("demo-case-" + (i + 1)).orElseThrow();
			String row = "demo case " + (i + 1) + " (" + seed.goal() + ")";
			assertThat(serviceCase.status()).as(row).isEqualTo(switch (seed.goal()) {
				case OPEN -> CaseStatus.OPEN;
				case RESOLVED -> CaseStatus.RESOLVED;
				case CLOSED -> CaseStatus.CLOSED;
				default -> CaseStatus.IN_PROGRESS;
			});
			assertThat(serviceCase.escalations()).as(row).hasSize((seed.breach() != null) ? 1 : 0);
			assertThat(serviceCase.visits()).as(row).hasSize(seed.visit() ? 1 : 0);
			assertThat(serviceCase.awaitingFeedback()).as(row).isEqualTo(seed.goal() == Goal.RESOLVED);
			if (seed.goal() == Goal.REOPENED) {
				assertThat(serviceCase.reopenCount()).as(row).isEqualTo(1);
			}
		}
		assertThat(this.managementService.createJobQuery().withException().count()).isZero();
		assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
	}

	@Test
	void shouldSeedEveryStatusAndPriority() {
		List<CaseView> cases = all();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
		assertThat(cases.stream().map(CaseView::status).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(CaseStatus.values());
		assertThat(cases.stream().map(CaseView::priority).collect(Collectors.toSet())).containsExactlyInAnyOrder("P1",
				"P2", "P3", "P4");
		assertThat(cases.stream().map(CaseView::assigneeGroup).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder("support-tier1", "support-tier2", "billing", "field-service");
	}

	@Test
	void shouldEscalateToSupportLeadsAndManagersThroughTheModel() {
		List<CaseView> escalated = all().stream().filter((c) -> !c.escalations().isEmpty()).toList();
		assertThat(escalated).isNotEmpty();
		assertThat(escalated.stream()
			.flatMap((c) -> c.escalations().stream())
			.map(CaseView.EscalationView::escalatedTo)
			.collect(Collectors.toSet())).contains("support-leads", "support-managers");
		assertThat(escalated).anySatisfy((c) -> assertThat(c.responseBreached()).isTrue())
			.anySatisfy((c) -> assertThat(c.resolutionBreached()).isTrue());
		// the open escalated cases wait in the Tasklist of the group they went to
		assertThat(this.taskService.createTaskQuery()
			.processDefinitionKey(SupportCaseProcess.KEY)
			.taskDefinitionKey(SupportCaseProcess.Elements.TASK_RESOLVE_CASE)
			.taskCandidateGroup("support-leads")
			.count()).isPositive();
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.activityId(SupportCaseProcess.Elements.TASK_ESCALATE_CASE)
			.finished()
			.count()).isEqualTo(escalated.stream().mapToLong((c) -> c.escalations().size()).sum());
	}

	@Test
	void shouldPlanAndPerformFieldVisits() {
		List<CaseView.VisitView> visits = all().stream().flatMap((c) -> c.visits().stream()).toList();
		assertThat(visits).isNotEmpty()
			.anySatisfy((visit) -> assertThat(visit.performedAt()).isNull())
			.anySatisfy((visit) -> assertThat(visit.solved()).isTrue());
		assertThat(this.taskService.createTaskQuery()
			.taskDefinitionKey(SupportCaseProcess.Elements.TASK_PERFORM_VISIT)
			.taskCandidateGroup("field-service")
			.count()).isPositive();
	}

	@Test
	void shouldCloseCasesWithTheCustomersScore() {
		List<CaseView> closed = all().stream().filter((c) -> c.status() == CaseStatus.CLOSED).toList();
		assertThat(closed).isNotEmpty().allSatisfy((c) -> {
			assertThat(c.csat()).isBetween(1, 5);
			assertThat(c.closeReason()).isEqualTo("CUSTOMER_CONFIRMED");
		});
		assertThat(closed.stream().map(CaseView::csat).collect(Collectors.toSet())).hasSizeGreaterThan(2);
	}

	@Test
	void shouldRecordTheDemoUsersWhoWorkedTheCases() {
		Set<String> assignees = this.historyService.createHistoricTaskInstanceQuery()
			.processDefinitionKey(SupportCaseProcess.KEY)
			.list()
			.stream()
			.map((task) -> task.getAssignee())
			.filter((assignee) -> assignee != null)
			.collect(Collectors.toSet());
		assertThat(assignees).containsExactlyInAnyOrder("wu.qiang", "xu.jun", "lin.tao", "he.ping", "ma.lin",
				"guo.hua");
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.processDefinitionKey(SupportCaseProcess.KEY)
			.finished()
			.list()).allSatisfy((task) -> assertThat(task.getAssignee()).as(task.getTaskDefinitionKey()).isNotNull());
	}

	@Test
	void shouldAddNothingWhenRunAgain() {
		Map<String, Long> before = counts();
		this.demoSupport.run(null);
		assertThat(counts()).isEqualTo(before);
	}

	private List<CaseView> all() {
		return this.support.search(null, null, null, null, Pageable.unpaged()).getContent();
	}

	private Map<String, Long> counts() {
		return Map.of("cases", this.support.count(), "process instances",
				this.historyService.createHistoricProcessInstanceQuery().count(), "tasks",
				this.historyService.createHistoricTaskInstanceQuery().count(), "jobs",
				this.managementService.createJobQuery().count());
	}

}
