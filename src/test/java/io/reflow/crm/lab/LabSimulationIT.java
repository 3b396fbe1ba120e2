package io.reflow.crm.lab;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.DemoLeadHistoryContext;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Multipart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulations over real HTTP on the demo's lead-qualification history (the same Spring
 * context as {@code sales.DemoLeadHistoryIT}): the calibrated as-is version reproduces
 * its measured cycle time, a draft with an extra approval step shows the approvers' load
 * without being deployed, and a bad scenario is refused naming the field, as is a draft
 * the engine refuses.
 */
@DemoLeadHistoryContext
class LabSimulationIT {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	HttpResponse<String> post(Multipart form) {
		return new Http(this.port).to("/api/lab/simulations")
			.basic("analyst", "demo")
			.post(form.contentType(), form.body());
	}

	/** Starts a simulation and waits until it is done. */
	String simulate(Multipart form) {
		HttpResponse<String> started = post(form);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		String[] done = new String[1];
		Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			HttpResponse<String> run = new Http(this.port).to(location).basic("analyst", "demo").get();
			assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
			String state = JsonPath.read(run.body(), "$.state");
			assertThat(state).as(run.body()).isNotEqualTo("FAILED");
			done[0] = run.body();
			return state.equals("DONE");
		});
		assertThat(((Number) JsonPath.read(done[0], "$.progress")).doubleValue()).isEqualTo(1.0);
		return done[0];
	}

	@Test
	void shouldCalibrateTheAsIsVersionFromProductionHistory() {
		String asIs = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("lead-qualification")
			.versionTag("as-is")
			.singleResult()
			.getId();
		long measured = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionId(asIs)
			.finished()
			.count();

		String run = simulate(new Multipart().field("process", "lead-qualification").field("baseline", "as-is"));

		// as many cases as the history holds, from its start variables, with the demo's
		// people (lab.CalibrationValidationTest shows the medians agree)
		assertThat(((Number) JsonPath.read(run, "$.cases")).longValue()).isEqualTo(measured);
		assertThat((String) JsonPath.read(run, "$.baseline")).isEqualTo("v1 (as-is)");
		assertThat((List<String>) JsonPath.read(run, "$.calibration")).contains(
				"case variables: the start variables of " + measured + " cases",
				"people: {inside-sales=2, key-accounts=1, sales-east=1, sales-north=1, sales-south=1, sales-west=1}");
		assertThat((Integer) JsonPath.read(run, "$.result.baseline.casesFinished")).isPositive();
		assertThat((Object) JsonPath.read(run, "$.result.candidate")).isNull();
	}

	@Test
	void shouldSimulateADraftWithAnExtraApprovalWithoutDeployingIt() throws Exception {
		long definitions = this.repositoryService.createProcessDefinitionQuery().count();
		long deployments = this.repositoryService.createDeploymentQuery().count();
		long instances = this.historyService.createHistoricProcessInstanceQuery().count();
		String draft = Files.readString(Path.of("processes/sales/lead-qualification.bpmn"), StandardCharsets.UTF_8)
			.replace(
					"<bpmn:sequenceFlow id=\"Flow_ToLeadQualified\" sourceRef=\"Task_RecordQualification\" "
							+ "targetRef=\"Gateway_LeadQualified\" />",
					"<bpmn:sequenceFlow id=\"Flow_ToLeadQualified\" sourceRef=\"Task_RecordQualification\" "
							+ "targetRef=\"Task_ApproveQualification\" />"
							+ "<bpmn:userTask id=\"Task_ApproveQualification\" name=\"Approve qualification\" "
							+ "camunda:candidateGroups=\"sales-managers\" />"
							+ "<bpmn:sequenceFlow id=\"Flow_ToLeadQualifiedApproved\" "
							+ "sourceRef=\"Task_ApproveQualification\" targetRef=\"Gateway_LeadQualified\" />");
		assertThat(draft).contains("Task_ApproveQualification");
		String scenario = """
				cases: 400
				tasks:
				  Task_ApproveQualification:
				    working: { median: PT15M, p90: PT45M }
				""";

		String run = simulate(new Multipart().field("process", "lead-qualification")
			.field("baseline", "to-be")
			.field("seed", "7")
			.field("scenario", scenario)
			.file("files", "lead-qualification.bpmn", draft.getBytes(StandardCharsets.UTF_8)));

		assertThat((String) JsonPath.read(run, "$.candidate")).startsWith("draft");
		assertThat((Integer) JsonPath.read(run, "$.result.baseline.casesStarted")).isEqualTo(400);
		assertThat((Integer) JsonPath.read(run, "$.result.candidate.casesStarted")).isEqualTo(400);
		// the approvers: a group the baseline does not have, busy and making cases wait
		assertThat((Map<String, Object>) JsonPath.read(run, "$.result.baseline.groups"))
			.doesNotContainKey("sales-managers");
		double utilization = ((Number) JsonPath.read(run, "$.result.candidate.groups.sales-managers.utilization"))
			.doubleValue();
		double waiting = ((Number) JsonPath.read(run,
				"$.result.candidate.activities.Task_ApproveQualification.meanWaitingSeconds"))
			.doubleValue();
		int approved = JsonPath.read(run, "$.result.candidate.activities.Task_ApproveQualification.completed");
		System.out.printf("Extra approval: %d approvals, mean wait %.1f h, approvers' utilisation %.1f %%%n", approved,
				waiting / 3600, utilization * 100);
		assertThat(approved).isPositive();
		assertThat(utilization).isBetween(0.001, 1.0);
		assertThat(waiting).isPositive();
		double before = ((Number) JsonPath.read(run, "$.result.baseline.cycleMeanHours")).doubleValue();
		double after = ((Number) JsonPath.read(run, "$.result.candidate.cycleMeanHours")).doubleValue();
		assertThat(after).isGreaterThan(before);

		// production untouched
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void shouldRefuseABadScenarioNamingTheField() throws Exception {
		HttpResponse<String> response = post(new Multipart().field("process", "lead-qualification")
			.field("scenario", "tasks:\n  Task_QualifyLead:\n    working: { median: PT1H, p90: PT10M }\n"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("tasks.Task_QualifyLead.working.p90");

		HttpResponse<String> draft = post(new Multipart().field("process", "lead-qualification")
			.file("files", "other.bpmn", "<bpmn:definitions/>".getBytes(StandardCharsets.UTF_8)));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(400);
		assertThat(draft.body()).contains("must define the process 'lead-qualification'");

		// drafts the engine refuses: answered at once, no run is queued
		int runs = JsonPath
			.<List<Object>>read(new Http(this.port).to("/api/lab/simulations").basic("analyst", "demo").get().body(),
					"$")
			.size();
		String current = Files.readString(Path.of("processes/sales/lead-qualification.bpmn"), StandardCharsets.UTF_8);
		String dangling = current.replaceFirst("targetRef=\"[^\"]+\"", "targetRef=\"Nowhere\"");
		HttpResponse<String> refused = post(new Multipart().field("process", "lead-qualification")
			.file("files", "lead-qualification.bpmn", dangling.getBytes(StandardCharsets.UTF_8)));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("the engine refuses the draft")
			.containsPattern("lead-qualification.bpmn line [0-9]+: ")
			.contains("Nowhere");
		String withoutTimeToLive = current.replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", "");
		HttpResponse<String> noTtl = post(new Multipart().field("process", "lead-qualification")
			.file("files", "lead-qualification.bpmn", withoutTimeToLive.getBytes(StandardCharsets.UTF_8)));
		assertThat(noTtl.statusCode()).as(noTtl.body()).isEqualTo(400);
		assertThat(noTtl.body()).containsIgnoringCase("History Time To Live");
		assertThat(JsonPath.<List<Object>>read(
				new Http(this.port).to("/api/lab/simulations").basic("analyst", "demo").get().body(), "$"))
			.hasSize(runs);

		HttpResponse<String> unknown = new Http(this.port).to("/api/lab/simulations/no-such-run")
			.basic("analyst", "demo")
			.get();
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

}
