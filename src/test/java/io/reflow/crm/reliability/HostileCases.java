package io.reflow.crm.reliability;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reflow.crm.reliability.Endpoint.Field;
import io.reflow.crm.reliability.Endpoint.Kind;
import io.reflow.crm.testsupport.Multipart;

/**
 * The catalogue of {@code /api} endpoints with valid calls, and the hostile attempts made
 * against each: bad path variables and query parameters for all, and for JSON bodies
 * malformed JSON, wrong root types and content types, unknown, missing and null fields,
 * wrong types, unknown enum values, extreme numbers and dates, injections and script
 * tags, control characters, over-long text and 10 MB bodies.
 */
final class HostileCases {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final String PLACEHOLDER = "\u0001hostile\u0001";

	/** What the application must do with an attempt. */
	record Attempt(Endpoint endpoint, String category, String label, String path, String contentType,
			java.util.function.Supplier<byte[]> body, boolean mustRefuse, String echoField, String echo) {

		@Override
		public String toString() {
			return this.endpoint.key() + " [" + this.category + ": " + HostileClient.abbreviate(this.label, 160) + "]";
		}

	}

	/** Ids of rows created before the attempts, for path variables. */
	record Fixture(long customerId, long leadId, long caseId, long campaignId) {
	}

	private HostileCases() {
	}

	static Map<String, Endpoint> catalogue(Fixture f) {
		String customer = """
				{"companyName":"Hostile Test GmbH","industry":"Software","region":"NORTH","employeeCount":50,
				 "tier":"STANDARD","ownerGroup":"sales-north","status":"PROSPECT",
				 "contacts":[{"name":"Ada Hostile","email":"ada@hostile.example","phone":"+49 30 1234567","role":"CTO"}]}""";
		String lead = """
				{"companyName":"Hostile Lead AG","contactName":"Bob Hostile","email":"bob@hostile.example",
				 "phone":"+49 30 7654321","source":"WEB","region":"NORTH","industry":"SOFTWARE","companySize":50,
				 "budgetConfirmed":true}""";
		String serviceCase = """
				{"customerId":%d,"channel":"EMAIL","category":"TECHNICAL","severity":"NORMAL",
				 "subject":"Printer on fire","description":"It burns."}""".formatted(f.customerId());
		String campaign = """
				{"name":"Hostile campaign","objective":"Test","channels":["EMAIL"],"budget":1000,
				 "audience":{"region":"NORTH"},"startDate":"%s","endDate":"%s","expectedResponseRate":5}"""
			.formatted(LocalDate.now().plusDays(30), LocalDate.now().plusDays(60));
		List<Endpoint> all = new ArrayList<>();
		// customers
		all.add(Endpoint.get("/api/customers"));
		all.add(Endpoint.get("/api/customers/{id}").path("id", f.customerId()));
		all.add(Endpoint.get("/api/customers/{id}/interactions").path("id", f.customerId()));
		all.add(customerFields(Endpoint.post("/api/customers").json(customer).echoes("/api/customers/{id}")));
		all.add(customerFields(Endpoint.put("/api/customers/{id}")
			.path("id", f.customerId())
			.json(customer)
			.echoes("/api/customers/{id}")));
		all.add(Endpoint.post("/api/customers/{id}/contacts")
			.path("id", f.customerId())
			.json("{\"name\":\"Eve Hostile\",\"email\":\"eve@hostile.example\",\"phone\":\"+49 30 555555\",\"role\":\"CEO\"}")
			.echoes("/api/customers/{id}")
			.text("name", true, 120)
			.formatted("email", false, 254)
			.formatted("phone", false, 0)
			.text("role", false, 80)
			.id("id", false));
		// sales
		all.add(Endpoint.get("/api/forecast"));
		all.add(Endpoint.post("/api/leads")
			.json(lead)
			.echoes("/api/leads/{id}")
			.text("companyName", true, 200)
			.text("contactName", true, 120)
			.formatted("email", false, 254)
			.formatted("phone", false, 0)
			.enumeration("source", true)
			.enumeration("region", true)
			.enumeration("industry", true)
			.integer("companySize", true, 0, 10_000_000)
			.bool("budgetConfirmed", true)
			.id("customerId", false)
			.id("campaignId", false)
			.text("externalRef", false, 100));
		all.add(Endpoint.get("/api/leads/{id}").path("id", f.leadId()));
		all.add(Endpoint.get("/api/opportunities"));
		all.add(Endpoint.get("/api/opportunities/{id}").path("id", 999_999).lookupFails());
		all.add(Endpoint.post("/api/opportunities/{id}/customer-response")
			.path("id", 999_999)
			.lookupFails()
			.json("{\"accepted\":true,\"reason\":\"Fine\"}")
			.bool("accepted", true)
			.text("reason", false, 200));
		all.add(Endpoint.get("/api/opportunities/{id}/quotes/{quoteId}/document")
			.path("id", 999_999)
			.path("quoteId", 999_999)
			.lookupFails());
		// support
		all.add(Endpoint.get("/api/cases"));
		all.add(Endpoint.get("/api/cases/{id}").path("id", f.caseId()));
		all.add(Endpoint.post("/api/cases")
			.json(serviceCase)
			.echoes("/api/cases/{id}")
			.id("customerId", true)
			.id("contactId", false)
			.enumeration("channel", true)
			.enumeration("category", true)
			.enumeration("severity", true)
			.text("subject", true, 200)
			.text("description", true, 4000)
			.text("externalRef", false, 100));
		all.add(Endpoint.post("/api/cases/{id}/comments")
			.path("id", f.caseId())
			.json("{\"text\":\"A comment\"}")
			.text("text", true, 2000));
		all.add(Endpoint.post("/api/cases/{id}/feedback")
			.path("id", f.caseId())
			.lookupFails()
			.json("{\"resolved\":true,\"csat\":5,\"comment\":\"Fine\"}")
			.bool("resolved", true)
			.integer("csat", false, 1, 5)
			.text("comment", false, 1000));
		// marketing
		all.add(Endpoint.get("/api/campaigns"));
		all.add(Endpoint.get("/api/campaigns/{id}").path("id", f.campaignId()));
		all.add(Endpoint.get("/api/campaigns/{id}/members").path("id", f.campaignId()));
		all.add(Endpoint.get("/api/campaigns/{id}/results").path("id", f.campaignId()));
		all.add(Endpoint.get("/api/campaigns/{id}/responses").path("id", f.campaignId()));
		all.add(Endpoint.get("/api/campaigns/{id}/responses/{responseId}")
			.path("id", f.campaignId())
			.path("responseId", 999_999)
			.lookupFails());
		all.add(Endpoint.post("/api/campaigns")
			.json(campaign)
			.echoes("/api/campaigns/{id}")
			.text("name", true, 200)
			.text("objective", false, 1000)
			.list("channels", false)
			.decimal("budget", false, 0, 10_000_000_000_000L)
			.object("audience")
			.date("startDate")
			.date("endDate")
			.decimal("expectedResponseRate", false, 0, 100));
		all.add(Endpoint.post("/api/campaigns/{id}/responses")
			.path("id", f.campaignId())
			.lookupFails()
			.json("{\"email\":\"nobody@hostile.example\",\"type\":\"OPENED\",\"interested\":false,\"note\":\"n\"}")
			.id("contactId", false)
			.formatted("email", false, 254)
			.enumeration("type", true)
			.bool("interested", false)
			.text("note", false, 1000));
		// kpis (manager groups and camunda-admin)
		for (String kpi : List.of("sales", "marketing", "service", "customers", "processes", "tasks")) {
			all.add(Endpoint.get("/api/kpis/" + kpi));
		}
		all.add(Endpoint.get("/api/kpis/processes/{key}/activities").path("key", "lead-qualification"));
		all.add(Endpoint.get("/api/kpis/processes/{key}/diagram").path("key", "lead-qualification"));
		all.add(Endpoint.post("/api/kpis/rebuild"));
		// reengineering lab (analysts, managers and camunda-admin); one version of each
		// process is deployed here, so even the valid scorecard request is refused (400,
		// no
		// earlier version)
		all.add(Endpoint.get("/api/lab/scorecard").lookupFails());
		all.add(Endpoint.get("/api/lab/processes"));
		all.add(Endpoint.get("/api/lab/processes/{key}/versions/{version}/xml")
			.path("key", "lead-qualification")
			.path("version", 1));
		// simulations: the hostile multipart parts carry no process, so every one is
		// refused before anything runs
		all.add(Endpoint.post("/api/lab/simulations").as("analyst").multipart());
		all.add(Endpoint.get("/api/lab/simulations").as("analyst"));
		all.add(Endpoint.get("/api/lab/simulations/{id}").as("analyst").path("id", "no-such-run").lookupFails());
		// analysts' tools
		all.add(Endpoint.get("/api/models/audit").as("analyst"));
		all.add(Endpoint.get("/api/models/processes").as("analyst"));
		all.add(Endpoint.get("/api/models/processes/{key}").as("analyst").path("key", "lead-qualification"));
		all.add(Endpoint.get("/api/models/processes/{key}/versions/{version}/xml")
			.as("analyst")
			.path("key", "lead-qualification")
			.path("version", 1));
		all.add(Endpoint.get("/api/models/decisions").as("analyst"));
		all.add(Endpoint.get("/api/models/decisions/{key}").as("analyst").path("key", "discount"));
		all.add(Endpoint.get("/api/models/decisions/{key}/versions/{version}/xml")
			.as("analyst")
			.path("key", "discount")
			.path("version", 1));
		all.add(Endpoint.get("/api/models/reload-status").as("analyst").lookupFails());
		all.add(Endpoint.post("/api/decisions/{key}/backtest").as("analyst").path("key", "discount").multipart());
		// only one version is deployed: even the valid dry run is refused (400, no target
		// version)
		all.add(Endpoint.post("/api/processes/{key}/migrations")
			.as("analyst")
			.lookupFails()
			.path("key", "lead-qualification")
			.json("{\"sourceVersion\":1,\"dryRun\":true}")
			.integer("sourceVersion", true, 1, Integer.MAX_VALUE)
			.integer("targetVersion", false, 1, Integer.MAX_VALUE)
			.bool("dryRun", false)
			.list("processInstanceIds", false)
			.list("mappings", false));
		all.add(Endpoint.get("/api/processes/{key}/migrations").as("analyst").path("key", "lead-qualification"));
		all.add(Endpoint.get("/api/processes/{key}/migrations/{batchId}")
			.as("analyst")
			.path("key", "lead-qualification")
			.path("batchId", "no-such-batch")
			.lookupFails());
		Map<String, Endpoint> byKey = new LinkedHashMap<>();
		all.forEach((endpoint) -> byKey.put(endpoint.key(), endpoint));
		return byKey;
	}

	private static Endpoint customerFields(Endpoint endpoint) {
		return endpoint.text("companyName", true, 200)
			.text("industry", false, 100)
			.enumeration("region", true)
			.integer("employeeCount", true, 0, 10_000_000)
			.enumeration("tier", true)
			.formatted("ownerGroup", false, 64)
			.enumeration("status", false)
			.list("contacts", false)
			.integer("version", false, 0, Long.MAX_VALUE);
	}

	// ---- attempts

	static final List<String> PATH_VALUES = List.of("-1", "0", "99999999999999999999", "abc", "1.5",
			encode("'; drop table crm_lead;--"), encode("${7*7}"), encode("#{7*7}"),
			encode("<script>alert(1)</script>"), "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "x".repeat(5000));

	static final List<String> QUERY_VALUES = List.of("'; drop table crm_lead;--", "${7*7}", "#{7*7}",
			"<script>alert(1)</script>", "-1", "0", "99999999999999999999", "", "NOT_A_VALUE", "2024-13-45",
			"+999999999-12-31", "id,desc;drop", "companyName,sideways", "contacts.email", "x".repeat(5000));

	/**
	 * Categories the short form keeps fewer of. A refused 10 MB body costs the JDK's HTTP
	 * client about a second (it keeps writing until Tomcat, having swallowed 2 MB, closes
	 * the connection; curl stops at once), so the short form sends one per endpoint: all
	 * of them are refused by the same size limit before they are read.
	 */
	static final Map<String, Integer> SHORT_FORM_LIMITS = Map.of("10MB", 1);

	/**
	 * Every attempt for an endpoint. With {@code perCategory} > 0 (the short form) at
	 * most that many attempts of each category are kept (fewer for
	 * {@link #SHORT_FORM_LIMITS}), chosen by the seeded random; 0 keeps all.
	 */
	static List<Attempt> attempts(Endpoint endpoint, List<String> queryParameters, int perCategory, Random random) {
		List<Attempt> attempts = new ArrayList<>();
		Multipart multipart = (endpoint.body == Endpoint.Body.MULTIPART) ? validMultipart() : null;
		byte[] validBody = (multipart != null) ? multipart.body() : validBody(endpoint);
		String validType = (endpoint.body == Endpoint.Body.JSON) ? "application/json"
				: (multipart != null) ? multipart.contentType() : null;
		for (String variable : endpoint.pathValues.keySet()) {
			for (String value : PATH_VALUES) {
				attempts.add(new Attempt(endpoint, "path", variable + "=" + value, endpoint.pathWith(variable, value),
						validType, () -> validBody, true, null, null));
			}
		}
		for (String parameter : queryParameters) {
			for (String value : QUERY_VALUES) {
				attempts.add(new Attempt(endpoint, "query", parameter + "=" + value,
						endpoint.path() + "?" + parameter + "=" + encode(value), validType, () -> validBody, false,
						null, null));
			}
		}
		if (endpoint.body == Endpoint.Body.JSON) {
			jsonAttempts(endpoint, attempts);
		}
		else if (endpoint.body == Endpoint.Body.MULTIPART) {
			multipartAttempts(endpoint, attempts);
		}
		else if (endpoint.body == Endpoint.Body.NONE && !endpoint.method.equals("GET")) {
			// a body where none is read: ignored, but never a 5xx
			attempts.add(new Attempt(endpoint, "malformed", "{", endpoint.path(), "application/json", () -> bytes("{"),
					false, null, null));
			attempts.add(new Attempt(endpoint, "10MB", "10 MB body", endpoint.path(), "application/json",
					() -> bytes("\"" + "x".repeat(HostileValues.TEN_MB) + "\""), false, null, null));
		}
		if (perCategory <= 0) {
			return attempts;
		}
		Map<String, List<Attempt>> byCategory = new LinkedHashMap<>();
		attempts.forEach(
				(attempt) -> byCategory.computeIfAbsent(attempt.category(), (c) -> new ArrayList<>()).add(attempt));
		List<Attempt> chosen = new ArrayList<>();
		for (Map.Entry<String, List<Attempt>> category : byCategory.entrySet()) {
			List<Attempt> candidates = category.getValue();
			Collections.shuffle(candidates, random);
			int kept = Math.min(perCategory, SHORT_FORM_LIMITS.getOrDefault(category.getKey(), perCategory));
			chosen.addAll(candidates.subList(0, Math.min(kept, candidates.size())));
		}
		return chosen;
	}

	private static void jsonAttempts(Endpoint endpoint, List<Attempt> attempts) {
		String path = endpoint.path();
		for (String raw : HostileValues.MALFORMED) {
			attempts.add(raw(endpoint, "malformed", raw, path, "application/json", raw));
		}
		attempts.add(raw(endpoint, "malformed", "empty body", path, "application/json", ""));
		attempts.add(lazy(endpoint, "malformed", "deep nesting", path,
				() -> "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", true));
		for (String raw : HostileValues.NOT_OBJECTS) {
			attempts.add(raw(endpoint, "not-object", raw, path, "application/json", raw));
		}
		String valid = endpoint.template;
		attempts.add(raw(endpoint, "content-type", "text/plain", path, "text/plain", valid));
		attempts.add(raw(endpoint, "content-type", "form", path, "application/x-www-form-urlencoded", "a=1&b=2"));
		attempts.add(raw(endpoint, "content-type", "xml with entity", path, "application/xml",
				XmlAttacks.xxeFile("file:///etc/passwd", "definitions")));
		attempts.add(raw(endpoint, "content-type", "multipart", path, "multipart/form-data; boundary=x", "--x--"));
		attempts.add(raw(endpoint, "unknown-field", "zzz", path, "application/json", with(valid, "zzz", "1")));
		attempts.add(raw(endpoint, "unknown-field", "__proto__", path, "application/json",
				with(valid, "__proto__", "{\"admin\":true}")));
		attempts.add(raw(endpoint, "unknown-field", "class", path, "application/json",
				with(valid, "class", "\"java.lang.Runtime\"")));
		attempts.add(lazy(endpoint, "10MB", "10 MB unknown field", path,
				() -> with(valid, "filler", "\"" + "x".repeat(HostileValues.TEN_MB) + "\""), true));
		// valid JSON after 10 MB of whitespace: refused by the body size limit
		// (JsonBodyLimit, 413)
		attempts.add(lazy(endpoint, "10MB", "10 MB of whitespace", path, () -> " ".repeat(HostileValues.TEN_MB) + valid,
				true));
		for (Field field : endpoint.fields) {
			String name = field.name();
			attempts
				.add(raw(endpoint, "missing", name, path, "application/json", without(valid, name), field.required()));
			attempts.add(
					raw(endpoint, "null", name, path, "application/json", with(valid, name, "null"), field.required()));
			if (field.kind() != Kind.OBJECT) {
				attempts.add(raw(endpoint, "wrong-type", name + "={}", path, "application/json",
						with(valid, name, "{\"$gt\":\"\"}"), true));
			}
			if (field.kind() != Kind.LIST) {
				attempts.add(raw(endpoint, "wrong-type", name + "=[...]", path, "application/json",
						with(valid, name, "[1,\"two\",{}]"), true));
			}
			switch (field.kind()) {
				case TEXT -> textAttempts(endpoint, field, attempts);
				case ENUM -> {
					for (String value : HostileValues.BAD_ENUMS) {
						attempts.add(raw(endpoint, "enum", name + "=" + value, path, "application/json",
								with(valid, name, quote(value)), true));
					}
				}
				case INTEGER, LONG, DECIMAL -> {
					for (String number : HostileValues.NUMBERS) {
						attempts.add(raw(endpoint, "number", name + "=" + number, path, "application/json",
								with(valid, name, number), numberRefused(field, number)));
					}
					attempts.add(raw(endpoint, "wrong-type", name + "=\"abc\"", path, "application/json",
							with(valid, name, "\"abc\""), true));
				}
				case BOOLEAN -> attempts.add(raw(endpoint, "wrong-type", name + "=\"maybe\"", path, "application/json",
						with(valid, name, "\"maybe\""), true));
				case DATE -> {
					for (String date : HostileValues.DATES) {
						boolean invalid = date.equals("2024-13-45") || date.equals("2024-02-30")
								|| date.equals("yesterday") || date.startsWith("'");
						attempts.add(raw(endpoint, "date", name + "=" + date, path, "application/json",
								with(valid, name, quote(date)), invalid));
					}
				}
				case LIST -> {
					attempts.add(raw(endpoint, "wrong-type", name + "=\"abc\"", path, "application/json",
							with(valid, name, "\"abc\""), true));
					attempts.add(raw(endpoint, "list", name + "=[null]", path, "application/json",
							with(valid, name, "[null]"), false));
					attempts.add(raw(endpoint, "list", name + "=[\"'; drop table crm_lead;--\"]", path,
							"application/json", with(valid, name, "[\"'; drop table crm_lead;--\"]"), false));
				}
				case OBJECT -> {
					attempts.add(raw(endpoint, "wrong-type", name + "=\"abc\"", path, "application/json",
							with(valid, name, "\"abc\""), true));
					attempts.add(raw(endpoint, "wrong-type", name + "=[1]", path, "application/json",
							with(valid, name, "[1]"), true));
				}
			}
		}
	}

	private static void multipartAttempts(Endpoint endpoint, List<Attempt> attempts) {
		String path = endpoint.path();
		List<Object[]> parts = new ArrayList<>();
		parts.add(new Object[] { "no file part", new Multipart().field("from", "2024-01-01"), true });
		parts.add(new Object[] { "empty file", new Multipart().file("file", "discount.dmn", "text/xml", new byte[0]),
				true });
		parts.add(new Object[] { "not XML",
				new Multipart().file("file", "discount.dmn", "text/xml", bytes("{\"a\":1}")), true });
		parts.add(new Object[] { "truncated XML",
				new Multipart().file("file", "discount.dmn", "text/xml", bytes("<definitions ")), true });
		parts.add(new Object[] { "2 MB file", new Multipart().file("file", "discount.dmn", "text/xml",
				bytes("<a>" + "x".repeat(2 * 1024 * 1024) + "</a>")), true });
		parts.add(new Object[] { "file name injection",
				new Multipart().file("file", "../../'; drop table crm_lead;--<script>.dmn", "text/xml", discountDmn()),
				false });
		for (String[] field : new String[][] { { "from", "2024-13-45" }, { "to", "'; drop table crm_lead;--" },
				{ "from", "+999999999-12-31" }, { "examples", "-1" }, { "examples", "99999999999" },
				{ "examples", "${7*7}" }, { "outputs", "'; drop table crm_lead;--" }, { "outputs", "${7*7}" } }) {
			Multipart multipart = validMultipart().field(field[0], field[1]);
			parts.add(new Object[] { field[0] + "=" + field[1], multipart, false });
		}
		for (Object[] part : parts) {
			Multipart multipart = (Multipart) part[1];
			byte[] body = multipart.body();
			attempts.add(new Attempt(endpoint, "multipart", (String) part[0], path, multipart.contentType(), () -> body,
					(Boolean) part[2], null, null));
		}
		attempts.add(raw(endpoint, "content-type", "json instead of multipart", path, "application/json", "{}"));
	}

	private static void textAttempts(Endpoint endpoint, Field field, List<Attempt> attempts) {
		String path = endpoint.path();
		String valid = endpoint.template;
		String name = field.name();
		for (String value : HostileValues.INJECTIONS) {
			boolean tooLong = field.maxLength() > 0 && value.length() > field.maxLength();
			attempts.add(new Attempt(endpoint, "text", name + "=" + value, path, "application/json",
					() -> bytes(with(valid, name, quote(value))), tooLong, name, value));
		}
		for (String value : HostileValues.CONTROL) {
			attempts.add(new Attempt(endpoint, "control-chars", name + "=" + quote(value), path, "application/json",
					() -> bytes(with(valid, name, quote(value))), false, name, value));
		}
		attempts.add(raw(endpoint, "text", name + "=\"\"", path, "application/json", with(valid, name, "\"\""),
				field.required()));
		attempts.add(raw(endpoint, "text", name + "=\"   \"", path, "application/json", with(valid, name, "\"   \""),
				field.required()));
		attempts
			.add(raw(endpoint, "text", name + "=12345", path, "application/json", with(valid, name, "12345"), false));
		if (field.maxLength() > 0) {
			attempts.add(raw(endpoint, "too-long", name + " of " + (field.maxLength() + 1) + " chars", path,
					"application/json", with(valid, name, quote("x".repeat(field.maxLength() + 1))), true));
			attempts.add(lazy(endpoint, "10MB", name + " of 10 MB", path,
					() -> with(valid, name, quote("x".repeat(HostileValues.TEN_MB))), true));
		}
	}

	/**
	 * Whether a number literal is out of the field's range (or of Java's) and must be
	 * refused.
	 */
	private static boolean numberRefused(Field field, String literal) {
		BigDecimal value = new BigDecimal(literal);
		if (field.kind() == Kind.DECIMAL) {
			return value.signum() < 0 || value.compareTo(BigDecimal.valueOf(field.max())) > 0;
		}
		if (value.abs().compareTo(new BigDecimal("1e20")) > 0) {
			return true;
		}
		BigDecimal truncated = value.setScale(0, java.math.RoundingMode.DOWN);
		return truncated.compareTo(BigDecimal.valueOf(field.min())) < 0
				|| truncated.compareTo(BigDecimal.valueOf(field.max())) > 0;
	}

	private static Attempt raw(Endpoint endpoint, String category, String label, String path, String contentType,
			String body) {
		return raw(endpoint, category, label, path, contentType, body, true);
	}

	private static Attempt raw(Endpoint endpoint, String category, String label, String path, String contentType,
			String body, boolean mustRefuse) {
		byte[] bytes = bytes(body);
		return new Attempt(endpoint, category, label, path, contentType, () -> bytes, mustRefuse, null, null);
	}

	private static Attempt lazy(Endpoint endpoint, String category, String label, String path,
			java.util.function.Supplier<String> body, boolean mustRefuse) {
		return new Attempt(endpoint, category, label, path, "application/json", () -> bytes(body.get()), mustRefuse,
				null, null);
	}

	static byte[] validBody(Endpoint endpoint) {
		return switch (endpoint.body) {
			case JSON -> bytes(endpoint.template);
			case MULTIPART -> validMultipart().body();
			case NONE -> null;
		};
	}

	static Multipart validMultipart() {
		return new Multipart().file("file", "discount.dmn", "text/xml", discountDmn());
	}

	static byte[] discountDmn() {
		try {
			return new org.springframework.core.io.ClassPathResource("decisions/discount.dmn").getContentAsByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The template with one field set to a raw JSON literal (valid or not). */
	static String with(String template, String field, String rawJson) {
		try {
			ObjectNode node = (ObjectNode) JSON.readTree(template);
			node.put(field, PLACEHOLDER);
			return JSON.writeValueAsString(node).replace(JSON.writeValueAsString(PLACEHOLDER), rawJson);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String without(String template, String field) {
		try {
			ObjectNode node = (ObjectNode) JSON.readTree(template);
			node.remove(field);
			return JSON.writeValueAsString(node);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String quote(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
