package io.reflow.crm.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Engine pre-deployer: refuses a new deployment, before the engine's own deployers see
 * it, when a resource would be deployed silently broken or would fail with a 500 instead
 * of a readable 400. The refusal is a {@link ParseException} with one problem per finding
 * (line and column in the file), which engine REST answers with 400 and Camunda's
 * {@code ParseException} JSON, and Camunda Modeler shows in its log. Nothing is deployed:
 * the exception rolls back the deployment's transaction.
 * <ul>
 * <li>BPMN, DMN: the file is well-formed XML (the engine answers 500 otherwise).</li>
 * <li>BPMN: at least one process is executable ({@code isExecutable="true"}); the engine
 * ignores non-executable processes and would deploy nothing without a word. Further
 * non-executable processes (a documentation pool next to the executable one) are
 * fine.</li>
 * <li>BPMN: every {@code camunda:formRef} with
 * {@code camunda:formRefBinding="deployment"} (and every
 * {@code camunda-forms:deployment:} form key) finds its form in this deployment;
 * otherwise the task would fail when opened. In Camunda Modeler: attach the form files in
 * the deploy dialog.</li>
 * <li>DMN: every decision has {@code camunda:historyTimeToLive} when the engine enforces
 * it (the engine answers 500 otherwise).</li>
 * <li>Forms: valid JSON with a textual {@code id} (the engine answers 500, or deploys a
 * form no task can find).</li>
 * <li>No tenant: Reflow CRM runs without tenants; a definition in a tenant would make
 * starting by key ambiguous. Refused with {@link BadUserRequestException} (400).</li>
 * </ul>
 * Deployments the engine re-reads into its cache ({@code isNew() == false}) are never
 * checked: what is deployed stays loadable.
 */
class DeploymentChecks implements Deployer {

	static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

	static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";

	private static final String FORM_KEY_DEPLOYMENT_PREFIX = "camunda-forms:deployment:";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			return;
		}
		ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
		boolean ttlRequired = configuration != null && configuration.isEnforceHistoryTimeToLive()
				&& configuration.getHistoryTimeToLive() == null;
		Map<String, byte[]> resources = new LinkedHashMap<>();
		if (deployment.getResources() != null) {
			for (ResourceEntity resource : deployment.getResources().values()) {
				resources.put(resource.getName(), resource.getBytes());
			}
		}
		check(deployment.getTenantId(), resources, ttlRequired);
	}

	/**
	 * Checks the resources of one deployment.
	 * @param tenantId the deployment's tenant, {@code null} for none
	 * @param resources resource name to content
	 * @param ttlRequired whether decisions must carry {@code camunda:historyTimeToLive}
	 * @throws ParseException for the first resource with findings, naming all of them
	 * @throws BadUserRequestException for a tenant
	 */
	static void check(String tenantId, Map<String, byte[]> resources, boolean ttlRequired) {
		if (tenantId != null) {
			throw new BadUserRequestException("Reflow CRM does not use tenants, so the deployment was refused: "
					+ "clear the field 'Tenant ID' in Camunda Modeler's deploy dialog (it was '" + tenantId + "').");
		}
		Set<String> formIds = new HashSet<>();
		for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
			if (isForm(resource.getKey())) {
				List<Problem> problems = new ArrayList<>();
				String id = formId(resource.getValue(), problems);
				fail(resource.getKey(), problems);
				formIds.add(id);
			}
		}
		for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
			String name = resource.getKey();
			if (isBpmn(name)) {
				fail(name, checkBpmn(resource.getValue(), formIds, resources.keySet()));
			}
			else if (isDmn(name)) {
				fail(name, checkDmn(resource.getValue(), ttlRequired));
			}
		}
	}

	static boolean isBpmn(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
	}

	static boolean isDmn(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
	}

	static boolean isForm(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(".form");
	}

	private static void fail(String resourceName, List<Problem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		String list = problems.stream()
			.map((problem) -> "* " + ((ResourceProblem) problem).describe(resourceName))
			.collect(Collectors.joining("\n"));
		throw new ParseException("Deployment refused: " + resourceName + " cannot be deployed. Errors: \n" + list,
				resourceName, problems, List.of());
	}

	private static String formId(byte[] content, List<Problem> problems) {
		JsonNode form;
		try {
			form = JSON.readTree(content);
		}
		catch (JsonProcessingException ex) {
			JsonLocation location = ex.getLocation();
			problems.add(new ResourceProblem("Form is not valid JSON: " + ex.getOriginalMessage(),
					(location != null) ? location.getLineNr() : 0, (location != null) ? location.getColumnNr() : 0,
					null));
			return null;
		}
		catch (IOException ex) {
			problems.add(new ResourceProblem("Form cannot be read: " + ex.getMessage(), 0, 0, null));
			return null;
		}
		JsonNode id = (form != null && form.isObject()) ? form.get("id") : null;
		if (id == null || !id.isTextual() || id.asText().isBlank()) {
			problems.add(new ResourceProblem(
					"Form has no \"id\"; tasks find a form by its id (camunda:formRef), so set the form's ID in "
							+ "Camunda Modeler's form editor",
					1, 1, null));
			return null;
		}
		return id.asText();
	}

	private static List<Problem> checkBpmn(byte[] content, Set<String> formIds, Set<String> resourceNames) {
		List<Problem> problems = new ArrayList<>();
		List<ResourceProblem> notExecutable = new ArrayList<>();
		boolean executable = false;
		int definitionsLine = 0;
		int definitionsColumn = 0;
		XMLStreamReader reader = null;
		try {
			reader = xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(content));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					problems.add(doctype(reader));
					return problems;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				Location location = reader.getLocation();
				String elementId = reader.getAttributeValue(null, "id");
				if (BPMN_NS.equals(reader.getNamespaceURI()) && "definitions".equals(reader.getLocalName())) {
					definitionsLine = location.getLineNumber();
					definitionsColumn = location.getColumnNumber();
				}
				if (BPMN_NS.equals(reader.getNamespaceURI()) && "process".equals(reader.getLocalName())) {
					if (Boolean.parseBoolean(reader.getAttributeValue(null, "isExecutable"))) {
						executable = true;
					}
					else {
						notExecutable.add(new ResourceProblem("Process '" + elementId
								+ "' is not executable (isExecutable is not \"true\"), so the engine would ignore it "
								+ "and deploy nothing; tick 'Executable' in Camunda Modeler's properties panel of the "
								+ "process", location.getLineNumber(), location.getColumnNumber(), elementId));
					}
				}
				checkFormReference(reader, elementId, location, formIds, resourceNames, problems);
			}
		}
		catch (XMLStreamException ex) {
			Location location = ex.getLocation();
			problems.add(new ResourceProblem("Not well-formed XML: " + streamMessage(ex),
					(location != null) ? location.getLineNumber() : 0,
					(location != null) ? location.getColumnNumber() : 0, null));
			return problems;
		}
		finally {
			close(reader);
		}
		if (!executable) {
			if (notExecutable.isEmpty()) {
				problems.add(new ResourceProblem(
						"The file contains no process, so the engine would deploy nothing; model a process "
								+ "(a participant with a process in a collaboration) and mark it 'Executable'",
						definitionsLine, definitionsColumn, null));
			}
			problems.addAll(0, notExecutable);
		}
		return problems;
	}

	private static void checkFormReference(XMLStreamReader reader, String elementId, Location location,
			Set<String> formIds, Set<String> resourceNames, List<Problem> problems) {
		String formRef = reader.getAttributeValue(CAMUNDA_BPMN_NS, "formRef");
		String binding = reader.getAttributeValue(CAMUNDA_BPMN_NS, "formRefBinding");
		if (formRef != null && "deployment".equals(binding) && !formRef.contains("${") && !formRef.contains("#{")
				&& !formIds.contains(formRef)) {
			problems.add(new ResourceProblem("'" + elementId + "' binds form '" + formRef
					+ "' by deployment (camunda:formRefBinding=\"deployment\"), but no form with that id is part of "
					+ "this deployment; in Camunda Modeler's deploy dialog, attach the form file (" + formRef
					+ ".form) as an additional file", location.getLineNumber(), location.getColumnNumber(), elementId));
		}
		String formKey = reader.getAttributeValue(CAMUNDA_BPMN_NS, "formKey");
		if (formKey != null && formKey.startsWith(FORM_KEY_DEPLOYMENT_PREFIX)) {
			String file = formKey.substring(FORM_KEY_DEPLOYMENT_PREFIX.length());
			if (!resourceNames.contains(file)) {
				problems.add(new ResourceProblem(
						"'" + elementId + "' uses form key '" + formKey + "', but no resource named '" + file
								+ "' is part of this deployment; attach it in Camunda " + "Modeler's deploy dialog",
						location.getLineNumber(), location.getColumnNumber(), elementId));
			}
		}
	}

	private static List<Problem> checkDmn(byte[] content, boolean ttlRequired) {
		List<Problem> problems = new ArrayList<>();
		XMLStreamReader reader = null;
		try {
			reader = xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(content));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					problems.add(doctype(reader));
					return problems;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String namespace = reader.getNamespaceURI();
				if (ttlRequired && "decision".equals(reader.getLocalName()) && namespace != null
						&& namespace.contains("omg.org/spec/DMN")
						&& reader.getAttributeValue(CAMUNDA_DMN_NS, "historyTimeToLive") == null) {
					String id = reader.getAttributeValue(null, "id");
					Location location = reader.getLocation();
					problems.add(new ResourceProblem("Decision '" + id
							+ "' has no History Time To Live (camunda:historyTimeToLive), which this engine "
							+ "requires; set it in Camunda Modeler's properties panel of the decision (e.g. 180)",
							location.getLineNumber(), location.getColumnNumber(), id));
				}
			}
		}
		catch (XMLStreamException ex) {
			Location location = ex.getLocation();
			problems.add(new ResourceProblem("Not well-formed XML: " + streamMessage(ex),
					(location != null) ? location.getLineNumber() : 0,
					(location != null) ? location.getColumnNumber() : 0, null));
		}
		finally {
			close(reader);
		}
		return problems;
	}

	/**
	 * A document type declaration: BPMN and DMN files never need one, and it carries
	 * entity attacks (external entities, entity expansion). The engine's own parser
	 * refuses it too, but with a 500; this makes it a 400 naming the line.
	 */
	private static ResourceProblem doctype(XMLStreamReader reader) {
		Location location = reader.getLocation();
		return new ResourceProblem(
				"The file contains a document type declaration (<!DOCTYPE ...>), which model "
						+ "files never need and which is refused because it can carry XML entity attacks; remove it",
				location.getLineNumber(), location.getColumnNumber(), null);
	}

	/** The parser's own sentence, without the "ParseError at [row,col]" prefix. */
	private static String streamMessage(XMLStreamException ex) {
		String message = String.valueOf(ex.getMessage());
		int start = message.indexOf("Message: ");
		return (start >= 0) ? message.substring(start + "Message: ".length()).trim() : message.trim();
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to read
			}
		}
	}

}
