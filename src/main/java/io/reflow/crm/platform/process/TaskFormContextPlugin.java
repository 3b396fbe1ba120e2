package io.reflow.crm.platform.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Offers the {@link TaskFormContext} of a process as read-only form fields of each of its
 * user tasks. A BPMN parse listener wraps the engine's form handler of every user task;
 * when a form is read ({@code FormService.getTaskFormVariables}, {@code getTaskFormData})
 * the wrapper adds the context's current values to the form fields the model declares.
 * Submitting a form goes to the engine's handler unchanged.
 * <p>
 * Before this, listeners copied the same values into task-local variables when a task was
 * created: four statements per value and some 55 values per sales case
 * (docs/benchmarks.md, section 2), for data that already lives in the JPA rows.
 */
public class TaskFormContextPlugin extends AbstractProcessEnginePlugin {

	private final Supplier<Stream<TaskFormContext>> contexts;

	/**
	 * @param contexts the context beans, looked up when a form is read (engine plugins
	 * are created before the module beans, which need the engine)
	 */
	public TaskFormContextPlugin(Supplier<Stream<TaskFormContext>> contexts) {
		this.contexts = contexts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
						&& scope.getProcessDefinition() instanceof ProcessDefinitionEntity process) {
					String processKey = process.getKey();
					userTask.getTaskDefinition()
						.setTaskFormHandler(new ContextFormHandler(userTask.getTaskDefinition().getTaskFormHandler(),
								processKey, TaskFormContextPlugin.this.contexts));
				}
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	/** The engine's handler plus the context's fields on reading. */
	static final class ContextFormHandler implements TaskFormHandler {

		private final TaskFormHandler engineHandler;

		private final String processKey;

		private final Supplier<Stream<TaskFormContext>> contexts;

		ContextFormHandler(TaskFormHandler engineHandler, String processKey,
				Supplier<Stream<TaskFormContext>> contexts) {
			this.engineHandler = engineHandler;
			this.processKey = processKey;
			this.contexts = contexts;
		}

		@Override
		public TaskFormData createTaskForm(TaskEntity task) {
			TaskFormData form = this.engineHandler.createTaskForm(task);
			List<FormField> fields = new ArrayList<>(form.getFormFields());
			List<String> declared = fields.stream().map(FormField::getId).toList();
			this.contexts.get()
				.filter((context) -> context.processDefinitionKeys().contains(this.processKey))
				.map((context) -> context.values(task))
				.flatMap((values) -> values.entrySet().stream())
				.filter((entry) -> entry.getValue() != null && !declared.contains(entry.getKey()))
				.forEach((entry) -> fields.add(field(entry)));
			if (form instanceof FormDataImpl data) {
				data.setFormFields(fields);
			}
			return form;
		}

		private static FormField field(Map.Entry<String, Object> entry) {
			TypedValue value = typed(entry.getValue());
			FormFieldImpl field = new FormFieldImpl();
			field.setId(entry.getKey());
			field.setLabel(entry.getKey());
			field.setValue(value);
			field.setType(new ReadOnlyType(value.getType().getName()));
			return field;
		}

		static TypedValue typed(Object value) {
			if (value instanceof String text) {
				return Variables.stringValue(text);
			}
			if (value instanceof Integer number) {
				return Variables.integerValue(number);
			}
			if (value instanceof Long number) {
				return Variables.longValue(number);
			}
			if (value instanceof Number number) {
				return Variables.doubleValue(number.doubleValue());
			}
			if (value instanceof Boolean flag) {
				return Variables.booleanValue(flag);
			}
			if (value instanceof Date date) {
				return Variables.dateValue(date);
			}
			return Variables.stringValue(value.toString());
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			this.engineHandler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			this.engineHandler.submitFormVariables(properties, variableScope);
		}

	}

	/** The type of a context field: shown, never submitted. */
	private static final class ReadOnlyType extends AbstractFormFieldType {

		private final String name;

		ReadOnlyType(String name) {
			this.name = name;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public TypedValue convertToFormValue(TypedValue propertyValue) {
			return propertyValue;
		}

		@Override
		public TypedValue convertToModelValue(TypedValue propertyValue) {
			throw new UnsupportedOperationException("A context field is read-only: " + this.name);
		}

		@Override
		public Object convertFormValueToModelValue(Object propertyValue) {
			throw new UnsupportedOperationException("A context field is read-only: " + this.name);
		}

		@Override
		public String convertModelValueToFormValue(Object modelValue) {
			return (modelValue != null) ? modelValue.toString() : null;
		}

	}

}
