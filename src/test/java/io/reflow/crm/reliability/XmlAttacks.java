package io.reflow.crm.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BPMN and DMN documents that attack the XML parser: external entities (a local file, an
 * HTTP address), external parameter entities and DTDs (out-of-band), XInclude, and entity
 * expansion bombs (billion laughs, quadratic blow-up).
 */
final class XmlAttacks {

	private XmlAttacks() {
	}

	private static final String BPMN_OPEN = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
			+ "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_Hostile\" "
			+ "targetNamespace=\"http://reflow.io/hostile\">";

	private static final String DMN_OPEN = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
			+ "id=\"Definitions_Hostile\" name=\"Hostile\" namespace=\"http://reflow.io/hostile\">";

	/** A BPMN process {@code hostile-probe} whose name holds {@code &x;}. */
	static String bpmn(String doctype, String name) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n" + BPMN_OPEN
				+ "<process id=\"hostile-probe\" name=\"" + name + "\" isExecutable=\"true\" "
				+ "camunda:historyTimeToLive=\"P1D\"><documentation>" + name + "</documentation>"
				+ "<startEvent id=\"StartEvent_Probe\"/></process></definitions>";
	}

	/** A DMN decision {@code key} whose name and output entry hold {@code &x;}. */
	static String dmn(String doctype, String key, String name) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n" + DMN_OPEN + "<decision id=\"" + key
				+ "\" name=\"" + name + "\"><decisionTable id=\"DecisionTable_Probe\">"
				+ "<input id=\"Input_Amount\" label=\"amount\"><inputExpression id=\"InputExpression_Amount\" "
				+ "typeRef=\"double\"><text>orderAmount</text></inputExpression></input>"
				+ "<output id=\"Output_Level\" name=\"approvalLevel\" typeRef=\"string\"/>"
				+ "<rule id=\"Rule_Any\"><inputEntry id=\"InputEntry_Any\"><text>-</text></inputEntry>"
				+ "<outputEntry id=\"OutputEntry_Any\"><text>\"" + name + "\"</text></outputEntry></rule>"
				+ "</decisionTable></decision></definitions>";
	}

	/**
	 * An XML document of the given root with an external file entity, for non-XML
	 * endpoints.
	 */
	static String xxeFile(String url, String root) {
		return "<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + url + "\">]><" + root + ">&x;</"
				+ root + ">";
	}

	/**
	 * The attacks by name: each a DOCTYPE and the text that references it.
	 * {@code secretUrl} is a local file holding a marker, {@code httpBase} a server that
	 * counts requests.
	 */
	static Map<String, String[]> doctypes(String root, String secretUrl, String httpBase) {
		Map<String, String[]> attacks = new LinkedHashMap<>();
		attacks.put("external entity: /etc/passwd",
				new String[] { "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;" });
		attacks.put("external entity: secret file",
				new String[] { "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + secretUrl + "\">]>", "&x;" });
		attacks.put("external entity: http",
				new String[] { "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + httpBase + "/entity\">]>", "&x;" });
		attacks.put("external parameter entity (out of band)", new String[] {
				"<!DOCTYPE " + root + " [<!ENTITY % remote SYSTEM \"" + httpBase + "/evil.dtd\"> %remote; %send;]>",
				"x" });
		attacks.put("external DTD",
				new String[] { "<!DOCTYPE " + root + " SYSTEM \"" + httpBase + "/external.dtd\">", "x" });
		attacks.put("billion laughs", new String[] { billionLaughs(root), "&lol9;" });
		attacks.put("quadratic blow-up", new String[] {
				"<!DOCTYPE " + root + " [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>", "&a;".repeat(20_000) });
		return attacks;
	}

	private static String billionLaughs(String root) {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">");
		String previous = "lol";
		for (int level = 1; level <= 9; level++) {
			String name = "lol" + level;
			doctype.append("<!ENTITY ")
				.append(name)
				.append(" \"")
				.append(("&" + previous + ";").repeat(10))
				.append("\">");
			previous = name;
		}
		return doctype.append("]>").toString();
	}

	/** XInclude of a local file (no DOCTYPE at all). */
	static String bpmnXInclude(String secretUrl) {
		return bpmn("", "probe").replace("<documentation>probe</documentation>",
				"<documentation><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secretUrl
						+ "\" parse=\"text\"/></documentation>");
	}

}
