package io.reflow.crm.platform.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;
import io.reflow.crm.platform.audit.ModelAuditRecord;
import io.reflow.crm.platform.deployment.ModelsDeployedEvent;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.TaskRest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's catalogue and the migration of running instances over real HTTP as the
 * demo {@code analyst}: leads are posted through {@code /api/leads} and wait at "Qualify
 * lead" of {@code lead-qualification}; a changed version is deployed with the repository
 * service (as Camunda Modeler's request would); the batch jobs are run by the test (the
 * job executor is off). Each test deploys a base version of its own first, so the
 * instances on it are only the test's leads. One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class ModelsApiChecks {

	static final String KEY = "lead-qualification";

	static final String MODEL = "processes/sales/lead-qualification.bpmn";

	static final String FORM = "forms/sales/qualify-lead.form";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ModelAudit audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	@Test
	void shouldMigrateRunningLeadsWithOneCallAfterACleanDryRunAndFinishThemOnTheNewVersion() throws IOException {
		Instant start = Instant.now().minusSeconds(1);
		ProcessDefinition base = deploy(
				model().replace("camunda:versionTag=\"to-be\"", "camunda:versionTag=\"happy-base\""), null);
		this.audit.record(ModelAuditAction.DEPLOYED, "mei.lin", "Camunda Modeler", base.getDeploymentId(),
				List.of(MODEL), "lead-qualification v" + base.getVersion());
		List<String> leads = List.of(postLead(), postLead());
		ProcessDefinition target = deploy(model().replace("name=\"Qualify lead\"", "name=\"Qualify lead (call)\"")
			.replace("camunda:versionTag=\"to-be\"", "camunda:versionTag=\"happy-target\""), "analyst");
		assertThat(target.getVersion()).isEqualTo(base.getVersion() + 1);

		// the catalogue: versions newest first, authors, running instances per version
		HttpResponse<String> catalogue = as("analyst", "/api/models/processes/" + KEY).get();
		assertThat(catalogue.statusCode()).as(catalogue.body()).isEqualTo(200);
		Map<String, Object> latest = JsonPath.read(catalogue.body(), "$.versions[0]");
		assertThat(latest).containsEntry("version", target.getVersion())
			.containsEntry("versionTag", "happy-target")
			.containsEntry("author", "analyst")
			.containsEntry("runningInstances", 0)
			.containsEntry("resource", MODEL)
			.containsEntry("deploymentId", target.getDeploymentId());
		Map<String, Object> previous = JsonPath.read(catalogue.body(), "$.versions[1]");
		assertThat(previous).containsEntry("version", base.getVersion())
			.containsEntry("author", "mei.lin")
			.containsEntry("runningInstances", 2)
			.containsEntry("source", "test");
		assertThat((String) previous.get("deployedAt")).isNotBlank();
		assertThat((Integer) JsonPath.read(catalogue.body(), "$.latestVersion")).isEqualTo(target.getVersion());
		HttpResponse<String> all = as("analyst", "/api/models/processes").get();
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(all.body(), "$[*].key")).contains(KEY, "opportunity-to-order",
				"support-case", "marketing-campaign");
		HttpResponse<String> xml = as("analyst",
				"/api/models/processes/" + KEY + "/versions/" + target.getVersion() + "/xml")
			.header("Accept", "application/xml")
			.get();
		assertThat(xml.statusCode()).isEqualTo(200);
		assertThat(xml.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/xml"));
		assertThat(xml.body()).contains("Qualify lead (call)");

		// dry run: clean, and nothing moved
		HttpResponse<String> dryRun = as("analyst", "/api/processes/" + KEY + "/migrations")
			.postJson("{\"sourceVersion\":%d,\"dryRun\":true}".formatted(base.getVersion()));
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		Map<String, Object> report = JsonPath.read(dryRun.body(), "$");
		assertThat(report).containsEntry("valid", true)
			.containsEntry("clean", true)
			.containsEntry("instances", 2)
			.containsEntry("migratable", 2)
			.containsEntry("targetVersion", target.getVersion())
			.containsEntry("failures", List.of());
		assertThat((List<String>) JsonPath.read(dryRun.body(), "$.instructions[*].sourceActivityId"))
			.contains("Task_QualifyLead", "BoundaryEvent_FirstContactOverdue");
		assertThat(onDefinition(base)).isEqualTo(2);

		// one call migrates them all, as a batch
		HttpResponse<String> started = as("analyst", "/api/processes/" + KEY + "/migrations")
			.postJson("{\"sourceVersion\":%d,\"targetVersion\":%d}".formatted(base.getVersion(), target.getVersion()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String batchId = JsonPath.read(started.body(), "$.batchId");
		assertThat(started.headers().firstValue("Location"))
			.hasValue("/api/processes/" + KEY + "/migrations/" + batchId);
		assertThat((Integer) JsonPath.read(started.body(), "$.instances")).isEqualTo(2);
		HttpResponse<String> running = as("analyst", "/api/processes/" + KEY + "/migrations/" + batchId).get();
		assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(running.body(), "$.done")).isFalse();
		assertThat((Integer) JsonPath.read(running.body(), "$.totalJobs")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(running.body(), "$.completedJobs")).isZero();
		assertThat(auditOf(start)).filteredOn((entry) -> entry.detail().contains(batchId))
			.extracting(ModelAuditRecord::action)
			.containsExactly(ModelAuditAction.MIGRATION_STARTED);

		runBatch(batchId);

		HttpResponse<String> finished = as("analyst", "/api/processes/" + KEY + "/migrations/" + batchId).get();
		assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
		Map<String, Object> progress = JsonPath.read(finished.body(), "$");
		assertThat(progress).containsEntry("done", true)
			.containsEntry("migrated", 2)
			.containsEntry("notMigrated", 0)
			.containsEntry("startedBy", "analyst")
			.containsEntry("source", "/api/processes");
		assertThat(onDefinition(base)).isZero();
		assertThat(onDefinition(target)).isEqualTo(2);
		List<ModelAuditRecord> trail = auditOf(start).stream()
			.filter((entry) -> entry.detail().contains(batchId))
			.toList();
		assertThat(trail).filteredOn((entry) -> entry.action() == ModelAuditAction.MIGRATION_STARTED)
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("analyst");
				assertThat(entry.source()).isEqualTo("/api/processes");
				assertThat(entry.subject()).isEqualTo(KEY);
				assertThat(entry.detail()).isEqualTo(
						"v" + base.getVersion() + " → v" + target.getVersion() + ", 2 instances, batch " + batchId);
			});
		assertThat(trail).filteredOn((entry) -> entry.action() == ModelAuditAction.MIGRATION_FINISHED)
			.singleElement()
			.satisfies((entry) -> assertThat(entry.detail()).contains("2 of 2 instances migrated"));
		// read again: the outcome is recorded once
		as("analyst", "/api/processes/" + KEY + "/migrations/" + batchId).get();
		assertThat(auditOf(start)).filteredOn(
				(entry) -> entry.action() == ModelAuditAction.MIGRATION_FINISHED && entry.detail().contains(batchId))
			.hasSize(1);
		HttpResponse<String> history = as("analyst", "/api/processes/" + KEY + "/migrations").get();
		assertThat((List<String>) JsonPath.read(history.body(), "$[*].batchId")).contains(batchId);

		// the migrated leads go on in the new version and end well
		for (String lead : leads) {
			TaskRest tasks = new TaskRest(this.port);
			List<Map<String, Object>> open = tasks.tasksOf("li.wei", lead);
			// a migrated task keeps its name; it now belongs to the new version
			assertThat(open).singleElement()
				.satisfies((task) -> assertThat(task).containsEntry("processDefinitionId", target.getId()));
			tasks.completed("li.wei", (String) open.get(0).get("id"), qualified());
			Jobs.runDue(this.managementService, lead);
			assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(lead).count()).isZero();
		}
		// and the next lead starts on it
		String next = postLead();
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(next)
			.singleResult()
			.getProcessDefinitionId()).isEqualTo(target.getId());
	}

	@Test
	void shouldListLeadsAtARemovedTaskWithTheReasonAndRefuseTheMigration() throws IOException {
		Instant start = Instant.now().minusSeconds(1);
		ProcessDefinition base = deploy(model(), null);
		List<String> leads = List.of(postLead(), postLead());
		ProcessDefinition target = deploy(model().replace("Task_QualifyLead", "Task_CallLead"), null);

		HttpResponse<String> dryRun = as("analyst", "/api/processes/" + KEY + "/migrations")
			.postJson("{\"sourceVersion\":%d,\"targetVersion\":%d,\"dryRun\":true}".formatted(base.getVersion(),
					target.getVersion()));
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(dryRun.body(), "$.valid")).isTrue();
		assertThat((Boolean) JsonPath.read(dryRun.body(), "$.clean")).isFalse();
		assertThat((Integer) JsonPath.read(dryRun.body(), "$.instances")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(dryRun.body(), "$.migratable")).isZero();
		assertThat((List<String>) JsonPath.read(dryRun.body(), "$.failures[*].processInstanceId"))
			.containsExactlyInAnyOrderElementsOf(leads);
		assertThat((List<String>) JsonPath.read(dryRun.body(), "$.failures[*].businessKey"))
			.allSatisfy((key) -> assertThat(key).startsWith("lead-"));
		assertThat((List<String>) JsonPath.read(dryRun.body(), "$.failures[0].reasons")).contains(
				"Is at 'Qualify lead' (Task_QualifyLead), which has no counterpart in version " + target.getVersion());
		assertThat((List<String>) JsonPath.read(dryRun.body(), "$.unmappedActivities[*].id"))
			.contains("Task_QualifyLead");

		HttpResponse<String> refused = as("analyst", "/api/processes/" + KEY + "/migrations")
			.postJson("{\"sourceVersion\":%d,\"targetVersion\":%d,\"dryRun\":false}".formatted(base.getVersion(),
					target.getVersion()));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(refused.body(), "$.detail"))
			.startsWith("2 of 2 instances v" + base.getVersion() + " → v" + target.getVersion() + " cannot be migrated")
			.contains("Qualify lead");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.failures[*].processInstanceId"))
			.containsExactlyInAnyOrderElementsOf(leads);
		assertThat(onDefinition(base)).isEqualTo(2);
		assertThat(auditOf(start)).filteredOn((entry) -> entry.action() == ModelAuditAction.MIGRATION_REFUSED)
			.singleElement()
			.satisfies((entry) -> assertThat(entry.actor()).isEqualTo("analyst"));

		// a plan that cannot work: 422
		HttpResponse<String> invalid = as("analyst", "/api/processes/" + KEY + "/migrations").postJson("""
				{"sourceVersion":%d,"targetVersion":%d,
				 "mappings":[{"sourceActivityId":"Task_QualifyLead","targetActivityId":"EndEvent_LeadConverted"}]}
				""".formatted(base.getVersion(), target.getVersion()));
		assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
		assertThat((String) JsonPath.read(invalid.body(), "$.detail")).contains("does not validate");

		// mapping the renamed task moves them
		HttpResponse<String> mapped = as("analyst", "/api/processes/" + KEY + "/migrations").postJson("""
				{"sourceVersion":%d,"targetVersion":%d,
				 "mappings":[{"sourceActivityId":"Task_QualifyLead","targetActivityId":"Task_CallLead"}]}
				""".formatted(base.getVersion(), target.getVersion()));
		assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(202);
		runBatch(JsonPath.read(mapped.body(), "$.batchId"));
		assertThat(onDefinition(target)).isEqualTo(2);
	}

	@Test
	void shouldMigrateAutomaticallyWhenTheNewVersionAsksForIt() throws IOException {
		Instant start = Instant.now().minusSeconds(1);
		ProcessDefinition base = deploy(model(), null);
		List<String> leads = List.of(postLead(), postLead());
		DeploymentWithDefinitions deployment = deployment(autoMigrating(model()), null);
		ProcessDefinition target = deployment.getDeployedProcessDefinitions().get(0);
		// published after a transaction's commit, as the deployment listener does, and a
		// second time: it must migrate once
		ModelsDeployedEvent deployed = new ModelsDeployedEvent(deployment.getId(), "test", "analyst",
				List.of(target.getId()), List.of());
		new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(status) -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						ModelsApiChecks.this.events.publishEvent(deployed);
					}
				}));
		this.events.publishEvent(deployed);

		HttpResponse<String> catalogue = as("analyst", "/api/models/processes/" + KEY).get();
		assertThat((Boolean) JsonPath.read(catalogue.body(), "$.autoMigrate")).isTrue();
		HttpResponse<String> history = as("analyst", "/api/processes/" + KEY + "/migrations").get();
		List<Map<String, Object>> automatic = JsonPath.read(history.body(),
				"$[?(@.startedBy == 'auto-migration' && @.targetVersion == " + target.getVersion() + ")]");
		assertThat(automatic).isNotEmpty();
		assertThat(automatic).filteredOn((m) -> m.get("sourceVersion").equals(base.getVersion()))
			.singleElement()
			.satisfies((m) -> assertThat(m).containsEntry("instances", 2));
		automatic.forEach((m) -> runBatch((String) m.get("batchId")));
		for (String lead : leads) {
			assertThat(this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(lead)
				.singleResult()
				.getProcessDefinitionId()).isEqualTo(target.getId());
		}
		assertThat(auditOf(start))
			.filteredOn((entry) -> entry.action() == ModelAuditAction.MIGRATION_STARTED
					&& entry.detail().startsWith("v" + base.getVersion() + " → v" + target.getVersion()))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("auto-migration");
				assertThat(entry.detail()).contains("2 instances").contains("automatically");
			});

		// a later version that drops the task: the plan validates, the leads stay, and
		// say why
		Instant later = Instant.now().minusSeconds(1);
		DeploymentWithDefinitions dropping = deployment(
				autoMigrating(model().replace("Task_QualifyLead", "Task_CallLead")), null);
		ProcessDefinition third = dropping.getDeployedProcessDefinitions().get(0);
		this.events.publishEvent(
				new ModelsDeployedEvent(dropping.getId(), "test", "analyst", List.of(third.getId()), List.of()));
		for (String lead : leads) {
			assertThat(this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(lead)
				.singleResult()
				.getProcessDefinitionId()).isEqualTo(target.getId());
		}
		assertThat(auditOf(later))
			.filteredOn((entry) -> entry.action() == ModelAuditAction.MIGRATION_REFUSED
					&& entry.detail().contains("stay on version " + target.getVersion()))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("auto-migration");
				assertThat(entry.detail()).contains("Qualify lead");
			});
	}

	@Test
	void shouldListDecisionsWithBacktestLinksAndRefuseBadRequests() {
		HttpResponse<String> decisions = as("analyst", "/api/models/decisions").get();
		assertThat(decisions.statusCode()).as(decisions.body()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(decisions.body(), "$[*].key")).contains("discount", "lead-scoring",
				"case-triage");
		List<Map<String, Object>> found = JsonPath.read(decisions.body(), "$[?(@.key == 'discount')]");
		Map<String, Object> discount = found.get(0);
		assertThat(discount).containsEntry("backtest", "/models/decisions/discount/backtest")
			.containsEntry("evaluations", 0);
		HttpResponse<String> one = as("analyst", "/api/models/decisions/discount").get();
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(one.body(), "$.versions[0].author")).isEqualTo("application");
		assertThat((String) JsonPath.read(one.body(), "$.versions[0].resource")).isEqualTo("decisions/discount.dmn");
		HttpResponse<String> dmn = as("analyst", "/api/models/decisions/discount/versions/1/xml").get();
		assertThat(dmn.statusCode()).isEqualTo(200);
		assertThat(dmn.body()).contains("<decision id=\"discount\"");

		assertProblem(as("analyst", "/api/models/decisions/no-such-decision").get(), 404, "no-such-decision");
		assertProblem(as("analyst", "/api/models/processes/" + KEY + "/versions/999/xml").get(), 404, "999");
		String path = "/api/processes/" + KEY + "/migrations";
		assertProblem(as("analyst", "/api/processes/no-such-process/migrations")
			.postJson("{\"sourceVersion\":1,\"dryRun\":true}"), 404, "no-such-process");
		assertProblem(as("analyst", path).postJson("{\"sourceVersion\":999,\"dryRun\":true}"), 400, "sourceVersion");
		assertProblem(as("analyst", path).postJson("{\"sourceVersion\":1,\"targetVersion\":999}"), 400,
				"targetVersion");
		assertProblem(as("analyst", path).postJson("{\"sourceVersion\":1,\"targetVersion\":1,\"dryRun\":true}"), 400,
				"targetVersion");
		assertProblem(as("analyst", path).postJson("{\"dryRun\":true}"), 400, "sourceVersion");
		assertProblem(as("analyst", path).postJson("{\"sourceVersion\":1,\"processInstanceIds\":[\"nope\"]}"), 400,
				"processInstanceIds");
		assertProblem(as("analyst", path).postJson("{\"sourceVersion\":1,\"dryRun\":\"maybe\"}"), 400, "dryRun");
		assertProblem(as("analyst", path + "/no-such-batch").get(), 404, "no-such-batch");
		assertProblem(as("analyst", "/api/processes/no-such-process/migrations").get(), 404, "no-such-process");
		HttpResponse<String> salesRep = as("li.wei", path).postJson("{\"sourceVersion\":1,\"dryRun\":true}");
		assertThat(salesRep.statusCode()).isEqualTo(403);
		assertThat(as("li.wei", "/api/models/processes").get().statusCode()).isEqualTo(403);
		assertThat(new Http(this.port).to("/api/models/processes").get().statusCode()).isEqualTo(401);
		// the page is for analysts too
		assertThat(as("li.wei", "/models").get().statusCode()).isEqualTo(403);
		HttpResponse<String> page = as("analyst", "/models").get();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("/js/models.js").contains("dmn-js/10.0.0/dist/dmn-viewer.production.min.js");
		// the home page links it for analysts and administrators only
		assertThat(as("analyst", "/").get().body()).contains("id=\"link-models\"");
		assertThat(as("admin", "/").get().body()).contains("id=\"link-models\"");
		assertThat(as("li.wei", "/").get().body()).doesNotContain("link-models");
	}

	static void assertProblem(HttpResponse<String> response, int status, String text) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains(text);
	}

	List<ModelAuditRecord> auditOf(Instant from) {
		return this.audit.list(KEY, from, Instant.now().plus(1, ChronoUnit.MINUTES), PageRequest.of(0, 100))
			.getContent();
	}

	long onDefinition(ProcessDefinition definition) {
		return this.runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
	}

	/**
	 * A north lead of 300 employees with budget (score 60): waits at "Qualify lead" for
	 * li.wei.
	 */
	String postLead() {
		String json = """
				{"companyName":"迁移测试%s有限公司","contactName":"王芳","email":"fang.wang@%s.example.cn","phone":"+86 139 0000 0000",
				 "source":"WEB","region":"NORTH","industry":"SOFTWARE","companySize":300,"budgetConfirmed":true}
				"""
			.formatted(Long.toHexString(System.nanoTime()), Long.toHexString(System.nanoTime()));
		HttpResponse<String> created = as("liu.yang", "/api/leads").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String pid = JsonPath.read(created.body(), "$.processInstanceId");
		Jobs.runDue(this.managementService, pid);
		assertThat(new TaskRest(this.port).tasksOf("li.wei", pid)).hasSize(1);
		return pid;
	}

	static String qualified() {
		return """
				{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":200000,"type":"Double"},
				 "authorityConfirmed":{"value":true},"need":{"value":"CRM for 50 reps"},"timeline":{"value":"WITHIN_3_MONTHS"}}
				""";
	}

	void runBatch(String batchId) {
		Jobs.runBatch(this.managementService, batchId);
	}

	ProcessDefinition deploy(String bpmn, String user) throws IOException {
		return deployment(bpmn, user).getDeployedProcessDefinitions().get(0);
	}

	/**
	 * Deploys a version with its form, as {@code user} when given (Camunda's operation
	 * log).
	 */
	DeploymentWithDefinitions deployment(String bpmn, String user) throws IOException {
		if (user != null) {
			this.identityService.setAuthentication(user, List.of("analysts"));
		}
		try (InputStream form = resource(FORM)) {
			return this.repositoryService.createDeployment()
				.name("models-it")
				.source("test")
				.addString(MODEL, bpmn)
				.addInputStream(FORM, form)
				.deployWithResult();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/**
	 * The analyst's switch, as Camunda Modeler writes it (after the process's
	 * documentation).
	 */
	static String autoMigrating(String bpmn) {
		return bpmn.replaceFirst("</bpmn:documentation>",
				"</bpmn:documentation>\n    <bpmn:extensionElements><camunda:properties>"
						+ "<camunda:property name=\"reflow.autoMigrate\" value=\"true\" />"
						+ "</camunda:properties></bpmn:extensionElements>");
	}

	static String model() throws IOException {
		try (InputStream in = resource(MODEL)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static InputStream resource(String name) {
		return ModelsApiChecks.class.getClassLoader().getResourceAsStream(name);
	}

}
