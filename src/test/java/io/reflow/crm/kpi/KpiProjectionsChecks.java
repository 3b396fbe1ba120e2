package io.reflow.crm.kpi;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The process KPIs end to end: real leads and cases run through their processes over
 * HTTP, then every figure of {@code /api/kpis/processes}, {@code /activities} and
 * {@code /tasks} is compared with figures computed here from Camunda's HistoryService and
 * TaskService; the rebuild from history must give the same JSON. One subclass per
 * database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class KpiProjectionsChecks {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
	RepositoryService repositoryService;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	javax.sql.DataSource dataSource;

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	String ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response.body();
	}

	static String lead(String source, int size, boolean budget, String industry, String region) {
		return """
				{"companyName":"杭州指标%s有限公司","contactName":"李娜","email":"na.li@%s.example.cn",
				 "source":"%s","region":"%s","industry":"%s","companySize":%d,"budgetConfirmed":%s}
				""".formatted(source, Long.toHexString(System.nanoTime()), source, region, industry, size, budget);
	}

	/** A one-task process for tests that need their own model. */
	void deployProbe(String key) {
		this.repositoryService.createDeployment()
			.addModelInstance(key + ".bpmn",
					Bpmn.createExecutableProcess(key)
						.camundaHistoryTimeToLive(1)
						.startEvent("StartEvent_Probe")
						.userTask("Task_Probe")
						.camundaCandidateGroups("managers")
						.endEvent("EndEvent_Probe")
						.done())
			.deploy();
	}

	String postLead(String json) {
		String body = ok(as("liu.yang", "/api/leads").postJson(json), 201);
		String pid = JsonPath.read(body, "$.processInstanceId");
		Jobs.runDue(this.managementService, pid);
		return pid;
	}

	String onlyTask(String processInstanceId) {
		List<Task> tasks = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		assertThat(tasks).hasSize(1);
		return tasks.get(0).getId();
	}

	void claim(String user, String taskId) {
		ok(as(user, "/engine-rest/task/" + taskId + "/claim").postJson("{\"userId\":\"" + user + "\"}"), 204);
	}

	void complete(String user, String taskId, String variables) {
		ok(as(user, "/engine-rest/task/" + taskId + "/complete").postJson("{\"variables\":" + variables + "}"), 204);
	}

	CustomerView customer() {
		String suffix = Long.toHexString(System.nanoTime());
		return this.customers.create(new CustomerDraft("成都指标文具有限公司" + suffix, "Software", Region.WEST, 80,
				Tier.STANDARD, "sales-west", CustomerStatus.ACTIVE,
				List.of(new ContactDraft(null, "赵敏", "min.zhao@" + suffix + ".example.cn", null, "IT lead")), null));
	}

	Map<String, Object> openCase(CustomerView customer) {
		String json = """
				{"customerId":%d,"contactId":%d,"channel":"PHONE","category":"INQUIRY","severity":"NORMAL",
				 "subject":"Export fails","description":"CSV export stops at 1000 rows"}
				""".formatted(customer.id(), customer.contacts().get(0).id());
		return JsonPath.read(ok(as("wu.qiang", "/api/cases").postJson(json), 201), "$");
	}

	/** Runs real cases: ended, waiting in a task, claimed and completed, one incident. */
	void runCases() throws InterruptedException {
		// ends in nurturing at once
		postLead(lead("COLD_CALL", 10, false, "OTHER", "WEST"));
		// qualified by li.wei after a claim: ends, and starts opportunity-to-order
		String qualified = postLead(lead("WEB", 300, true, "SOFTWARE", "NORTH"));
		String qualify = onlyTask(qualified);
		Thread.sleep(50);
		claim("li.wei", qualify);
		Thread.sleep(50);
		complete("li.wei", qualify,
				"""
						{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":200000,"type":"Double"},
						 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 50 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}
						""");
		Jobs.runDue(this.managementService, qualified);
		// waits for sales-north
		postLead(lead("WEB", 300, true, "SOFTWARE", "NORTH"));

		CustomerView customer = customer();
		Map<String, Object> resolved = openCase(customer);
		String casePid = (String) resolved.get("processInstanceId");
		Jobs.runDue(this.managementService, casePid);
		String resolve = onlyTask(casePid);
		// completed without a claim: all of it waiting
		Thread.sleep(30);
		complete("wu.qiang", resolve, """
				{"fieldVisitNeeded":{"value":false},"diagnosis":{"value":"Expired token"},
				 "resolution":{"value":"Renewed the API token"}}""");
		Jobs.runDue(this.managementService, casePid);
		ok(as("wu.qiang", "/api/cases/" + resolved.get("id") + "/feedback").postJson("{\"resolved\":true,\"csat\":5}"),
				200);
		Jobs.runDue(this.managementService, casePid);

		Map<String, Object> open = openCase(customer);
		String openPid = (String) open.get("processInstanceId");
		Jobs.runDue(this.managementService, openPid);
		String waiting = this.taskService.createTaskQuery().processInstanceId(openPid).singleResult().getExecutionId();
		this.runtimeService.createIncident("kpiTest", waiting, "probe", "a test incident");
	}

	@Test
	void shouldAnswerEveryProcessFigureAsHistoryAndTheRebuildDo() throws InterruptedException {
		runCases();
		LocalDate today = LocalDate.now(SHANGHAI);
		String period = "?from=" + today.minusDays(6) + "&to=" + today;

		String processes = ok(as("manager", "/api/kpis/processes" + period).get(), 200);
		checkProcesses(processes, today.minusDays(6), today);
		Map<String, String> activities = new HashMap<>();
		for (ProcessDefinition definition : latestDefinitions()) {
			String body = ok(as("manager", "/api/kpis/processes/" + definition.getKey() + "/activities" + period).get(),
					200);
			checkActivities(definition, body);
			activities.put(definition.getKey(), body);
		}
		checkTasks(ok(as("guo.hua", "/api/kpis/tasks").get(), 200));

		assertThat(as("manager", "/api/kpis/rebuild").postJson("{}").statusCode()).isEqualTo(403);
		String rebuilt = ok(as("admin", "/api/kpis/rebuild").postJson("{}"), 202);
		assertThat((Integer) JsonPath.read(rebuilt, "$.processInstances"))
			.isEqualTo((int) this.historyService.createHistoricProcessInstanceQuery().count());
		assertThat(ok(as("manager", "/api/kpis/processes" + period).get(), 200)).isEqualTo(processes);
		activities.forEach((key,
				body) -> assertThat(ok(as("manager", "/api/kpis/processes/" + key + "/activities" + period).get(), 200))
					.as(key)
					.isEqualTo(body));
	}

	void checkMeters() {
		String metrics = ok(as("manager", "/actuator/prometheus").get(), 200);
		long running = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey("lead-qualification")
			.unfinished()
			.count();
		assertThat(metrics).contains("reflow_process_running{process=\"lead-qualification\"} " + (double) running)
			.contains("reflow_process_completed_total{process=\"lead-qualification\"} 2.0")
			.contains("reflow_tasks_open{group=\"sales-north\"} " + (double) this.taskService.createTaskQuery()
				.taskCandidateGroup("sales-north")
				.includeAssignedTasks()
				.count());
	}

	List<ProcessDefinition> latestDefinitions() {
		return this.repositoryService.createProcessDefinitionQuery().latestVersion().list();
	}

	void checkProcesses(String body, LocalDate from, LocalDate to) {
		assertThat((String) JsonPath.read(body, "$.from")).isEqualTo(from.toString());
		assertThat((String) JsonPath.read(body, "$.to")).isEqualTo(to.toString());
		List<Map<String, Object>> processes = JsonPath.read(body, "$.processes");
		assertThat(processes).extracting((p) -> p.get("key"))
			.containsExactlyElementsOf(latestDefinitions().stream().map(ProcessDefinition::getKey).sorted().toList());
		long sawCompleted = 0;
		for (Map<String, Object> process : processes) {
			String key = (String) process.get("key");
			List<HistoricProcessInstance> instances = this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(key)
				.list();
			List<HistoricProcessInstance> started = instances.stream()
				.filter((i) -> onDays(i.getStartTime(), from, to))
				.toList();
			List<HistoricProcessInstance> ended = instances.stream()
				.filter((i) -> i.getEndTime() != null && onDays(i.getEndTime(), from, to))
				.toList();
			long running = this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(key)
				.unfinished()
				.count();
			long incidents = this.runtimeService.createIncidentQuery()
				.list()
				.stream()
				.map(Incident::getProcessDefinitionId)
				.filter((id) -> this.repositoryService.getProcessDefinition(id).getKey().equals(key))
				.count();
			assertThat(process).as(key)
				.containsEntry("started", started.size())
				.containsEntry("completed", ended.size())
				.containsEntry("running", (int) running)
				.containsEntry("incidents", (int) incidents);
			List<Integer> versions = this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.list()
				.stream()
				.map(ProcessDefinition::getVersion)
				.sorted()
				.toList();
			assertThat(process).containsEntry("versions", versions)
				.containsEntry("latestVersion", versions.get(versions.size() - 1));
			Map<String, Object> cycleTime = JsonPath.read(process, "$.cycleTime");
			List<Long> durations = ended.stream().map(HistoricProcessInstance::getDurationInMillis).sorted().toList();
			if (durations.isEmpty()) {
				assertThat(cycleTime).containsEntry("median", null)
					.containsEntry("p90", null)
					.containsEntry("average", null);
			}
			else {
				sawCompleted++;
				checkPercentile(key, cycleTime.get("median"), durations, 0.5);
				checkPercentile(key, cycleTime.get("p90"), durations, 0.9);
				double average = durations.stream().mapToLong(Long::longValue).average().orElseThrow() / 1000.0;
				assertThat(((Number) cycleTime.get("average")).doubleValue()).isCloseTo(average, within(1e-9));
			}
			List<Map<String, Object>> throughput = JsonPath.read(process, "$.throughput");
			assertThat(throughput).hasSize(7);
			for (Map<String, Object> day : throughput) {
				LocalDate date = LocalDate.parse((String) day.get("day"));
				assertThat(day).as(key + " " + date)
					.containsEntry("started",
							(int) started.stream().filter((i) -> onDays(i.getStartTime(), date, date)).count())
					.containsEntry("completed",
							(int) ended.stream().filter((i) -> onDays(i.getEndTime(), date, date)).count());
			}
		}
		assertThat(sawCompleted).as("processes with ended instances").isGreaterThanOrEqualTo(2);
	}

	/**
	 * The reported percentile is the representative of the bucket holding the exact
	 * nearest-rank duration: within 9.05 % of it, or both under a second.
	 */
	static void checkPercentile(String key, Object reported, List<Long> sortedMillis, double p) {
		long exact = sortedMillis.get((int) Math.ceil(p * sortedMillis.size()) - 1);
		double seconds = ((Number) reported).doubleValue();
		assertThat(seconds).as(key + " p" + p)
			.isEqualTo(DurationHistogram.representativeSeconds(DurationHistogram.bucket(exact)));
		if (exact >= 1000) {
			assertThat(seconds).isCloseTo(exact / 1000.0,
					within(exact / 1000.0 * DurationHistogram.MAX_RELATIVE_ERROR));
		}
		else {
			assertThat(seconds).isLessThan(1);
		}
	}

	static boolean onDays(Date time, LocalDate from, LocalDate to) {
		LocalDate day = LocalDate.ofInstant(time.toInstant(), SHANGHAI);
		return !day.isBefore(from) && !day.isAfter(to);
	}

	void checkActivities(ProcessDefinition definition, String body) {
		assertThat((String) JsonPath.read(body, "$.key")).isEqualTo(definition.getKey());
		assertThat((Integer) JsonPath.read(body, "$.version")).isEqualTo(definition.getVersion());
		assertThat((String) JsonPath.read(body, "$.definitionId")).isEqualTo(definition.getId());
		Map<String, List<HistoricActivityInstance>> ended = this.historyService.createHistoricActivityInstanceQuery()
			.processDefinitionId(definition.getId())
			.finished()
			.list()
			.stream()
			.collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId));
		Map<String, List<HistoricTaskInstance>> tasks = this.historyService.createHistoricTaskInstanceQuery()
			.processDefinitionId(definition.getId())
			.finished()
			.list()
			.stream()
			.filter((task) -> "completed".equals(task.getDeleteReason()))
			.collect(Collectors.groupingBy(HistoricTaskInstance::getTaskDefinitionKey));
		List<Map<String, Object>> activities = JsonPath.read(body, "$.activities");
		assertThat(activities).extracting((a) -> a.get("activityId"))
			.as(definition.getKey())
			.containsExactlyElementsOf(new TreeSet<>(ended.keySet()));
		for (Map<String, Object> activity : activities) {
			String id = (String) activity.get("activityId");
			List<HistoricActivityInstance> instances = ended.get(id);
			assertThat(activity).as(id)
				.containsEntry("type", instances.get(0).getActivityType())
				.containsEntry("name", instances.get(0).getActivityName())
				.containsEntry("count", instances.size());
			double duration = instances.stream()
				.mapToLong(HistoricActivityInstance::getDurationInMillis)
				.average()
				.orElseThrow() / 1000.0;
			assertThat(((Number) activity.get("averageDuration")).doubleValue()).isCloseTo(duration, within(1e-9));
			List<HistoricTaskInstance> completed = tasks.getOrDefault(id, List.of());
			if (completed.isEmpty()) {
				assertThat(activity).containsEntry("averageWaiting", null).containsEntry("averageWorking", null);
				continue;
			}
			long waiting = 0;
			long working = 0;
			for (HistoricTaskInstance task : completed) {
				long start = task.getStartTime().getTime();
				long end = task.getEndTime().getTime();
				Long assigned = this.historyService.createHistoricIdentityLinkLogQuery()
					.taskId(task.getId())
					.type("assignee")
					.operationType("add")
					.list()
					.stream()
					.map(HistoricIdentityLinkLog::getTime)
					.map(Date::getTime)
					.min(Comparator.naturalOrder())
					.orElse(null);
				long waited = (assigned != null) ? Math.min(end - start, Math.max(0, assigned - start)) : end - start;
				waiting += waited;
				working += (end - start) - waited;
			}
			assertThat(((Number) activity.get("averageWaiting")).doubleValue()).as(id + " waiting")
				.isCloseTo(waiting / 1000.0 / completed.size(), within(1e-9));
			assertThat(((Number) activity.get("averageWorking")).doubleValue()).as(id + " working")
				.isCloseTo(working / 1000.0 / completed.size(), within(1e-9));
		}
	}

	void checkTasks(String body) {
		Instant now = Instant.now();
		Set<String> groups = new TreeSet<>();
		for (Task task : this.taskService.createTaskQuery().list()) {
			for (IdentityLink link : this.taskService.getIdentityLinksForTask(task.getId())) {
				if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}
		}
		List<Map<String, Object>> reported = JsonPath.read(body, "$.groups");
		assertThat(reported).extracting((g) -> g.get("group")).containsExactlyElementsOf(groups);
		assertThat(groups).contains("sales-north", "support-tier1");
		for (Map<String, Object> group : reported) {
			String name = (String) group.get("group");
			List<Task> open = this.taskService.createTaskQuery().taskCandidateGroup(name).includeAssignedTasks().list();
			assertThat(group).as(name).containsEntry("open", open.size());
			List<Double> ages = new ArrayList<>();
			open.forEach((task) -> ages.add((now.toEpochMilli() - task.getCreateTime().getTime()) / 1000.0));
			assertThat(((Number) group.get("averageAge")).doubleValue())
				.isCloseTo(ages.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(5.0));
			assertThat(((Number) group.get("oldestAge")).doubleValue())
				.isCloseTo(ages.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), within(5.0));
		}
		String one = ok(as("manager", "/api/kpis/tasks?group=sales-north").get(), 200);
		assertThat((List<String>) JsonPath.read(one, "$.groups[*].group")).containsExactly("sales-north");
	}

	@Test
	void shouldWriteTheProjectionInTheEngineTransactionAndRollItBackWithIt() {
		deployProbe("kpi-probe");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		// a later synchronization fails the commit after the projection was written
		assertThatThrownBy(() -> transaction.executeWithoutResult((status) -> {
			this.runtimeService.startProcessInstanceByKey("kpi-probe");
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					assertThat(jdbc.queryForObject(
							"select count(*) from kpi_process_running where process_key = 'kpi-probe'", Long.class))
						.as("written before commit, on the engine's connection")
						.isEqualTo(1);
					throw new IllegalStateException("fail the commit");
				}
			});
		})).hasMessage("fail the commit");
		assertThat(jdbc.queryForObject("select count(*) from kpi_process_running where process_key = 'kpi-probe'",
				Long.class))
			.isZero();
		assertThat(this.historyService.createHistoricProcessInstanceQuery().processDefinitionKey("kpi-probe").count())
			.isZero();

		this.runtimeService.startProcessInstanceByKey("kpi-probe");
		assertThat(jdbc.queryForObject("select running from kpi_process_running where process_key = 'kpi-probe'",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void shouldKeepVariableHistoryButNoVariableUpdateDetails() {
		deployProbe("detail-probe");
		String id = this.runtimeService.startProcessInstanceByKey("detail-probe", Map.of("amount", 1)).getId();
		this.runtimeService.setVariable(id, "amount", 2);

		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(id)
			.variableName("amount")
			.singleResult()
			.getValue()).isEqualTo(2);
		assertThat(this.historyService.createHistoricDetailQuery().processInstanceId(id).variableUpdates().count())
			.as("no ACT_HI_DETAIL rows (DbHistoryWithoutVariableDetails)")
			.isZero();
		assertThat(this.historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count())
			.as("activity history as before")
			.isEqualTo(2);
	}

	@Test
	void shouldRefuseBadPeriodsSalesRepsAndListThePathsInOpenApi() {
		LocalDate today = LocalDate.now(SHANGHAI);
		HttpResponse<String> reversed = as("manager", "/api/kpis/processes?from=" + today + "&to=" + today.minusDays(1))
			.get();
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(reversed.body(), "$.detail")).contains("from");
		HttpResponse<String> tooLong = as("manager",
				"/api/kpis/processes/support-case/activities?from=" + today.minusDays(366) + "&to=" + today)
			.get();
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(
				as("manager", "/api/kpis/processes?from=" + today.minusDays(365) + "&to=" + today).get().statusCode())
			.isEqualTo(200);
		assertThat(as("manager", "/api/kpis/processes?from=yesterday").get().statusCode()).isEqualTo(400);

		assertThat(as("li.wei", "/api/kpis/processes").get().statusCode()).isEqualTo(403);
		assertThat(as("li.wei", "/api/kpis/tasks").get().statusCode()).isEqualTo(403);

		String defaults = ok(as("feng.kai", "/api/kpis/processes").get(), 200);
		assertThat((String) JsonPath.read(defaults, "$.to")).isEqualTo(today.toString());
		assertThat((String) JsonPath.read(defaults, "$.from")).isEqualTo(today.minusDays(29).toString());
		assertThat(as("manager", "/api/kpis/processes/no-such-process/activities").get().statusCode()).isEqualTo(404);

		HttpResponse<String> diagram = as("manager", "/api/kpis/processes/lead-qualification/diagram").get();
		assertThat(diagram.statusCode()).isEqualTo(200);
		assertThat(diagram.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/xml"));
		assertThat(diagram.body()).contains("id=\"lead-qualification\"");

		Map<String, Object> paths = JsonPath.read(ok(as("manager", "/v3/api-docs").get(), 200), "$.paths");
		assertThat(paths).containsKeys("/api/kpis/processes", "/api/kpis/processes/{key}/activities",
				"/api/kpis/processes/{key}/diagram", "/api/kpis/tasks", "/api/kpis/rebuild");
	}

}
