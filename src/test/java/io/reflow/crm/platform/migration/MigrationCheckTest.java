package io.reflow.crm.platform.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.mockito.DelegateExpressions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.reflow.crm.testsupport.EngineTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationCheck} on a real engine with the real {@code lead-qualification} model
 * (mocked delegates): three leads wait at "Qualify lead", one before its asynchronous
 * scoring; version 2 is the same file with a change an analyst would make in Modeler.
 */
class MigrationCheckTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = EngineTests.processEngine(0.0);

	static final String MODEL = "processes/sales/lead-qualification.bpmn";

	ProcessEngine engine;

	final List<String> deployments = new ArrayList<>();

	ProcessDefinition v1;

	List<String> atQualify;

	String beforeScoring;

	@BeforeEach
	void mockDelegates() {
		this.engine = extension.getProcessEngine();
		for (String bean : new String[] { "recordLeadScoreDelegate", "handOverToNurturingDelegate",
				"disqualifyLeadDelegate", "recordQualificationDelegate", "convertLeadDelegate",
				"escalateLeadDelegate" }) {
			DelegateExpressions.registerJavaDelegateMock(bean);
		}
		DelegateExpressions.registerJavaDelegateMock("recordAssignmentDelegate")
			.onExecutionSetVariables(
					Variables.putValue("firstContactDueAt", new Date(System.currentTimeMillis() + 86_400_000L)));
		DelegateExpressions.registerTaskListenerMock("salesTaskContextListener");
	}

	/**
	 * Version 1 with three leads at "Qualify lead" and one before scoring (in the test,
	 * where the coverage extension records the run).
	 */
	void startLeadsOnVersion1() throws IOException {
		this.v1 = deploy(model());
		this.atQualify = new ArrayList<>();
		for (int lead = 1; lead <= 3; lead++) {
			String id = start(lead);
			runJobs(id);
			this.atQualify.add(id);
		}
		this.beforeScoring = start(4);
		assertThat(this.engine.getTaskService().createTaskQuery().processDefinitionId(this.v1.getId()).count())
			.isEqualTo(3);
	}

	@AfterEach
	void undeploy() {
		this.deployments.forEach((id) -> this.engine.getRepositoryService().deleteDeployment(id, true, true));
		Mocks.reset();
	}

	@Test
	void shouldFindEveryInstanceMigratableWhenVersion2OnlyRenamesATaskAndChangeNothingInTheDryRun() throws IOException {
		startLeadsOnVersion1();
		ProcessDefinition v2 = deploy(model().replace("name=\"Qualify lead\"", "name=\"Qualify lead by phone\""));

		MigrationReport report = new MigrationCheck(this.engine).check(this.v1, v2, List.of(), null);

		assertThat(report.valid()).isTrue();
		assertThat(report.clean()).isTrue();
		assertThat(report.instances()).isEqualTo(4);
		assertThat(report.migratable()).isEqualTo(4);
		assertThat(report.failures()).isEmpty();
		assertThat(report.unmappedActivities()).isEmpty();
		assertThat(report.instructions()).anySatisfy((i) -> {
			assertThat(i.sourceActivityId()).isEqualTo("Task_QualifyLead");
			assertThat(i.targetActivityId()).isEqualTo("Task_QualifyLead");
			assertThat(i.targetActivityName()).isEqualTo("Qualify lead by phone");
		});
		assertThat(report.instructions()).anySatisfy((i) -> {
			assertThat(i.sourceActivityId()).isEqualTo("BoundaryEvent_FirstContactOverdue");
			assertThat(i.updateEventTrigger()).isTrue();
		});
		// the trial migrations were rolled back
		assertThat(onVersion(this.v1)).isEqualTo(4);
		assertThat(onVersion(v2)).isZero();

		this.engine.getRuntimeService()
			.newMigration(report.plan())
			.processInstanceIds(report.migratableIds())
			.execute();
		assertThat(onVersion(v2)).isEqualTo(4);
		String task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.atQualify.get(0))
			.singleResult()
			.getId();
		this.engine.getTaskService().complete(task, Map.of("qualificationOutcome", "DISQUALIFIED"));
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(this.atQualify.get(0))
			.singleResult()
			.getEndActivityId()).isEqualTo("EndEvent_LeadDisqualified");
		runJobs(this.beforeScoring);
		assertThat(this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.beforeScoring)
			.singleResult()
			.getName()).isEqualTo("Qualify lead by phone");
	}

	@Test
	void shouldListEveryInstanceAtARemovedTaskWithItsReason() throws IOException {
		startLeadsOnVersion1();
		ProcessDefinition v2 = deploy(model().replace("Task_QualifyLead", "Task_CallLead"));

		MigrationReport report = new MigrationCheck(this.engine).check(this.v1, v2, List.of(), null);

		assertThat(report.valid()).as("the plan itself validates").isTrue();
		assertThat(report.clean()).isFalse();
		assertThat(report.instances()).isEqualTo(4);
		assertThat(report.migratable()).isEqualTo(1);
		assertThat(report.migratableIds()).containsExactly(this.beforeScoring);
		assertThat(report.unmappedActivities()).extracting(MigrationReport.Activity::id).contains("Task_QualifyLead");
		assertThat(report.failures()).extracting(MigrationReport.InstanceFailure::processInstanceId)
			.containsExactlyInAnyOrderElementsOf(this.atQualify);
		assertThat(report.failures()).allSatisfy((failure) -> {
			assertThat(failure.businessKey()).startsWith("lead-");
			assertThat(failure.reasons())
				.contains("Is at 'Qualify lead' (Task_QualifyLead), which has no counterpart in version 2");
		});
		assertThat(onVersion(this.v1)).isEqualTo(4);
	}

	@Test
	void shouldMigrateARenamedTaskWithAnExplicitMapping() throws IOException {
		startLeadsOnVersion1();
		ProcessDefinition v2 = deploy(model().replace("Task_QualifyLead", "Task_CallLead"));

		MigrationReport report = new MigrationCheck(this.engine).check(this.v1, v2,
				List.of(new ActivityMapping("Task_QualifyLead", "Task_CallLead")), this.atQualify);

		assertThat(report.clean()).as(report.failures().toString()).isTrue();
		assertThat(report.instances()).isEqualTo(3);
		assertThat(report.migratable()).isEqualTo(3);
	}

	@Test
	void shouldReportAPlanThatDoesNotValidateAndRefuseEveryInstance() throws IOException {
		startLeadsOnVersion1();
		ProcessDefinition v2 = deploy(model().replace("Task_QualifyLead", "Task_CallLead"));

		MigrationReport report = new MigrationCheck(this.engine).check(this.v1, v2,
				List.of(new ActivityMapping("Task_QualifyLead", "EndEvent_LeadConverted")), null);

		assertThat(report.valid()).isFalse();
		assertThat(report.plan()).isNull();
		assertThat(report.planFailures()).anySatisfy((failure) -> assertThat(failure)
			.startsWith("'Qualify lead' (Task_QualifyLead) → 'Lead converted' (EndEvent_LeadConverted): ")
			.contains("incompatible types"));
		assertThat(report.instructions()).anySatisfy((i) -> assertThat(i.failures()).isNotEmpty());
		assertThat(report.migratable()).isZero();
		assertThat(report.failures()).hasSize(4);
	}

	long onVersion(ProcessDefinition definition) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionId(definition.getId())
			.count();
	}

	String start(int lead) {
		ProcessInstance instance = this.engine.getRuntimeService()
			.startProcessInstanceByKey("lead-qualification", "lead-" + lead, Map.of("leadId", (long) lead, "source",
					"WEB", "companySize", 1200, "budgetConfirmed", false, "industry", "SOFTWARE", "region", "NORTH"));
		return instance.getId();
	}

	void runJobs(String processInstanceId) {
		for (int round = 0; round < 10; round++) {
			var jobs = this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> this.engine.getManagementService().executeJob(job.getId()));
		}
	}

	ProcessDefinition deploy(String bpmn) throws IOException {
		var deployment = this.engine.getRepositoryService()
			.createDeployment()
			.name("migration-check-test")
			.addString("lead-qualification.bpmn", bpmn)
			.addInputStream("lead-scoring.dmn", resource("decisions/lead-scoring.dmn"))
			.addInputStream("lead-assignment.dmn", resource("decisions/lead-assignment.dmn"))
			.addInputStream("lead-fast-track.dmn", resource("decisions/lead-fast-track.dmn"))
			.deployWithResult();
		this.deployments.add(deployment.getId());
		return deployment.getDeployedProcessDefinitions().get(0);
	}

	static String model() throws IOException {
		try (InputStream in = resource(MODEL)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static InputStream resource(String name) {
		return MigrationCheckTest.class.getClassLoader().getResourceAsStream(name);
	}

}
