package io.reflow.crm.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.audit.ModelAuditAction;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Jobs;
import io.reflow.crm.testsupport.TaskRest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploying from Camunda Modeler over real HTTP: the exact request Modeler 5 sends (see
 * {@link ModelerDeployRequest}) as the demo analyst, then the next lead on the new
 * version; refusals with the status and message Modeler shows (403 naming the permission,
 * 401, 400 with the parser's line), nothing deployed when refused; the audit trail of
 * deployments and refusals over {@code /api/models/audit}; grants for a new process key;
 * and a restart after a Modeler deployment. One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Import(ModelerDeploymentChecks.DeployedEvents.class)
abstract class ModelerDeploymentChecks {

	/**
	 * Records every {@link ModelsDeployedEvent} with what its listener saw: whether the
	 * deployment was committed (visible from the listener's own transaction) and whether
	 * the engine still had the deploying user authenticated.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DeployedEvents {

		final List<Seen> seen = new CopyOnWriteArrayList<>();

		record Seen(ModelsDeployedEvent event, boolean committed, boolean inTransaction, String engineUser) {
		}

		@Autowired
		RepositoryService repositoryService;

		@Autowired
		IdentityService identityService;

		@EventListener
		void on(ModelsDeployedEvent event) {
			boolean committed = this.repositoryService.createDeploymentQuery()
				.deploymentId(event.deploymentId())
				.count() == 1;
			Authentication authentication = this.identityService.getCurrentAuthentication();
			this.seen.add(new Seen(event, committed, TransactionSynchronizationManager.isActualTransactionActive(),
					(authentication != null) ? authentication.getUserId() : null));
		}

		List<Seen> of(String deploymentId) {
			return this.seen.stream().filter((seen) -> seen.event().deploymentId().equals(deploymentId)).toList();
		}

	}

	@Autowired
	DeployedEvents events;

	static final String LEAD_QUALIFICATION = "lead-qualification";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ModelDeployer modelDeployer;

	static String file(String path) {
		try {
			return Files.readString(Path.of(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String leadQualification() {
		return file("processes/sales/lead-qualification.bpmn");
	}

	static String qualifyLeadForm() {
		return file("forms/sales/qualify-lead.form");
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	long deployments() {
		return this.repositoryService.createDeploymentQuery().count();
	}

	ProcessDefinition latest(String key) {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
	}

	/** The audit entries of one subject, as an analyst reads them. */
	List<Map<String, Object>> audit(String subject) {
		HttpResponse<String> response = as("analyst", "/api/models/audit?subject=" + subject).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.content");
	}

	/** The refusals recorded for a deployment name, newest first. */
	List<Map<String, Object>> refusals(String deploymentName) {
		return audit(deploymentName).stream()
			.filter((entry) -> ModelAuditAction.DEPLOY_REFUSED.name().equals(entry.get("action")))
			.toList();
	}

	/**
	 * Posts a lead for a big company as marketing does and runs its scoring and
	 * assignment.
	 */
	String postBigLead() {
		String json = """
				{"companyName":"南京部署测试有限公司","contactName":"李娜","email":"na.li@%s.example.cn","phone":"+86 139 0000 0000",
				 "source":"WEB","region":"SOUTH","industry":"SOFTWARE","companySize":1200,"budgetConfirmed":false}
				"""
			.formatted(Long.toHexString(System.nanoTime()));
		HttpResponse<String> created = as("liu.yang", "/api/leads").postJson(json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String processInstanceId = JsonPath.read(created.body(), "$.processInstanceId");
		Jobs.runDue(this.managementService, processInstanceId);
		return processInstanceId;
	}

	@Test
	void shouldDeployAChangedLeadQualificationWithItsFormAndADecisionFromModelerAndRunTheNextLeadOnIt() {
		int before = latest(LEAD_QUALIFICATION).getVersion();
		String redesigned = leadQualification().replace("name=\"Qualify lead\"", "name=\"Qualify lead (BANT)\"");
		String form = qualifyLeadForm().replace("Decide whether this lead is worth a quote.",
				"Decide with BANT whether this lead is worth a quote.");
		String decision = file("decisions/lead-scoring.dmn");
		ModelerDeployRequest request = ModelerDeployRequest.diagram("lead-qualification.bpmn", redesigned)
			.attach("qualify-lead.form", form)
			.attach("lead-scoring.dmn", decision);

		HttpResponse<String> response = request.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String deploymentId = JsonPath.read(response.body(), "$.id");
		assertThat((String) JsonPath.read(response.body(), "$.source")).isEqualTo("Camunda Modeler");
		assertThat((List<Integer>) JsonPath.read(response.body(), "$.deployedProcessDefinitions.*.version"))
			.containsExactly(before + 1);
		assertThat((List<String>) JsonPath.read(response.body(), "$.deployedDecisionDefinitions.*.key"))
			.containsExactly("lead-scoring");
		ProcessDefinition deployed = latest(LEAD_QUALIFICATION);
		assertThat(deployed.getVersion()).isEqualTo(before + 1);
		assertThat(deployed.getDeploymentId()).isEqualTo(deploymentId);
		assertThat(deployed.getResourceName()).isEqualTo("lead-qualification.bpmn");

		// the next lead runs on the new version, with the form deployed alongside
		String processInstanceId = postBigLead();
		ProcessInstance instance = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		assertThat(instance.getProcessDefinitionId()).isEqualTo(deployed.getId());
		List<Map<String, Object>> tasks = new TaskRest(this.port).tasksOf("zhang.min", processInstanceId);
		assertThat(tasks).extracting((task) -> task.get("name")).containsExactly("Qualify lead (BANT)");
		HttpResponse<String> deployedForm = as("zhang.min",
				"/engine-rest/task/" + tasks.get(0).get("id") + "/deployed-form")
			.get();
		assertThat(deployedForm.statusCode()).as(deployedForm.body()).isEqualTo(200);
		assertThat(deployedForm.body()).contains("Decide with BANT whether");

		// in the audit trail: who, from where, which files, which versions
		List<Map<String, Object>> entries = audit(deploymentId);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0)).containsEntry("action", "DEPLOYED")
			.containsEntry("actor", "analyst")
			.containsEntry("source", "Camunda Modeler")
			.containsEntry("resources", List.of("lead-qualification.bpmn", "lead-scoring.dmn", "qualify-lead.form"));
		assertThat((String) entries.get(0).get("detail")).contains("lead-qualification v" + (before + 1) + " (process)")
			.contains("lead-scoring v")
			.contains("qualify-lead v");

		// published once, after the commit, to listeners running as the application
		assertThat(this.events.of(deploymentId)).singleElement().satisfies((seen) -> {
			assertThat(seen.event().source()).isEqualTo("Camunda Modeler");
			assertThat(seen.event().actor()).isEqualTo("analyst");
			assertThat(seen.event().processDefinitionIds()).containsExactly(deployed.getId());
			assertThat(seen.event().decisionDefinitionIds()).singleElement()
				.satisfies((id) -> assertThat(id).startsWith("lead-scoring:"));
			assertThat(seen.committed()).isTrue();
			assertThat(seen.inTransaction()).isTrue();
			assertThat(seen.engineUser()).isNull();
		});

		// pressing Deploy again changes nothing (Modeler asks for duplicate filtering)
		HttpResponse<String> again = request.send(this.port);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(again.body(), "$.id")).isEqualTo(deploymentId);
		assertThat(latest(LEAD_QUALIFICATION).getVersion()).isEqualTo(before + 1);
		assertThat(audit(deploymentId)).hasSize(1);
		assertThat(this.events.of(deploymentId)).hasSize(1);

		// a restart with the repository's unchanged files keeps the analyst's version
		assertThat(this.modelDeployer.deploy().deployed()).isFalse();
		assertThat(latest(LEAD_QUALIFICATION).getId()).isEqualTo(deployed.getId());
	}

	@Test
	void shouldRefuseASalesRepWith403NamingTheMissingPermissionAndDeployNothing() {
		long before = deployments();
		int eventsBefore = this.events.seen.size();

		HttpResponse<String> response = ModelerDeployRequest.diagram("rep-attempt.bpmn", leadQualification())
			.attach("qualify-lead.form", qualifyLeadForm())
			.as("li.wei", "demo")
			.send(this.port);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("AuthorizationException");
		assertThat((String) JsonPath.read(response.body(), "$.message"))
			.isEqualTo("The user with id 'li.wei' does not have 'CREATE' permission on resource 'Deployment'.");
		assertThat(deployments()).isEqualTo(before);
		assertThat(this.events.seen).hasSize(eventsBefore);
		List<Map<String, Object>> refused = refusals("rep-attempt");
		assertThat(refused).hasSize(1);
		assertThat(refused.get(0)).containsEntry("actor", "li.wei")
			.containsEntry("source", "Camunda Modeler")
			.containsEntry("resources", List.of("qualify-lead.form", "rep-attempt.bpmn"));
		assertThat((String) refused.get(0).get("detail")).contains("'CREATE' permission on resource 'Deployment'");
	}

	@Test
	void shouldAnswerModelersConnectionCheckAsTheDeployDialogExpects() {
		// the dialog asks without credentials first: 401 makes it show "HTTP Basic"
		HttpResponse<String> anonymous = new Http(this.port).to("/engine-rest/deployment?maxResults=0")
			.header("accept", "application/json")
			.get();
		HttpResponse<String> analyst = as("analyst", "/engine-rest/deployment?maxResults=0")
			.header("accept", "application/json")
			.get();

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
		assertThat(analyst.body()).isEqualTo("[]");
	}

	@Test
	void shouldAnswerAWrongPasswordWith401AndDeployNothing() {
		long before = deployments();

		// another user than the analyst: Camunda locks a user for seconds after a wrong
		// password
		HttpResponse<String> response = ModelerDeployRequest.diagram("lead-qualification.bpmn", leadQualification())
			.as("wang.fang", "wrong")
			.send(this.port);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		// Camunda Modeler shows the "message" of the answer
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"AuthenticationException\"")
			.contains("\"message\":\"Wrong or missing credentials");
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldRefuseXmlThatDoesNotParseWith400AndTheParsersLineAndDeployNothing() {
		long before = deployments();
		String broken = leadQualification().replace(
				"<bpmn:startEvent id=\"StartEvent_LeadCreated\" name=\"Lead created\">",
				"<bpmn:startEvent id=\"StartEvent_LeadCreated\" name=\"Lead created\"");

		HttpResponse<String> response = ModelerDeployRequest.diagram("broken-xml.bpmn", broken)
			.attach("qualify-lead.form", qualifyLeadForm())
			.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("ParseException");
		assertThat((String) JsonPath.read(response.body(), "$.message")).contains("broken-xml.bpmn")
			.contains("Not well-formed XML");
		assertThat((Integer) JsonPath.read(response.body(), "$.details['broken-xml.bpmn'].errors[0].line"))
			.isEqualTo(lineOf(broken, "<bpmn:startEvent id=\"StartEvent_LeadCreated\"") + 1);
		assertThat(deployments()).isEqualTo(before);
		assertThat(refusals("broken-xml")).singleElement()
			.satisfies((entry) -> assertThat((String) entry.get("detail")).contains("Not well-formed XML"));
	}

	@Test
	void shouldRefuseAModelTheBpmnParserRejectsWith400AndTheLineAndDeployNothing() {
		long before = deployments();
		String invalid = leadQualification().replace("sourceRef=\"StartEvent_LeadCreated\"",
				"sourceRef=\"StartEvent_Nowhere\"");

		HttpResponse<String> response = ModelerDeployRequest.diagram("invalid-flow.bpmn", invalid)
			.attach("qualify-lead.form", qualifyLeadForm())
			.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message"))
			.startsWith("ENGINE-09005 Could not parse BPMN process.")
			.contains("Invalid source 'StartEvent_Nowhere' of sequence flow 'Flow_ToScoreLead'");
		List<Integer> lines = JsonPath.read(response.body(), "$.details['invalid-flow.bpmn'].errors[*].line");
		assertThat(lines).contains(lineOf(invalid, "id=\"Flow_ToScoreLead\""));
		assertThat(deployments()).isEqualTo(before);
		assertThat(refusals("invalid-flow")).hasSize(1);
	}

	@Test
	void shouldRefuseAProcessThatIsNotExecutableWith400AndTheLineAndDeployNothing() {
		long before = deployments();
		String notExecutable = leadQualification().replace("isExecutable=\"true\"", "isExecutable=\"false\"");

		HttpResponse<String> response = ModelerDeployRequest.diagram("not-executable.bpmn", notExecutable)
			.attach("qualify-lead.form", qualifyLeadForm())
			.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("ParseException");
		assertThat((String) JsonPath.read(response.body(), "$.details['not-executable.bpmn'].errors[0].message"))
			.contains("Process 'lead-qualification' is not executable");
		assertThat((Integer) JsonPath.read(response.body(), "$.details['not-executable.bpmn'].errors[0].line"))
			.isEqualTo(lineOf(notExecutable, "<bpmn:process id=\"lead-qualification\""));
		assertThat((String) JsonPath.read(response.body(), "$.details['not-executable.bpmn'].errors[0].mainElementId"))
			.isEqualTo(LEAD_QUALIFICATION);
		assertThat(deployments()).isEqualTo(before);
		assertThat(refusals("not-executable")).singleElement()
			.satisfies((entry) -> assertThat((String) entry.get("detail")).contains("is not executable"));
	}

	@Test
	void shouldRefuseFormsThatAreNotJsonOrHaveNoIdWith400() {
		long before = deployments();

		HttpResponse<String> notJson = ModelerDeployRequest.diagram("form-not-json.bpmn", leadQualification())
			.attach("qualify-lead.form", "{\n  \"id\": \"qualify-lead\",\n  components\n}")
			.send(this.port);
		HttpResponse<String> noId = ModelerDeployRequest.diagram("form-without-id.bpmn", leadQualification())
			.attach("qualify-lead.form", qualifyLeadForm().replace("\"id\": \"qualify-lead\",", ""))
			.send(this.port);

		assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(notJson.body(), "$.details['qualify-lead.form'].errors[0].message"))
			.startsWith("Form is not valid JSON");
		assertThat((Integer) JsonPath.read(notJson.body(), "$.details['qualify-lead.form'].errors[0].line"))
			.isEqualTo(3);
		assertThat(noId.statusCode()).as(noId.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(noId.body(), "$.message")).contains("Form has no \"id\"");
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAProcessWhoseFormIsNotAttachedWith400NamingTheForm() {
		long before = deployments();

		HttpResponse<String> response = ModelerDeployRequest.diagram("form-missing.bpmn", leadQualification())
			.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.details['form-missing.bpmn'].errors[0].message"))
			.contains("'Task_QualifyLead' binds form 'qualify-lead'")
			.contains("attach the form file (qualify-lead.form)");
		assertThat((Integer) JsonPath.read(response.body(), "$.details['form-missing.bpmn'].errors[0].line"))
			.isEqualTo(lineOf(leadQualification(), "<bpmn:userTask id=\"Task_QualifyLead\""));
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldRefuseADecisionWithoutHistoryTimeToLiveOrNotWellFormedWith400() {
		long before = deployments();
		String decision = file("decisions/lead-scoring.dmn");
		String withoutTtl = decision.replaceAll(" camunda:historyTimeToLive=\"[^\"]*\"", "");

		HttpResponse<String> noTtl = ModelerDeployRequest.diagram("lead-scoring.dmn", withoutTtl).send(this.port);
		HttpResponse<String> broken = ModelerDeployRequest
			.diagram("lead-scoring.dmn", decision.replace("</definitions>", ""))
			.send(this.port);
		// well-formed, but the DMN transformer refuses it (the engine alone answers 500)
		HttpResponse<String> unknownHitPolicy = ModelerDeployRequest
			.diagram("lead-scoring.dmn", decision.replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"SOMETIMES\""))
			.send(this.port);

		assertThat(noTtl.statusCode()).as(noTtl.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(noTtl.body(), "$.details['lead-scoring.dmn'].errors[0].message"))
			.contains("Decision 'lead-scoring' has no History Time To Live");
		assertThat((Integer) JsonPath.read(noTtl.body(), "$.details['lead-scoring.dmn'].errors[0].line"))
			.isEqualTo(lineOf(withoutTtl, "<decision id=\"lead-scoring\""));
		assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(broken.body(), "$.details['lead-scoring.dmn'].errors[0].message"))
			.startsWith("Not well-formed XML");
		assertThat(unknownHitPolicy.statusCode()).as(unknownHitPolicy.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknownHitPolicy.body(), "$.type")).isEqualTo("ParseException");
		assertThat((String) JsonPath.read(unknownHitPolicy.body(), "$.message")).contains("lead-scoring.dmn")
			.contains("SOMETIMES");
		assertThat((Integer) JsonPath.read(unknownHitPolicy.body(), "$.details['lead-scoring.dmn'].errors[0].line"))
			.isEqualTo(lineOf(decision, "<decisionTable "));
		assertThat(deployments()).isEqualTo(before);
		assertThat(refusals("lead-scoring")).hasSize(3);
	}

	@Test
	void shouldRefuseATenantIdWith400() {
		long before = deployments();

		HttpResponse<String> response = ModelerDeployRequest.diagram("lead-qualification.bpmn", leadQualification())
			.attach("qualify-lead.form", qualifyLeadForm())
			.tenant("north")
			.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message")).contains("does not use tenants")
			.contains("Tenant ID");
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAModeler4DeploymentThatWouldLeaveTheFormBehind() {
		String first = leadQualification().replace("name=\"Lead qualification\"", "name=\"Lead qualification (M4)\"");
		ModelerDeployRequest.diagram("legacy-modeler.bpmn", first)
			.attach("qualify-lead.form", qualifyLeadForm())
			.legacyChangedOnly()
			.send(this.port);
		long before = deployments();
		String second = first.replace("name=\"Qualify lead\"", "name=\"Qualify lead (M4)\"");

		// deploy-changed-only drops the unchanged form from the deployment
		HttpResponse<String> response = ModelerDeployRequest.diagram("legacy-modeler.bpmn", second)
			.attach("qualify-lead.form", qualifyLeadForm())
			.legacyChangedOnly()
			.send(this.port);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message")).contains("binds form 'qualify-lead'");
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldGrantTheModuleGroupsANewProcessKeyRightAfterItsDeployment() {
		String callBack = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://reflow.io/test">
				  <bpmn:process id="%1$s" name="Call back" isExecutable="true" camunda:historyTimeToLive="P30D">
				    %2$s
				    <bpmn:startEvent id="StartEvent_CallBackRequested" />
				    <bpmn:sequenceFlow id="Flow_ToCallBack" sourceRef="StartEvent_CallBackRequested" targetRef="Task_CallBack" />
				    <bpmn:userTask id="Task_CallBack" name="Call back" camunda:candidateGroups="%3$s" />
				  </bpmn:process>
				</bpmn:definitions>
				""";
		String byGroups = callBack.formatted("sales-call-back", "", "sales-north,sales-south");
		String byProperty = callBack.formatted("support-call-back",
				"<bpmn:extensionElements><camunda:properties><camunda:property name=\"module\" value=\"support\" />"
						+ "</camunda:properties></bpmn:extensionElements>",
				"analysts");

		assertThat(ModelerDeployRequest.diagram("sales-call-back.bpmn", byGroups).send(this.port).statusCode())
			.isEqualTo(200);
		assertThat(ModelerDeployRequest.diagram("support-call-back.bpmn", byProperty).send(this.port).statusCode())
			.isEqualTo(200);

		// sales works the one whose tasks are for sales groups, support the one declared
		// for support; neither sees the other's
		assertThat(as("li.wei", "/engine-rest/process-definition/key/sales-call-back").get().statusCode())
			.isEqualTo(200);
		assertThat(
				as("li.wei", "/engine-rest/process-definition/key/sales-call-back/start").postJson("{}").statusCode())
			.isEqualTo(200);
		assertThat(as("wu.qiang", "/engine-rest/process-definition/key/sales-call-back").get().statusCode())
			.isEqualTo(404);
		assertThat(as("wu.qiang", "/engine-rest/process-definition/key/support-call-back/start").postJson("{}")
			.statusCode()).isEqualTo(200);
		assertThat(as("li.wei", "/engine-rest/process-definition/key/support-call-back").get().statusCode())
			.isEqualTo(404);
	}

	@Test
	void shouldRecordTheStartUpDeploymentWithoutActor() {
		String startup = this.repositoryService.createDeploymentQuery()
			.deploymentName("reflow-models")
			.orderByDeploymentTime()
			.asc()
			.list()
			.get(0)
			.getId();

		List<Map<String, Object>> entries = audit(startup);

		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("action", "DEPLOYED")
				.containsEntry("actor", null)
				.containsEntry("source", "reflow-startup");
			assertThat((List<String>) entry.get("resources")).contains("processes/sales/lead-qualification.bpmn",
					"forms/sales/qualify-lead.form", "decisions/discount.dmn");
			assertThat((String) entry.get("detail")).contains("lead-qualification v1 (process)")
				.contains("discount v1 (decision)");
		});
	}

	@Test
	void shouldListTheAuditTrailForAnalystsOnlyWithinAPeriod() {
		String today = LocalDate.now().toString();

		HttpResponse<String> analyst = as("analyst", "/api/models/audit?from=" + today + "&to=" + today + "&size=5")
			.get();
		HttpResponse<String> admin = as("admin", "/api/models/audit").get();
		HttpResponse<String> rep = as("li.wei", "/api/models/audit").get();
		HttpResponse<String> past = as("analyst", "/api/models/audit?from=2020-01-01&to=2020-12-31").get();
		HttpResponse<String> reversed = as("analyst", "/api/models/audit?from=2026-03-02&to=2026-03-01").get();
		HttpResponse<String> garbled = as("analyst", "/api/models/audit?from=yesterday").get();

		assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(analyst.body(), "$.page.totalElements")).isPositive();
		assertThat((Integer) JsonPath.read(analyst.body(), "$.page.size")).isEqualTo(5);
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(rep.statusCode()).isEqualTo(403);
		assertThat((Integer) JsonPath.read(past.body(), "$.page.totalElements")).isZero();
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(reversed.body(), "$.errors[0].field")).isEqualTo("from");
		assertThat(garbled.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(garbled.body(), "$.detail")).contains("ISO date");
	}

	/** The 1-based line of the first occurrence of {@code text}. */
	static int lineOf(String content, String text) {
		int index = content.indexOf(text);
		assertThat(index).as(text).isNotNegative();
		return (int) content.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
	}

}
