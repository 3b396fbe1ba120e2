package io.reflow.crm.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a module's Camunda Forms ({@code forms/<module>/*.form}) against the variable
 * contract of its processes: which inputs each form asks for and how Tasklist validates
 * them, and that the values a task listener provides for display are shown without being
 * submitted. One subclass per module names the folder and the contracts.
 * <p>
 * What the rules rest on was tried in the real Tasklist of Camunda 7.24, which embeds
 * form-js 1.8.7 (schema version 16): {@code disabled} fields are neither validated nor
 * submitted, {@code readonly} fields are submitted, fields hidden by a
 * {@code conditional.hide} expression (or inside a hidden group) are neither validated
 * nor submitted, a key used twice stops the form from loading, and a {@code dynamiclist}
 * disables the Complete button for good once a line is edited (besides submitting a
 * {@code Json} variable, which the engine refuses without Spin). See
 * {@code docs/forms.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TasklistFormChecks {

	/**
	 * The component types of form-js 1.8.7, the version Tasklist 7.24 embeds, less
	 * {@code dynamiclist}.
	 */
	static final Set<String> TASKLIST_TYPES = Set.of("text", "html", "textfield", "textarea", "number", "datetime",
			"checkbox", "checklist", "radio", "select", "taglist", "group", "separator", "spacer", "image", "iframe",
			"table", "expression", "button");

	static final Set<String> KEYED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
			"checklist", "radio", "select", "taglist", "expression");

	private final String folder;

	private final Map<String, FormContract> contracts;

	/**
	 * @param folder the forms' classpath folder, such as {@code forms/sales}
	 * @param contracts the contract of each form, by form id
	 */
	protected TasklistFormChecks(String folder, Map<String, FormContract> contracts) {
		this.folder = folder;
		this.contracts = contracts;
	}

	Stream<String> formIds() {
		return this.contracts.keySet().stream().sorted();
	}

	@ParameterizedTest
	@MethodSource("formIds")
	void shouldBeNamedAfterItsFileAndTargetTasklist724(String formId) {
		JsonNode form = read(formId);

		assertThat(form.path("id").asText()).isEqualTo(formId);
		assertThat(form.path("type").asText()).isEqualTo("default");
		assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
		assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
		assertThat(form.path("schemaVersion").asInt()).as("schemaVersion").isPositive();
	}

	@ParameterizedTest
	@MethodSource("formIds")
	void shouldAskForEveryInputWithItsValidation(String formId) {
		List<Component> components = components(read(formId));

		for (Input input : this.contracts.get(formId).inputs()) {
			Component field = keyed(components, input.key());
			String where = formId + " " + input.key();
			assertThat(field.type()).as(where + " type").isEqualTo(input.type());
			JsonNode validate = field.node().path("validate");
			assertThat(validate.path("required").asBoolean(false)).as(where + " required")
				.isEqualTo(input.isRequired());
			assertThat(decimal(validate, "min")).as(where + " min").isEqualTo(input.min());
			assertThat(decimal(validate, "max")).as(where + " max").isEqualTo(input.max());
			assertThat(validate.has("maxLength") ? validate.get("maxLength").asInt() : null).as(where + " maxLength")
				.isEqualTo(input.maxLength());
			if (!input.values().isEmpty()) {
				assertThat(field.node().path("values").findValuesAsText("value")).as(where + " values")
					.containsExactlyElementsOf(input.values());
			}
			if ("datetime".equals(input.type())) {
				assertThat(field.node().path("subtype").asText()).as(where + " subtype").isEqualTo("date");
			}
			if (input.hiddenWhen() == null) {
				assertThat(field.hideConditions()).as(where + " is always shown").isEmpty();
			}
			else {
				assertThat(field.hideConditions()).as(where + " is hidden only when " + input.hiddenWhen())
					.containsExactly("=" + input.hiddenWhen());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("formIds")
	void shouldSubmitOnlyTheContractsInputs(String formId) {
		List<String> submitted = components(read(formId)).stream()
			.filter(Component::keyed)
			.filter((component) -> !component.node().path("disabled").asBoolean(false))
			.map(Component::key)
			.toList();

		assertThat(submitted).as(formId + " submits")
			.containsExactlyInAnyOrderElementsOf(this.contracts.get(formId).inputs().stream().map(Input::key).toList());
	}

	@ParameterizedTest
	@MethodSource("formIds")
	void shouldShowDisplayOnlyValuesWithoutSubmittingThem(String formId) {
		List<Component> components = components(read(formId));

		for (String key : this.contracts.get(formId).displayOnly()) {
			List<Component> shown = showing(components, key);
			assertThat(shown).as(formId + " shows " + key).isNotEmpty();
			// readonly is not enough: Tasklist submits readonly fields
			shown.stream()
				.filter(Component::keyed)
				.forEach((field) -> assertThat(field.node().path("disabled").asBoolean(false))
					.as(formId + " " + key + " is disabled")
					.isTrue());
		}
		assertThat(components).as(formId + ": readonly fields are submitted; use disabled")
			.noneMatch((c) -> c.node().has("readonly"));
	}

	@ParameterizedTest
	@MethodSource("formIds")
	void shouldNotRepeatKeysOrIds(String formId) {
		List<Component> components = components(read(formId));

		assertThat(components.stream().map(Component::id)).as(formId + " ids").doesNotHaveDuplicates();
		assertThat(components.stream().filter(Component::keyed).map(Component::key)).as(formId + " keys")
			.doesNotHaveDuplicates();
		assertThat(components).as(formId + " components with ids").allMatch((c) -> !c.id().isEmpty());
	}

	@ParameterizedTest
	@MethodSource("formIds")
	void shouldUseOnlyWhatTasklist724Handles(String formId) {
		List<Component> components = components(read(formId));

		// a dynamic list disables Complete for good once a line is edited
		assertThat(components.stream().map(Component::type)).as(formId + " types known to Tasklist 7.24")
			.allMatch(TASKLIST_TYPES::contains);
		assertThat(components).as(formId + ": a group path would submit a Json variable, which needs Spin")
			.noneMatch((c) -> c.node().has("path"));
	}

	protected JsonNode read(String formId) {
		String resource = this.folder + "/" + formId + ".form";
		try (InputStream in = TasklistFormChecks.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource + " on the classpath").isNotNull();
			return new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(resource + " is not valid JSON", ex);
		}
	}

	/**
	 * All components of a form, depth first, each with the hide conditions that apply.
	 */
	protected static List<Component> components(JsonNode form) {
		List<Component> all = new ArrayList<>();
		collect(form.path("components"), List.of(), all);
		return all;
	}

	private static void collect(JsonNode components, List<String> hideConditions, List<Component> all) {
		for (JsonNode node : components) {
			List<String> conditions = new ArrayList<>(hideConditions);
			if (node.path("conditional").has("hide")) {
				conditions.add(node.path("conditional").path("hide").asText());
			}
			all.add(new Component(node, List.copyOf(conditions)));
			collect(node.path("components"), conditions, all);
		}
	}

	/** The fields with the key and the text views that show {@code {{key}}}. */
	protected static List<Component> showing(List<Component> components, String key) {
		return components.stream()
			.filter((c) -> key.equals(c.key())
					|| "text".equals(c.type()) && c.node().path("text").asText().contains("{{" + key + "}}"))
			.toList();
	}

	static Component keyed(List<Component> components, String key) {
		List<Component> matches = components.stream().filter((c) -> c.keyed() && key.equals(c.key())).toList();
		assertThat(matches).as("field with key " + key).hasSize(1);
		return matches.get(0);
	}

	static BigDecimal decimal(JsonNode validate, String name) {
		return validate.has(name) ? validate.get(name).decimalValue().stripTrailingZeros() : null;
	}

	/**
	 * One component and the {@code conditional.hide} expressions of it and its groups.
	 */
	protected record Component(JsonNode node, List<String> hideConditions) {

		String id() {
			return this.node.path("id").asText();
		}

		String type() {
			return this.node.path("type").asText();
		}

		String key() {
			return this.node.path("key").asText(null);
		}

		boolean keyed() {
			return KEYED_TYPES.contains(type());
		}

	}

	/** What one form must show without submitting, and what it asks for. */
	public record FormContract(List<String> displayOnly, List<Input> inputs) {

		public FormContract {
			Set<String> keys = new HashSet<>(displayOnly);
			inputs.forEach((input) -> assertThat(keys.add(input.key())).as("contract names " + input.key() + " once")
				.isTrue());
		}

	}

	/**
	 * One input of the contract; {@code hiddenWhen} is the FEEL condition that hides it,
	 * such as {@code qualificationOutcome != "QUALIFIED"}.
	 */
	public record Input(String key, String type, boolean isRequired, BigDecimal min, BigDecimal max, Integer maxLength,
			List<String> values, String hiddenWhen) {

		public static Input of(String key, String type) {
			return new Input(key, type, false, null, null, null, List.of(), null);
		}

		public Input required() {
			return new Input(this.key, this.type, true, this.min, this.max, this.maxLength, this.values,
					this.hiddenWhen);
		}

		public Input min(String min) {
			return new Input(this.key, this.type, this.isRequired, new BigDecimal(min).stripTrailingZeros(), this.max,
					this.maxLength, this.values, this.hiddenWhen);
		}

		public Input max(String max) {
			return new Input(this.key, this.type, this.isRequired, this.min, new BigDecimal(max).stripTrailingZeros(),
					this.maxLength, this.values, this.hiddenWhen);
		}

		public Input maxLength(int maxLength) {
			return new Input(this.key, this.type, this.isRequired, this.min, this.max, maxLength, this.values,
					this.hiddenWhen);
		}

		public Input values(String... values) {
			return new Input(this.key, this.type, this.isRequired, this.min, this.max, this.maxLength, List.of(values),
					this.hiddenWhen);
		}

		/** Shown only while the field holds the value (a radio or a select). */
		public Input shownWhen(String field, String value) {
			return hiddenWhen(field + " != \"" + value + "\"");
		}

		public Input hiddenWhen(String condition) {
			return new Input(this.key, this.type, this.isRequired, this.min, this.max, this.maxLength, this.values,
					condition);
		}

	}

}
