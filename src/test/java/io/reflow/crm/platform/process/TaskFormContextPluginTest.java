package io.reflow.crm.platform.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TaskFormContextPlugin} on a real in-memory engine: the context shows among a
 * task's form variables, typed, read when the form is read, and is never stored.
 */
class TaskFormContextPluginTest {

	static ProcessEngine engine;

	/** What the context reads: a stand-in for the JPA row, changed by the tests. */
	static volatile String companyName = "杭州大成软件有限公司";

	static final TaskFormContext CONTEXT = new TaskFormContext() {

		@Override
		public Set<String> processDefinitionKeys() {
			return Set.of("with-context");
		}

		@Override
		public Map<String, Object> values(DelegateTask task) {
			Map<String, Object> values = new java.util.HashMap<>();
			values.put("companyName", companyName);
			values.put("leadScore", 85);
			values.put("amount", 120_000.5);
			values.put("leadId", task.getVariable("leadId"));
			values.put("missing", null);
			return values;
		}

	};

	@BeforeAll
	static void startEngine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:task-form-context;DB_CLOSE_DELAY=-1");
		configuration.setProcessEngineName("task-form-context");
		configuration.setHistory("full");
		configuration.setProcessEnginePlugins(List.of(new TaskFormContextPlugin(() -> Stream.of(CONTEXT))));
		engine = configuration.buildProcessEngine();
		for (String key : new String[] { "with-context", "without-context" }) {
			engine.getRepositoryService()
				.createDeployment()
				.addModelInstance(key + ".bpmn",
						Bpmn.createExecutableProcess(key)
							.camundaHistoryTimeToLive(1)
							.startEvent()
							.userTask("Task_Decide")
							.camundaFormRef("decide")
							.camundaFormRefBinding("latest")
							.endEvent()
							.done())
				.deploy();
		}
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	String startTask(String key) {
		String pid = engine.getRuntimeService()
			.startProcessInstanceByKey(key, Variables.putValue("leadId", 7L))
			.getId();
		return engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
	}

	@Test
	void shouldShowTheContextTypedAmongTheFormVariablesWithoutStoringIt() {
		String task = startTask("with-context");

		VariableMap form = engine.getFormService().getTaskFormVariables(task);

		assertThat(form.getValueTyped("companyName").getType().getName()).isEqualTo("string");
		assertThat(form.getValueTyped("leadScore").getType().getName()).isEqualTo("integer");
		assertThat(form.getValueTyped("amount").getType().getName()).isEqualTo("double");
		assertThat(form).containsEntry("companyName", companyName)
			.containsEntry("leadScore", 85)
			.containsEntry("amount", 120_000.5)
			.containsEntry("leadId", 7L)
			.doesNotContainKey("missing");
		assertThat(engine.getTaskService().getVariablesLocal(task)).isEmpty();
		assertThat(engine.getRuntimeService()
			.getVariables(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getProcessInstanceId()))
			.containsOnlyKeys("leadId");
		assertThat(engine.getFormService()
			.getTaskFormData(task)
			.getFormFields()
			.stream()
			.map(FormField::getTypeName)
			.toList()).contains("string", "integer", "double");
	}

	@Test
	void shouldReadTheContextAgainOnEveryRead() {
		String task = startTask("with-context");
		String before = companyName;
		try {
			companyName = "南京新名字有限公司";
			assertThat(engine.getFormService().getTaskFormVariables(task)).containsEntry("companyName", "南京新名字有限公司");
		}
		finally {
			companyName = before;
		}
	}

	@Test
	void shouldLeaveProcessesOutsideTheContextAlone() {
		String task = startTask("without-context");

		assertThat(engine.getFormService().getTaskFormVariables(task)).containsOnlyKeys("leadId");
	}

	@Test
	void shouldSubmitAnswersThroughTheEngineHandler() {
		String task = startTask("with-context");
		String pid = engine.getTaskService().createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

		engine.getFormService().submitTaskForm(task, Variables.putValue("answer", "YES"));

		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(pid)
			.list()
			.stream()
			.map((variable) -> variable.getName())
			.toList()).containsExactlyInAnyOrder("leadId", "answer");
	}

}
