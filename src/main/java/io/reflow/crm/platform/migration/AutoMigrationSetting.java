package io.reflow.crm.platform.migration;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The analyst's switch for automatic migration, set in the model (Camunda Modeler:
 * process → Extension properties), not in Java:
 * {@code <camunda:property name="reflow.autoMigrate" value="true"/>} on the process.
 */
public final class AutoMigrationSetting {

	/** The name of the process-level extension property. */
	public static final String PROPERTY = "reflow.autoMigrate";

	private AutoMigrationSetting() {
	}

	/** Whether the process {@code key} in this model asks for automatic migration. */
	public static boolean isEnabled(BpmnModelInstance model, String key) {
		if (model == null) {
			return false;
		}
		if (!(model.getModelElementById(key) instanceof Process process)) {
			return false;
		}
		ExtensionElements extensions = process.getExtensionElements();
		if (extensions == null) {
			return false;
		}
		return extensions.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> PROPERTY.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.anyMatch((value) -> value != null && "true".equalsIgnoreCase(value.trim()));
	}

}
