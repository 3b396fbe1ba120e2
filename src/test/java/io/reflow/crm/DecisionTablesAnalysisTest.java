package io.reflow.crm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.redsix.dmncheck.result.ValidationResult;
import de.redsix.dmncheck.util.ValidatorLoader;
import de.redsix.dmncheck.validators.core.Validator;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static analysis of every DMN table in {@code decisions/} with dmn-check's validators
 * (duplicate, conflicting and shadowed rules, FEEL type errors, aggregation, ids and
 * names). Every finding fails the test, unless it is listed as intended, with a reason,
 * in {@code decisions/.dmn-check-intended.txt}. An entry that no longer matches a finding
 * fails the test too, so the list stays short and true.
 */
class DecisionTablesAnalysisTest {

	private static final Path DECISIONS = Path.of("decisions");

	private static final Path INTENDED = DECISIONS.resolve(".dmn-check-intended.txt");

	@Test
	void everyDecisionTablePassesDmnCheckOrIsMarkedIntended() throws IOException {
		List<String> failures = findings(DECISIONS);
		assertThat(failures)
			.as("dmn-check findings (mark an intended one in %s as `%s | <reason>`)", INTENDED,
					"file | decision | validator | element ids")
			.isEmpty();
	}

	/**
	 * The gate bites: a table whose second rule can never fire (the first one covers all
	 * it covers, hit policy FIRST) is a finding that names the shadowed rule.
	 */
	@Test
	void aShadowedRuleIsAFindingThatNamesTheRule(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("shadowed.dmn"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Shadowed"
						    name="Shadowed" namespace="http://reflow.io/test">
						  <decision id="shadowed-discount" name="Shadowed discount">
						    <decisionTable id="DecisionTable_Shadowed" hitPolicy="FIRST">
						      <input id="Input_Amount" label="Amount">
						        <inputExpression id="InputExpression_Amount" typeRef="double"><text>amount</text></inputExpression>
						      </input>
						      <output id="Output_Discount" label="Discount" name="discount" typeRef="double" />
						      <rule id="Rule_AnyAmount">
						        <inputEntry id="InputEntry_AnyAmount"><text>&gt;= 0</text></inputEntry>
						        <outputEntry id="OutputEntry_AnyAmount"><text>0.02</text></outputEntry>
						      </rule>
						      <rule id="Rule_LargeAmount">
						        <inputEntry id="InputEntry_LargeAmount"><text>&gt;= 100000</text></inputEntry>
						        <outputEntry id="OutputEntry_LargeAmount"><text>0.05</text></outputEntry>
						      </rule>
						    </decisionTable>
						  </decision>
						</definitions>
						""");
		assertThat(findings(folder)).anySatisfy((failure) -> assertThat(failure).contains("shadowed.dmn")
			.contains("ShadowedRuleValidator")
			.contains("Rule_LargeAmount"));
	}

	/**
	 * Every dmn-check finding in the DMN files of {@code folder} that its
	 * {@code .dmn-check-intended.txt} does not list, and every listed entry that no
	 * longer matches a finding.
	 */
	private static List<String> findings(Path folder) throws IOException {
		Map<String, String> intended = readIntended(folder.resolve(INTENDED.getFileName()));
		List<Validator> validators = ValidatorLoader.getValidators();
		assertThat(validators).as("dmn-check validators on the classpath").isNotEmpty();
		List<String> failures = new ArrayList<>();
		List<String> matched = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter((file) -> file.toString().endsWith(".dmn")).sorted().toList();
		}
		assertThat(files).as("DMN files in %s", folder.toAbsolutePath()).isNotEmpty();
		for (Path file : files) {
			DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
			for (Validator validator : validators) {
				for (ValidationResult result : validator.apply(model)) {
					String key = key(file, result, validator);
					if (intended.containsKey(key)) {
						matched.add(key);
					}
					else {
						failures.add(describe(key, result));
					}
				}
			}
		}
		intended.keySet()
			.stream()
			.filter((key) -> !matched.contains(key))
			.forEach((key) -> failures
				.add(key + " is listed in " + INTENDED + " but dmn-check no longer reports it: remove the line"));
		return failures;
	}

	/**
	 * {@code file | decision | validator | element ids}: stable across message rewording.
	 */
	private static String key(Path file, ValidationResult result, Validator validator) {
		ModelElementInstance element = result.getElement();
		List<String> ids = new ArrayList<>();
		if (element != null) {
			ids.add(idOf(element));
		}
		// rule findings name the other rules only in the message: keep their ids in the
		// key
		Matcher ruleIds = Pattern.compile("Rule_[A-Za-z0-9_]+").matcher(result.getMessage());
		while (ruleIds.find()) {
			if (!ids.contains(ruleIds.group())) {
				ids.add(ruleIds.group());
			}
		}
		return file.getFileName() + " | " + decisionOf(element) + " | " + validator.getClass().getSimpleName() + " | "
				+ String.join(",", ids);
	}

	private static String describe(String key, ValidationResult result) {
		return key + " | " + result.getSeverity() + ": " + result.getMessage();
	}

	private static String idOf(ModelElementInstance element) {
		String id = element.getAttributeValue("id");
		return (id != null) ? id : element.getElementType().getTypeName();
	}

	private static String decisionOf(ModelElementInstance element) {
		for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
			if (current instanceof Decision decision) {
				return decision.getId();
			}
		}
		return "-";
	}

	private static Map<String, String> readIntended(Path file) throws IOException {
		Map<String, String> intended = new LinkedHashMap<>();
		if (!Files.exists(file)) {
			return intended;
		}
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] parts = trimmed.split("\\s*\\|\\s*");
			assertThat(parts).as("%s line `%s`: file | decision | validator | element ids | reason", INTENDED, line)
				.hasSize(5);
			assertThat(parts[4]).as("%s line `%s` needs a reason", INTENDED, line).isNotBlank();
			intended.put(String.join(" | ", parts[0], parts[1], parts[2], parts[3]), parts[4]);
		}
		return intended;
	}

}
