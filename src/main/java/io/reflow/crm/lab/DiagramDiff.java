package io.reflow.crm.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What changed between two versions of a BPMN model, element by element: the flow
 * elements (tasks, events, gateways, sub-processes, sequence flows) matched by their id,
 * reported as added, removed or changed. An element changed when its type, any attribute
 * (name, {@code camunda:*} settings, a flow's source or target) or any nested definition
 * (conditions, timers, listeners, input and output mappings, form references) differs;
 * its {@code incoming}/{@code outgoing} references and the diagram's layout do not count,
 * since a flow that changes shows by itself. Stable ids across versions, as our model
 * conventions ask, are what makes this diff meaningful.
 */
public final class DiagramDiff {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/** Containers whose children are flow elements. */
	private static final Set<String> CONTAINERS = Set.of("process", "subProcess", "adHocSubProcess", "transaction");

	/** Children of a container that are not flow elements. */
	private static final Set<String> NOT_FLOW = Set.of("laneSet", "extensionElements", "documentation",
			"ioSpecification", "property", "dataStoreReference", "dataObject", "dataObjectReference", "association",
			"textAnnotation", "group");

	/**
	 * Ids of the flow elements added, removed and changed from the first to the second.
	 */
	public record Result(List<String> added, List<String> removed, List<String> changed) {

		public boolean identical() {
			return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
		}

	}

	private DiagramDiff() {
	}

	public static Result of(byte[] fromXml, byte[] toXml) {
		Map<String, String> from = flowElements(fromXml);
		Map<String, String> to = flowElements(toXml);
		List<String> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		to.forEach((id, canonical) -> {
			if (!from.containsKey(id)) {
				added.add(id);
			}
			else if (!from.get(id).equals(canonical)) {
				changed.add(id);
			}
		});
		from.keySet().stream().filter((id) -> !to.containsKey(id)).forEach(removed::add);
		return new Result(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
	}

	/** Each flow element's id and a canonical text of what defines it. */
	static Map<String, String> flowElements(byte[] xml) {
		Map<String, String> elements = new TreeMap<>();
		Element root = parse(xml).getDocumentElement();
		collect(root, elements);
		return elements;
	}

	private static void collect(Element element, Map<String, String> elements) {
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (!(child instanceof Element childElement) || !BPMN.equals(childElement.getNamespaceURI())) {
				continue;
			}
			String name = childElement.getLocalName();
			boolean container = CONTAINERS.contains(name);
			if (CONTAINERS.contains(element.getLocalName()) && !NOT_FLOW.contains(name)
					&& childElement.hasAttribute("id")) {
				elements.put(childElement.getAttribute("id"), canonical(childElement));
			}
			if (container || "definitions".equals(name) || "definitions".equals(element.getLocalName())) {
				collect(childElement, elements);
			}
		}
	}

	/**
	 * The element's name, sorted attributes and nested definitions, without nested flow
	 * elements (compared by themselves), flow references and whitespace.
	 */
	static String canonical(Element element) {
		StringBuilder text = new StringBuilder();
		text.append('<').append(element.getLocalName());
		NamedNodeMap attributes = element.getAttributes();
		Map<String, String> sorted = new TreeMap<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
				String namespace = (attribute.getNamespaceURI() != null) ? attribute.getNamespaceURI() + ":" : "";
				sorted.put(namespace + attribute.getLocalName(), attribute.getNodeValue());
			}
		}
		sorted.forEach((name, value) -> text.append(' ').append(name).append("=\"").append(value).append('"'));
		text.append('>');
		boolean container = CONTAINERS.contains(element.getLocalName());
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				String name = childElement.getLocalName();
				boolean reference = BPMN.equals(childElement.getNamespaceURI())
						&& ("incoming".equals(name) || "outgoing".equals(name));
				boolean nestedFlow = container && BPMN.equals(childElement.getNamespaceURI())
						&& !NOT_FLOW.contains(name) && childElement.hasAttribute("id");
				if (!reference && !nestedFlow) {
					text.append(canonical(childElement));
				}
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				String value = child.getNodeValue().strip();
				if (!value.isEmpty()) {
					text.append(value.replaceAll("\\s+", " "));
				}
			}
		}
		return text.append("</").append(element.getLocalName()).append('>').toString();
	}

	/** A namespace-aware parser that refuses document types and external entities. */
	private static org.w3c.dom.Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalArgumentException("Not a readable BPMN file: " + ex.getMessage(), ex);
		}
	}

}
