package io.reflow.crm.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DiagramDiff} on the shipped lead-qualification model and edits of it. */
class DiagramDiffTest {

	static String model() throws IOException {
		return Files.readString(Path.of("processes/sales/lead-qualification.bpmn"));
	}

	static byte[] bytes(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void shouldFindNothingBetweenAModelAndItselfEvenWhenOnlyTheLayoutMoved() throws IOException {
		String xml = model();
		String moved = xml.replaceAll("(<dc:Bounds x=\")(\\d+)", "$1" + "1$2");

		assertThat(moved).isNotEqualTo(xml);
		assertThat(DiagramDiff.of(bytes(xml), bytes(moved)).identical()).isTrue();
		assertThat(DiagramDiff.flowElements(bytes(xml))).containsKeys("Task_QualifyLead", "Flow_ToQualifyLead",
				"BoundaryEvent_FirstContactOverdue", "EndEvent_LeadConverted");
	}

	@Test
	void shouldReportRenamedAndReconfiguredElementsAsChanged() throws IOException {
		String xml = model();
		String edited = xml.replace("name=\"Qualify lead\"", "name=\"Qualify lead (inside sales)\"")
			.replace("camunda:dueDate=\"${firstContactDueAt}\"", "camunda:dueDate=\"${firstCallDueAt}\"");

		DiagramDiff.Result diff = DiagramDiff.of(bytes(xml), bytes(edited));

		assertThat(diff.changed()).containsExactly("Task_QualifyLead");
		assertThat(diff.added()).isEmpty();
		assertThat(diff.removed()).isEmpty();
	}

	@Test
	void shouldReportAddedAndRemovedElementsButNotTheirNeighboursReferences() throws IOException {
		String xml = model();
		// Disqualify lead removed, its end event reached straight from the gateway
		String edited = xml
			.replaceAll("(?s)<bpmn:serviceTask id=\"Task_DisqualifyLead\".*?</bpmn:serviceTask>",
					"<bpmn:userTask id=\"Task_CallBack\" name=\"Call back\" />")
			.replace("targetRef=\"Task_DisqualifyLead\"", "targetRef=\"EndEvent_LeadDisqualified\"");

		DiagramDiff.Result diff = DiagramDiff.of(bytes(xml), bytes(edited));

		assertThat(diff.added()).containsExactly("Task_CallBack");
		assertThat(diff.removed()).containsExactly("Task_DisqualifyLead");
		assertThat(diff.changed()).containsExactly("Flow_LeadQualifiedNo");
	}

	@Test
	void shouldRefuseADocumentTypeDeclaration() {
		String hostile = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&e;</definitions>";

		assertThatThrownBy(() -> DiagramDiff.flowElements(bytes(hostile))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Not a readable BPMN file");
	}

}
