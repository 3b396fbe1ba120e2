package io.reflow.crm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputValues;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import io.reflow.crm.platform.identity.DemoIdentity;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naming and wiring rules of {@code /work/shared/CONVENTIONS.md} (sections 2 and 3)
 * checked over every model in {@code processes/}, {@code decisions/} and {@code forms/},
 * read from the project folders with Camunda's model APIs, without an engine or a Spring
 * context. Each rule is one parameterised test per model, so a failure names the rule,
 * the file and the element.
 */
class ModelConventionsTest {

	static final Path PROCESSES = Path.of("processes");

	static final Path DECISIONS = Path.of("decisions");

	static final Path FORMS = Path.of("forms");

	static final Path MAIN_JAVA = Path.of("src/main/java");

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	static final String KEBAB = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

	/** A part of a readable id: PascalCase meaning. */
	static final String PASCAL = "[A-Z][A-Za-z0-9]*";

	/** Modeler's generated suffix: digit first, then digits and lowercase letters. */
	static final Pattern GENERATED = Pattern.compile("_[0-9][0-9a-z]{6}(_di)?$");

	/** The id prefixes the real models use, for BPMN and for DMN. */
	static final Set<String> BPMN_PREFIXES = Set.of("Definitions", "BPMNDiagram", "BPMNPlane", "StartEvent", "EndEvent",
			"Task", "Gateway", "BoundaryEvent", "Event", "SubProcess", "CallActivity", "Flow", "Message", "Error",
			"ErrorEventDefinition", "TimerEventDefinition", "MessageEventDefinition", "SignalEventDefinition",
			"EscalationEventDefinition", "ConditionalEventDefinition", "CompensateEventDefinition",
			"TerminateEventDefinition", "LinkEventDefinition", "Signal", "Escalation", "DataObject",
			"DataObjectReference", "DataStoreReference", "TextAnnotation", "Association", "Participant",
			"Collaboration", "Lane", "LaneSet", "Group", "Category", "CategoryValue");

	static final Set<String> DMN_PREFIXES = Set.of("Definitions", "DMNDiagram", "DMNShape", "DMNEdge", "Decision",
			"DecisionTable", "Input", "InputExpression", "InputValues", "Output", "OutputValues", "Rule", "InputEntry",
			"OutputEntry", "InformationRequirement", "InputData", "Variable", "KnowledgeRequirement",
			"AuthorityRequirement", "LiteralExpression", "BusinessKnowledgeModel", "KnowledgeSource", "TextAnnotation",
			"Association");

	/**
	 * DMN outputs that name a group without ending in {@code Group}: escalation's
	 * {@code escalateTo} becomes the candidate group of the escalated case.
	 */
	static final Set<String> GROUP_OUTPUTS = Set.of("escalateTo");

	static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

	/** A bean method call in an expression: {@code campaignChannels.of(...)}. */
	static final Pattern BEAN_CALL = Pattern.compile("(?<![\\w.'\"])([a-zA-Z_]\\w*)\\s*\\.\\s*\\w+\\s*\\(");

	static final Pattern WHOLE_IDENTIFIER = Pattern.compile("\\s*([a-zA-Z_]\\w*)\\s*");

	// ---------------------------------------------------------------- model sources

	static Stream<Path> processFiles() {
		return files(PROCESSES, ".bpmn");
	}

	static Stream<Path> decisionFiles() {
		return files(DECISIONS, ".dmn");
	}

	static Stream<Path> formFiles() {
		return files(FORMS, ".form");
	}

	static Stream<Path> modelFiles() {
		return Stream.of(processFiles(), decisionFiles()).flatMap(s -> s);
	}

	static Stream<Path> files(Path folder, String extension) {
		try (Stream<Path> walk = Files.walk(folder)) {
			List<Path> files = walk.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().endsWith(extension))
				.sorted()
				.toList();
			assertThat(files).as("models in %s", folder).isNotEmpty();
			return files.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}

	static BpmnModelInstance bpmn(Path file) {
		try {
			return Bpmn.readModelFromFile(file.toFile());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(file + " is no valid BPMN: " + ex.getMessage(), ex);
		}
	}

	static DmnModelInstance dmn(Path file) {
		try {
			return Dmn.readModelFromFile(file.toFile());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(file + " is no valid DMN: " + ex.getMessage(), ex);
		}
	}

	static JsonNode form(Path file) {
		try {
			return new ObjectMapper().readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Document xml(Path file) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(file.toFile());
		}
		catch (Exception ex) {
			throw new IllegalStateException(file + " does not parse", ex);
		}
	}

	/** Every element of an XML model with its attributes. */
	static List<Element> elements(Path file) {
		List<Element> elements = new ArrayList<>();
		collect(xml(file).getDocumentElement(), elements);
		return elements;
	}

	static void collect(Element element, List<Element> into) {
		into.add(element);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				collect(childElement, into);
			}
		}
	}

	/** {@code file: element-id (tag)} of the nearest element with an id. */
	static String where(Path file, Element element) {
		Node node = element;
		while (node instanceof Element e && e.getAttribute("id").isEmpty()) {
			node = e.getParentNode();
		}
		String id = (node instanceof Element e) ? e.getAttribute("id") : "?";
		return file + ": " + id + " (" + element.getLocalName() + ")";
	}

	// ---------------------------------------------------------------- names

	/**
	 * {@code <key>.bpmn} holds process {@code <key>}; an earlier version of it is named
	 * {@code <key>.<tag>.bpmn} and carries {@code camunda:versionTag="<tag>"} (see
	 * platform.deployment.ModelDeployer).
	 */
	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldNameEachProcessAfterItsFile(Path file) {
		Collection<Process> processes = bpmn(file).getModelElementsByType(Process.class);
		String name = baseName(file);
		String key = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
		assertThat(key).as("%s: file name is kebab-case", file).matches(KEBAB);
		assertThat(processes).as("%s: processes", file).hasSize(1);
		Process process = processes.iterator().next();
		assertThat(process.getId()).as("%s: process id", file).isEqualTo(key);
		if (!key.equals(name)) {
			String tag = name.substring(key.length() + 1);
			assertThat(tag).as("%s: version tag in the file name is kebab-case", file).matches(KEBAB);
			assertThat(process.getCamundaVersionTag()).as("%s: camunda:versionTag", file).isEqualTo(tag);
		}
	}

	@ParameterizedTest
	@MethodSource("decisionFiles")
	void shouldNameEachDecisionFileAfterADecisionInIt(Path file) {
		Set<String> ids = dmn(file).getModelElementsByType(Decision.class)
			.stream()
			.map(Decision::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(ids).as("%s: decision ids", file).contains(baseName(file)).allMatch(id -> id.matches(KEBAB));
	}

	@ParameterizedTest
	@MethodSource("formFiles")
	void shouldNameEachFormAfterItsFile(Path file) {
		assertThat(baseName(file)).as("%s: file name is kebab-case", file).matches(KEBAB);
		assertThat(form(file).path("id").asText()).as("%s: form id", file).isEqualTo(baseName(file));
	}

	@Test
	void shouldNotReuseFormOrDecisionIds() {
		assertThat(formFiles().map(ModelConventionsTest::baseName).toList()).as("form ids").doesNotHaveDuplicates();
		assertThat(decisionFiles().flatMap(f -> dmn(f).getModelElementsByType(Decision.class).stream())
			.map(Decision::getId)
			.toList()).as("decision ids").doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@MethodSource("modelFiles")
	void shouldUseReadableIds(Path file) {
		Set<String> prefixes = file.toString().endsWith(".bpmn") ? BPMN_PREFIXES : DMN_PREFIXES;
		Set<String> keys = keys(file);
		Pattern readable = Pattern.compile("(" + String.join("|", prefixes) + ")_" + PASCAL + "(_" + PASCAL + ")*");
		List<String> unreadable = new ArrayList<>();
		for (Element element : elements(file)) {
			String id = element.getAttribute("id");
			if (id.isEmpty()) {
				continue;
			}
			String meaning = id.endsWith("_di") ? id.substring(0, id.length() - 3) : id;
			boolean ok = keys.contains(meaning) || readable.matcher(meaning).matches();
			if (!ok) {
				unreadable.add(where(file, element));
			}
		}
		assertThat(unreadable)
			.as("ids that are not <Prefix>_<PascalCase> (allowed prefixes %s) in %s", new TreeSet<>(prefixes), file)
			.isEmpty();
	}

	@ParameterizedTest
	@MethodSource("modelFiles")
	void shouldNotKeepGeneratedIds(Path file) {
		List<String> generated = elements(file).stream()
			.filter(e -> GENERATED.matcher(e.getAttribute("id")).find())
			.map(e -> where(file, e))
			.toList();
		assertThat(generated).as("generated ids (rename them after their meaning) in %s", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldPrefixBpmnElementIdsByKind(Path file) {
		Map<Class<? extends BaseElement>, String> prefixes = new java.util.LinkedHashMap<>();
		prefixes.put(StartEvent.class, "StartEvent_");
		prefixes.put(EndEvent.class, "EndEvent_");
		prefixes.put(BoundaryEvent.class, "BoundaryEvent_");
		prefixes.put(IntermediateCatchEvent.class, "Event_");
		prefixes.put(IntermediateThrowEvent.class, "Event_");
		prefixes.put(Task.class, "Task_");
		prefixes.put(Gateway.class, "Gateway_");
		prefixes.put(SubProcess.class, "SubProcess_");
		prefixes.put(CallActivity.class, "CallActivity_");
		prefixes.put(SequenceFlow.class, "Flow_");
		prefixes.put(Message.class, "Message_");
		prefixes.put(org.camunda.bpm.model.bpmn.instance.Error.class, "Error_");
		BpmnModelInstance model = bpmn(file);
		List<String> wrong = new ArrayList<>();
		prefixes.forEach((type, prefix) -> model.getModelElementsByType(type)
			.stream()
			.filter(e -> !e.getId().startsWith(prefix))
			.forEach(e -> wrong
				.add(file + ": " + e.getId() + " (" + type.getSimpleName() + ") should start with " + prefix)));
		assertThat(wrong).as("element ids whose prefix does not say their kind").isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldNameMessagesAfterTheirId(Path file) {
		List<String> wrong = bpmn(file).getModelElementsByType(Message.class)
			.stream()
			.filter(m -> !m.getId().equals("Message_" + m.getName()))
			.map(m -> file + ": " + m.getId() + " has name " + m.getName())
			.toList();
		assertThat(wrong).as("messages: id Message_<Name>, name <Name> (PastTense)").isEmpty();
	}

	// ---------------------------------------------------------------- history

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldSetHistoryTimeToLiveOnEveryProcess(Path file) {
		List<String> missing = bpmn(file).getModelElementsByType(Process.class)
			.stream()
			.filter(p -> p.getCamundaHistoryTimeToLiveString() == null
					|| p.getCamundaHistoryTimeToLiveString().isBlank())
			.map(p -> file + ": " + p.getId())
			.toList();
		assertThat(missing).as("processes without camunda:historyTimeToLive").isEmpty();
	}

	@ParameterizedTest
	@MethodSource("decisionFiles")
	void shouldSetHistoryTimeToLiveOnEveryDecision(Path file) {
		List<String> missing = dmn(file).getModelElementsByType(Decision.class)
			.stream()
			.filter(d -> d.getCamundaHistoryTimeToLiveString() == null
					|| d.getCamundaHistoryTimeToLiveString().isBlank())
			.map(d -> file + ": " + d.getId())
			.toList();
		assertThat(missing).as("decisions without camunda:historyTimeToLive").isEmpty();
	}

	// ---------------------------------------------------------------- references

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldReferenceDeployedFormsByDeploymentBinding(Path file) {
		Set<String> forms = formFiles().map(f -> form(f).path("id").asText()).collect(Collectors.toSet());
		List<String> wrong = new ArrayList<>();
		for (Element element : elements(file)) {
			if (!element.hasAttributeNS(CAMUNDA_NS, "formRef")) {
				if (element.hasAttributeNS(CAMUNDA_NS, "formKey")) {
					wrong.add(where(file, element) + ": camunda:formKey instead of camunda:formRef");
				}
				continue;
			}
			String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
			if (!forms.contains(formRef)) {
				wrong.add(where(file, element) + ": formRef " + formRef + " has no form in forms/");
			}
			if (!"deployment".equals(element.getAttributeNS(CAMUNDA_NS, "formRefBinding"))) {
				wrong.add(where(file, element) + ": formRef " + formRef + " without formRefBinding=\"deployment\"");
			}
		}
		assertThat(wrong).as("form references").isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldReferenceExistingDecisions(Path file) {
		Set<String> decisions = decisionIds();
		List<String> wrong = elements(file).stream()
			.filter(e -> e.hasAttributeNS(CAMUNDA_NS, "decisionRef"))
			.filter(e -> !EXPRESSION.matcher(e.getAttributeNS(CAMUNDA_NS, "decisionRef")).find())
			.filter(e -> !decisions.contains(e.getAttributeNS(CAMUNDA_NS, "decisionRef")))
			.map(e -> where(file, e) + ": decisionRef " + e.getAttributeNS(CAMUNDA_NS, "decisionRef")
					+ " is no decision in decisions/")
			.toList();
		assertThat(wrong).as("decision references").isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldWireDelegatesAndExpressionBeansToSpringComponents(Path file) {
		Set<String> beans = beanNames();
		List<String> wrong = new ArrayList<>();
		for (Element element : elements(file)) {
			String delegate = element.getAttributeNS(CAMUNDA_NS, "delegateExpression");
			if (!delegate.isEmpty()) {
				Matcher expression = EXPRESSION.matcher(delegate);
				Matcher identifier = expression.matches() ? WHOLE_IDENTIFIER.matcher(expression.group(1)) : null;
				if (identifier == null || !identifier.matches()) {
					wrong.add(where(file, element) + ": delegateExpression " + delegate + " is not ${beanName}");
				}
				else if (!beans.contains(identifier.group(1))) {
					wrong.add(where(file, element) + ": delegateExpression " + delegate + " has no @Component "
							+ identifier.group(1));
				}
			}
			for (String text : expressionTexts(element)) {
				Matcher expression = EXPRESSION.matcher(text);
				while (expression.find()) {
					Matcher call = BEAN_CALL.matcher(expression.group(1));
					while (call.find()) {
						if (!beans.contains(call.group(1))) {
							wrong.add(where(file, element) + ": " + expression.group() + " calls " + call.group(1)
									+ ", which is no @Component");
						}
					}
				}
			}
		}
		assertThat(wrong).as("delegates and beans in expressions without a Spring component in src/main/java")
			.isEmpty();
	}

	/** The attribute values and text of an element that may hold expressions. */
	static List<String> expressionTexts(Element element) {
		List<String> texts = new ArrayList<>();
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			texts.add(attributes.item(i).getNodeValue());
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				texts.add(child.getNodeValue());
			}
		}
		return texts;
	}

	// ---------------------------------------------------------------- groups

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldGiveEveryLiteralCandidateGroupADemoMember(Path file) {
		Set<String> groups = demoGroups();
		List<String> wrong = new ArrayList<>();
		for (UserTask task : bpmn(file).getModelElementsByType(UserTask.class)) {
			String candidateGroups = task.getCamundaCandidateGroups();
			if (candidateGroups == null) {
				continue;
			}
			for (String group : candidateGroups.split(",")) {
				String trimmed = group.trim();
				if (!trimmed.isEmpty() && !EXPRESSION.matcher(trimmed).find() && !groups.contains(trimmed)) {
					wrong.add(file + ": " + task.getId() + ": candidate group " + trimmed + " has no demo user");
				}
			}
		}
		assertThat(wrong).as("candidate groups without a member in DemoIdentity (groups: %s)", new TreeSet<>(groups))
			.isEmpty();
	}

	/**
	 * An expression candidate group {@code ${var}} must come from somewhere: a business
	 * rule task's result variable or an output parameter of the same model (whose DMN
	 * values the next test checks), or a process variable constant in
	 * {@code src/main/java} that code sets (such as the customer's {@code ownerGroup}).
	 */
	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldSourceEveryExpressionCandidateGroup(Path file) {
		Set<String> produced = new HashSet<>();
		for (Element element : elements(file)) {
			if (element.hasAttributeNS(CAMUNDA_NS, "resultVariable")) {
				produced.add(element.getAttributeNS(CAMUNDA_NS, "resultVariable"));
			}
			if ("outputParameter".equals(element.getLocalName())) {
				produced.add(element.getAttribute("name"));
			}
		}
		Pattern constant = Pattern.compile("static\\s+final\\s+String\\s+\\w+\\s*=\\s*\"(\\w+)\"");
		Set<String> codeVariables = mainSources().values()
			.stream()
			.flatMap(source -> constant.matcher(source).results().map(r -> r.group(1)))
			.collect(Collectors.toSet());
		List<String> wrong = new ArrayList<>();
		for (UserTask task : bpmn(file).getModelElementsByType(UserTask.class)) {
			String candidateGroups = task.getCamundaCandidateGroups();
			Matcher expression = EXPRESSION.matcher((candidateGroups != null) ? candidateGroups : "");
			while (expression.find()) {
				Matcher variable = WHOLE_IDENTIFIER.matcher(expression.group(1));
				if (variable.matches() && !produced.contains(variable.group(1))
						&& !codeVariables.contains(variable.group(1))) {
					wrong.add(file + ": " + task.getId() + ": candidate group " + expression.group()
							+ " is set by no decision, output parameter or code constant");
				}
			}
		}
		assertThat(wrong).as("expression candidate groups without a source").isEmpty();
	}

	@ParameterizedTest
	@MethodSource("decisionFiles")
	void shouldGiveEveryGroupADecisionReturnsADemoMember(Path file) {
		Set<String> groups = demoGroups();
		Set<String> notGroups = notCandidateGroups();
		List<String> wrong = new ArrayList<>();
		DmnModelInstance model = dmn(file);
		for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
			List<Output> outputs = new ArrayList<>(table.getOutputs());
			for (int i = 0; i < outputs.size(); i++) {
				String name = outputs.get(i).getName();
				if (name == null || !(name.endsWith("Group") || GROUP_OUTPUTS.contains(name))) {
					continue;
				}
				OutputValues allowed = outputs.get(i).getOutputValues();
				if (allowed != null) {
					Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(allowed.getTextContent());
					while (literal.find()) {
						if (!groups.contains(literal.group(1)) && !notGroups.contains(literal.group(1))) {
							wrong.add(file + ": " + outputs.get(i).getId() + ": allowed value " + literal.group(1)
									+ " has no demo user");
						}
					}
				}
				for (Rule rule : table.getRules()) {
					String text = new ArrayList<>(rule.getOutputEntries()).get(i).getTextContent().trim();
					if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
						String group = text.substring(1, text.length() - 1);
						if (!groups.contains(group) && !notGroups.contains(group)) {
							wrong.add(file + ": " + rule.getId() + ": " + name + " " + group + " has no demo user");
						}
					}
				}
			}
		}
		assertThat(wrong)
			.as("groups a decision returns without a member in DemoIdentity (groups: %s)", new TreeSet<>(groups))
			.isEmpty();
	}

	/**
	 * Output values of a {@code *Group} output that are routed by a gateway before any
	 * task is created for them, such as lead-assignment's {@code marketing-nurture}: the
	 * string literals compared with a {@code *Group} variable in a sequence flow
	 * condition.
	 */
	static Set<String> notCandidateGroups() {
		Pattern routed = Pattern.compile("\\w*Group\\s*==\\s*'([^']*)'");
		Set<String> routedValues = new HashSet<>();
		processFiles().forEach(file -> {
			for (Element element : elements(file)) {
				if ("conditionExpression".equals(element.getLocalName())) {
					Matcher matcher = routed.matcher(element.getTextContent());
					while (matcher.find()) {
						routedValues.add(matcher.group(1));
					}
				}
			}
		});
		return routedValues;
	}

	// ---------------------------------------------------------------- messages

	@ParameterizedTest
	@MethodSource("processFiles")
	void shouldCorrelateEveryMessageFromCode(Path file) {
		Map<String, String> sources = mainSources();
		Map<String, Set<String>> constantsByValue = new HashMap<>();
		Pattern constant = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"");
		sources.values().forEach(source -> {
			Matcher matcher = constant.matcher(source);
			while (matcher.find()) {
				constantsByValue.computeIfAbsent(matcher.group(2), v -> new HashSet<>()).add(matcher.group(1));
			}
		});
		List<String> wrong = new ArrayList<>();
		for (Message message : bpmn(file).getModelElementsByType(Message.class)) {
			String name = message.getName();
			Set<String> constants = constantsByValue.getOrDefault(name, Set.of());
			boolean correlated = sources.values()
				.stream()
				.filter(source -> source.contains("createMessageCorrelation") || source.contains("correlateMessage")
						|| source.contains("correlateAll") || source.contains("correlateWithResult"))
				.anyMatch(source -> source.contains("\"" + name + "\"")
						&& !constant.matcher(source).results().anyMatch(r -> r.group(2).equals(name))
						|| constants.stream().anyMatch(c -> source.contains("Messages." + c)));
			if (!correlated) {
				wrong.add(file + ": " + message.getId() + " (name " + name + ")");
			}
		}
		assertThat(wrong).as("messages that no code in src/main/java correlates").isEmpty();
	}

	// ---------------------------------------------------------------- what the code
	// offers

	static Set<String> decisionIds() {
		return decisionFiles().flatMap(f -> dmn(f).getModelElementsByType(Decision.class).stream())
			.map(Decision::getId)
			.collect(Collectors.toSet());
	}

	/** Process keys and decision ids of a model: the ids that are kebab-case. */
	static Set<String> keys(Path file) {
		if (file.toString().endsWith(".bpmn")) {
			return bpmn(file).getModelElementsByType(Process.class)
				.stream()
				.map(Process::getId)
				.filter(id -> id.matches(KEBAB))
				.collect(Collectors.toSet());
		}
		return dmn(file).getModelElementsByType(Decision.class)
			.stream()
			.map(Decision::getId)
			.filter(id -> id.matches(KEBAB))
			.collect(Collectors.toSet());
	}

	static Set<String> demoGroups() {
		return DemoIdentity.USERS.stream().map(DemoIdentity.DemoUser::groupId).collect(Collectors.toSet());
	}

	/**
	 * The Spring bean names of {@code src/main/java}: stereotype components (explicit
	 * name or decapitalised class name) and {@code @Bean} methods, read from the class
	 * files without starting a context.
	 */
	static Set<String> beanNames() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		Set<String> beans = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.reflow.crm")) {
			AnnotatedBeanDefinition definition = (AnnotatedBeanDefinition) candidate;
			if (!isMainSource(definition.getMetadata().getClassName())) {
				continue;
			}
			beans.add(names.generateBeanName(definition, registry));
			for (MethodMetadata method : definition.getMetadata().getAnnotatedMethods(Bean.class.getName())) {
				MergedAnnotation<Bean> bean = method.getAnnotations().get(Bean.class);
				String[] explicit = bean.getStringArray("name");
				beans.add(explicit.length > 0 ? explicit[0] : method.getMethodName());
			}
		}
		assertThat(beans).as("beans found in src/main/java").isNotEmpty();
		return beans;
	}

	static boolean isMainSource(String className) {
		String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
		return Files.isRegularFile(MAIN_JAVA.resolve(outer.replace('.', File.separatorChar) + ".java"));
	}

	static Map<String, String> mainSources() {
		try (Stream<Path> walk = Files.walk(MAIN_JAVA)) {
			Map<String, String> sources = new HashMap<>();
			for (Path path : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
				sources.put(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
