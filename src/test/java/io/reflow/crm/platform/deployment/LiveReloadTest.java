package io.reflow.crm.platform.deployment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;

import static io.reflow.crm.platform.deployment.ModelDeployerTest.DECISION;
import static io.reflow.crm.platform.deployment.ModelDeployerTest.FORM;
import static io.reflow.crm.platform.deployment.ModelDeployerTest.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * One live reload run at a time on a real in-memory engine (no watcher): the good files
 * of a burst are deployed without the broken ones, a broken file keeps its last good
 * version, and each failure is reported once and cleared when fixed; an earlier version
 * of a process ({@code <key>.<tag>.bpmn}) is never deployed.
 */
class LiveReloadTest {

	static final String PROCESS_FILE = "processes/test/test-approval.bpmn";

	static final String DECISION_FILE = "decisions/test-limit.dmn";

	static final String FORM_FILE = "forms/test/test-approve-form.form";

	@TempDir
	Path models;

	ProcessEngine engine;

	RepositoryService repository;

	ModelAudit audit = mock(ModelAudit.class);

	LiveReload liveReload;

	@BeforeEach
	void startEngineAndDeploy() throws IOException {
		this.engine = DeployedModels.newEngine("live-reload");
		this.repository = this.engine.getRepositoryService();
		write(PROCESS_FILE, PROCESS.formatted("Approval"));
		write(DECISION_FILE, DECISION.formatted("1000"));
		write(FORM_FILE, FORM.formatted("Approved"));
		this.liveReload = new LiveReload(new LiveReloadProperties(true, this.models.toString(), Duration.ZERO),
				new ModelDeploymentProperties("classpath*:", "reflow-models", "reflow-startup", true), this.repository,
				this.audit, Clock.systemUTC());
		this.liveReload.reload();
		assertThat(this.liveReload.status().deployed()).containsExactlyInAnyOrder(PROCESS_FILE, DECISION_FILE,
				FORM_FILE);
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
	}

	@Test
	void shouldDeployTheGoodFilesOfABurstWithoutTheDecisionTheEngineRefuses() throws IOException {
		write(PROCESS_FILE, PROCESS.formatted("Approval, redesigned"));
		write(DECISION_FILE, DECISION.formatted("5000").replace(" camunda:historyTimeToLive=\"P30D\"", ""));

		this.liveReload.reload();

		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(1);
		assertThat(this.liveReload.status().deployed()).containsExactlyInAnyOrder(PROCESS_FILE, FORM_FILE);
		assertThat(this.liveReload.status().failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.resource()).isEqualTo(DECISION_FILE);
			assertThat(failure.message()).contains("History Time To Live");
		});
		verify(this.audit).recordIndependently(eq(ModelAuditAction.RELOAD_FAILED), isNull(), eq(LiveReload.SOURCE),
				eq(DECISION_FILE), eq(List.of(DECISION_FILE)), anyString());

		write(DECISION_FILE, DECISION.formatted("5000"));
		this.liveReload.reload();

		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(2);
		assertThat(this.liveReload.status().failures()).isEmpty();
		assertThat(this.liveReload.status().deployed()).containsExactly(DECISION_FILE);
	}

	@Test
	void shouldDeployChangedProcessWithTheLastGoodVersionOfABrokenForm() throws IOException {
		write(PROCESS_FILE, PROCESS.formatted("Approval, redesigned"));
		write(FORM_FILE, "{\"id\": \"test-approve-form\", \"components\": [");

		this.liveReload.reload();

		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		assertThat(this.liveReload.status().deployed()).containsExactlyInAnyOrder(PROCESS_FILE, FORM_FILE);
		assertThat(DeployedModels.deployedForm(this.engine)).contains("\"label\": \"Approved\"");
		assertThat(this.liveReload.status().failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.resource()).isEqualTo(FORM_FILE);
			assertThat(failure.line()).isEqualTo(1);
		});
	}

	@Test
	void shouldLeaveOutABrokenNewFile() throws IOException {
		write("processes/test/test-new.bpmn", "<bpmn:definitions");
		write(DECISION_FILE, DECISION.formatted("5000"));

		this.liveReload.reload();

		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(2);
		assertThat(this.repository.createProcessDefinitionQuery().count()).isEqualTo(1);
		assertThat(this.liveReload.status().failures()).extracting(LiveReloadStatus.Failure::resource)
			.containsExactly("processes/test/test-new.bpmn");
	}

	@Test
	void shouldReportAStillBrokenFileOnlyOnce() throws IOException {
		write(PROCESS_FILE, PROCESS.formatted("Approval").replace("</bpmn:process>", ""));
		this.liveReload.reload();
		write(DECISION_FILE, DECISION.formatted("5000"));
		this.liveReload.reload();

		assertThat(DeployedModels.decisionVersion(this.engine)).isEqualTo(2);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(1);
		verify(this.audit, times(1)).recordIndependently(any(), any(), any(), eq(PROCESS_FILE), any(), any());
		assertThat(this.liveReload.status().failures()).singleElement()
			.extracting(LiveReloadStatus.Failure::line)
			.isEqualTo(12);
	}

	@Test
	void shouldDeployNothingWhenNothingChanged() {
		this.liveReload.reload();

		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
		assertThat(this.liveReload.status().failures()).isEmpty();
		verify(this.audit, never()).recordIndependently(any(), any(), any(), any(), any(), any());
	}

	@Test
	void shouldIgnoreAnEarlierVersionOfAProcess() throws IOException {
		write("processes/test/test-approval.as-is.bpmn", PROCESS.formatted("Approval, as is"));

		this.liveReload.reload();

		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(1);
		assertThat(this.liveReload.status().failures()).isEmpty();

		write(PROCESS_FILE, PROCESS.formatted("Approval, redesigned"));
		this.liveReload.reload();

		assertThat(this.liveReload.status().deployed()).containsExactlyInAnyOrder(PROCESS_FILE, FORM_FILE);
		assertThat(DeployedModels.processVersion(this.engine)).isEqualTo(2);
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionVersion(2).singleResult().getName())
			.isEqualTo("Approval, redesigned");
	}

	private void write(String name, String content) throws IOException {
		DeployedModels.write(this.models, name, content);
	}

}
