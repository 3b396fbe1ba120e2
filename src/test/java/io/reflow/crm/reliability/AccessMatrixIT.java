package io.reflow.crm.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.reflow.crm.reliability.AccessMatrix.Cell;
import io.reflow.crm.reliability.AccessMatrix.Row;
import io.reflow.crm.testsupport.PostgresServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role against every {@code /api} endpoint, the key engine REST operations and
 * the web applications, over real HTTP on PostgreSQL: each request gets the status that
 * the section "Access matrix (tested)" of {@code docs/security.md} states. The matrix is
 * read from that file, and every {@code /api} mapping Spring knows must have a row there
 * (and every row a mapping), so documentation and code cannot drift apart.
 * <p>
 * The short form ({@code reflow.reliability.scale=short}) and the full form run the same
 * matrix: it is a fixed set of requests, not a load. Wrong passwords are never sent (the
 * engine would lock the demo users after ten).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "demo", "test", "postgres" })
class AccessMatrixIT {

	/** The user of the matrix that belongs to no group; no demo user does. */
	static final String NO_GROUP_USER = "no.group";

	static final String NO_GROUP = "—";

	static final AccessMatrix MATRIX = AccessMatrix
		.read(Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("docs/security.md"));

	static final AtomicInteger CELLS = new AtomicInteger();

	/** What each user got, by row, for the report in target/reliability. */
	static final Map<Row, Map<String, Integer>> OBSERVED = new ConcurrentHashMap<>();

	static final ExecutorService USERS = Executors.newFixedThreadPool(4);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresServer.register(registry, "reflow_access");
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeEach
	void createUserInNoGroup() {
		if (this.identityService.createUserQuery().userId(NO_GROUP_USER).count() == 0) {
			User user = this.identityService.newUser(NO_GROUP_USER);
			user.setFirstName("No");
			user.setLastName("Group");
			user.setPassword(AccessClient.PASSWORD);
			this.identityService.saveUser(user);
		}
	}

	@AfterAll
	static void report() throws IOException {
		USERS.shutdownNow();
		StringBuilder table = new StringBuilder("| Method | Path | ").append(String.join(" | ", MATRIX.users()))
			.append(" |\n|---|---|")
			.append("---|".repeat(MATRIX.users().size()))
			.append("\n");
		for (Row row : MATRIX.rows()) {
			Map<String, Integer> got = OBSERVED.getOrDefault(row, Map.of());
			table.append("| ").append(row.method()).append(" | `").append(row.path()).append("` | ");
			table.append(String.join(" | ",
					MATRIX.users().stream().map((user) -> String.valueOf(got.getOrDefault(user, 0))).toList()));
			table.append(" |\n");
		}
		Path report = Path.of(System.getProperty("basedir", ""))
			.toAbsolutePath()
			.resolve("target/reliability/access-matrix-observed.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, "# Access matrix: statuses observed by AccessMatrixIT\n\n" + table);
		System.out.printf("AccessMatrixIT (scale %s): %d rows x %d users, %d cells checked%n",
				System.getProperty("reflow.reliability.scale", "short"), MATRIX.rows().size(), MATRIX.users().size(),
				CELLS.get());
	}

	@Test
	void shouldListEveryApiEndpointInTheMatrixAndNoOther() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
					continue;
				}
				Set<?> methods = info.getMethodsCondition().getMethods();
				assertThat(methods).as("HTTP methods of " + pattern + " (a mapping without one is not tested)")
					.isNotEmpty();
				methods.forEach((method) -> mapped.add(method + " " + pattern));
			}
		}
		Set<String> documented = new TreeSet<>();
		for (Row row : MATRIX.rows()) {
			if (row.path().startsWith("/api/")) {
				assertThat(documented.add(row.toString())).as("duplicate row " + row + " (line " + row.line() + ")")
					.isTrue();
			}
		}
		Set<String> missing = new TreeSet<>(mapped);
		missing.removeAll(documented);
		Set<String> stale = new TreeSet<>(documented);
		stale.removeAll(mapped);
		assertThat(missing).as("/api endpoints missing from docs/security.md, section " + AccessMatrix.SECTION)
			.isEmpty();
		assertThat(stale).as("rows of docs/security.md, section " + AccessMatrix.SECTION + ", without an endpoint")
			.isEmpty();
	}

	@Test
	void shouldDescribeEveryColumnByItsUsersGroup() {
		assertThat(MATRIX.users()).contains(AccessMatrix.ANONYMOUS, NO_GROUP_USER);
		assertThat(MATRIX.legend().keySet()).as("legend of the matrix").containsExactlyElementsOf(MATRIX.users());
		for (Map.Entry<String, String> column : MATRIX.legend().entrySet()) {
			if (column.getKey().equals(AccessMatrix.ANONYMOUS)) {
				continue;
			}
			List<String> groups = this.identityService.createGroupQuery()
				.groupMember(column.getKey())
				.list()
				.stream()
				.map(Group::getId)
				.toList();
			assertThat(groups).as("groups of " + column.getKey())
				.containsExactlyElementsOf(column.getValue().equals(NO_GROUP) ? List.of() : List.of(column.getValue()));
		}
	}

	/**
	 * Found by the matrix: Camunda answered this malformed request with a 500 naming
	 * {@code NullPointerException}; see
	 * {@code platform.security.EngineRestUnexpectedErrors}.
	 */
	@Test
	void shouldNameNoJavaExceptionInEngineRestAnswers() {
		HttpResponse<String> response = new io.reflow.crm.testsupport.Http(this.port)
			.to("/engine-rest/authorization/create")
			.basic("admin", AccessClient.PASSWORD)
			.postJson("{}");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).contains("\"type\":\"ServerError\"")
			.doesNotContain("NullPointerException")
			.doesNotContain("java.lang");
	}

	@TestFactory
	Stream<DynamicTest> shouldAnswerEveryRoleAsTheMatrixStates() {
		AccessClient client = new AccessClient(this.port);
		return MATRIX.rows().stream().map((row) -> DynamicTest.dynamicTest(row + " (line " + row.line() + ")", () -> {
			Map<String, Future<HttpResponse<String>>> responses = new LinkedHashMap<>();
			for (String user : row.cells().keySet()) {
				responses.put(user, USERS.submit(() -> client.send(user, row.method(), row.path())));
			}
			List<String> failures = new ArrayList<>();
			Map<String, Integer> observed = new ConcurrentHashMap<>();
			for (Map.Entry<String, Cell> cell : row.cells().entrySet()) {
				HttpResponse<String> response = responses.get(cell.getKey()).get(60, TimeUnit.SECONDS);
				observed.put(cell.getKey(), response.statusCode());
				CELLS.incrementAndGet();
				String failure = mismatch(row.path(), cell.getValue(), response);
				if (failure != null) {
					failures.add(cell.getKey() + ": expected " + cell.getValue().text() + ", " + failure);
				}
			}
			OBSERVED.put(row, observed);
			assertThat(failures).as(row + " " + AccessClient.concrete(row.path())).isEmpty();
		}));
	}

	/** Why the response does not match the cell, or null when it does. */
	static String mismatch(String path, Cell cell, HttpResponse<String> response) {
		int status = response.statusCode();
		String got = "got " + status + " " + response.headers().firstValue("Content-Type").orElse("(no type)") + " "
				+ abbreviate(response.body());
		if (cell.allowed()) {
			return (status == 401 || status == 403 || status >= 500) ? got : null;
		}
		if (status != cell.status()) {
			return got;
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		boolean engineRest = path.startsWith("/engine-rest/");
		boolean webapp = path.startsWith("/camunda/app/");
		if (status == 302) {
			String location = response.headers().firstValue("Location").orElse("");
			return location.endsWith("/login") ? null : "redirected to " + location;
		}
		if (status == 401) {
			String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
			if (!challenge.startsWith("Basic")) {
				return "no Basic challenge: " + got;
			}
			if (!type.startsWith("application/problem+json")) {
				return "not problem details: " + got;
			}
			return (engineRest && !response.body().contains("\"message\"")) ? "no Camunda message field: " + got : null;
		}
		if (engineRest) {
			// Camunda's own error format: {"type": "...Exception", "message": "..."}
			if (!type.startsWith("application/json") || !response.body().contains("\"type\"")
					|| !response.body().contains("\"message\"")) {
				return "not Camunda's error format: " + got;
			}
			if (status == 403 && !response.body().contains("AuthorizationException")) {
				return "not an AuthorizationException: " + got;
			}
			return null;
		}
		if (!webapp && (status == 403 || status == 404) && !type.startsWith("application/problem+json")) {
			return "not problem details: " + got;
		}
		return null;
	}

	private static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return (flat.length() > 160) ? flat.substring(0, 160) + "…" : flat;
	}

}
