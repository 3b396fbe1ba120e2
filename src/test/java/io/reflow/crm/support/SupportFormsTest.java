package io.reflow.crm.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.reflow.crm.testsupport.TasklistFormChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Camunda Forms of the support user tasks ({@code forms/support/*.form}) of
 * {@code processes/support/support-case.bpmn} against the support variable contract; the
 * checks and what they rest on are in {@link TasklistFormChecks}. The case values each
 * form shows are task-local variables a task listener sets.
 */
class SupportFormsTest extends TasklistFormChecks {

	static final List<String> CASE = List.of("caseNumber", "companyName", "contactName", "subject", "description",
			"priority", "resolutionDueAt");

	static final Map<String, FormContract> CONTRACTS = Map.of(
	// @formatter:off
			"resolve-case", new FormContract(
					concat(CASE, "visitReport", "customerComment", "reopenCount", "resolveFeedback"),
					List.of(
							Input.of("fieldVisitNeeded", "checkbox"),
							Input.of("diagnosis", "textarea").required().maxLength(2000),
							// required only when no field visit is needed: hidden fields are not validated
							Input.of("resolution", "textarea").required().maxLength(2000).hiddenWhen("fieldVisitNeeded = true"))),
			"schedule-visit", new FormContract(
					concat(CASE, "scheduleFeedback"),
					List.of(
							Input.of("engineer", "textfield").required().maxLength(120),
							// not in the past: the server checks it, the label says it
							Input.of("visitDate", "datetime").required(),
							Input.of("visitNote", "textarea").maxLength(1000))),
			"perform-visit", new FormContract(
					concat(CASE, "engineer", "visitDate"),
					List.of(
							Input.of("visitReport", "textarea").required().maxLength(4000),
							Input.of("visitSolved", "checkbox"))));
	// @formatter:on

	SupportFormsTest() {
		super("forms/support", CONTRACTS);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			resolve-case   | visitReport      | =visitReport = null or visitReport = ""
			resolve-case   | customerComment  | =customerComment = null or customerComment = ""
			resolve-case   | reopenCount      | =reopenCount = null or reopenCount <= 0
			resolve-case   | resolveFeedback  | =resolveFeedback = null or resolveFeedback = ""
			schedule-visit | scheduleFeedback | =scheduleFeedback = null or scheduleFeedback = ""
			""")
	void shouldShowOptionalValuesOnlyWhenPresent(String formId, String key, String hideCondition) {
		List<Component> shown = showing(components(read(formId)), key);

		assertThat(shown).as(formId + " shows " + key).isNotEmpty();
		shown.forEach((component) -> assertThat(component.hideConditions()).as(formId + " " + key + " hidden when")
			.containsExactly(hideCondition));
	}

	@ParameterizedTest
	@ValueSource(strings = { "resolve-case", "schedule-visit", "perform-visit" })
	void shouldAlwaysShowTheCase(String formId) {
		List<Component> components = components(read(formId));

		for (String key : CASE) {
			assertThat(showing(components, key)).as(formId + " shows " + key)
				.isNotEmpty()
				.allMatch((component) -> component.hideConditions().isEmpty());
		}
	}

	private static List<String> concat(List<String> first, String... more) {
		return Stream.concat(first.stream(), Stream.of(more)).toList();
	}

}
