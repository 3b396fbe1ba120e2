package io.reflow.crm.platform;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reflow.crm.platform.deployment.ModelDeployer;
import io.reflow.crm.platform.feel.ParsedFeelEngine;
import io.reflow.crm.platform.identity.DemoIdentity;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's acceptance checks over real HTTP against the whole application: engine
 * REST authentication and authorization, the CVE mitigations, the demo identity, sessions
 * and CSRF, actuator exposure and start-up deployment. One subclass per database runs
 * them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({ "demo", "test" })
abstract class PlatformChecks {

	static final String SMOKE_BPMN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Smoke"
			    targetNamespace="http://reflow.io/test">
			  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
			    <bpmn:startEvent id="StartEvent_Started" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	FilterService filterService;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	ModelDeployer modelDeployer;

	Http http() {
		return new Http(this.port);
	}

	@Test
	void shouldAnswerEngineRestWithoutCredentialsWith401() {
		HttpResponse<String> response = http().to("/engine-rest/process-definition").get();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
	}

	@Test
	void shouldAnswerEngineRestWithWrongPasswordWith401() {
		assertThat(http().to("/engine-rest/process-definition").basic("analyst", "wrong").get().statusCode())
			.isEqualTo(401);
	}

	@Test
	void shouldLetAnalystReadDefinitions() {
		HttpResponse<String> response = http().to("/engine-rest/process-definition").basic("analyst", "demo").get();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[");
	}

	@Test
	void shouldForbidDeploymentBySalesRepAndDeployNothing() {
		long before = this.repositoryService.createDeploymentQuery().count();
		HttpResponse<String> response = deploy("li.wei", "smokeForbidden");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("CREATE").contains("Deployment");
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void shouldLetAnalystDeployThroughEngineRest() {
		String key = "smoke" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = deploy("analyst", key);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
			.isEqualTo(1);
	}

	private HttpResponse<String> deploy(String user, String processKey) {
		String boundary = "----reflow" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsmoke\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + processKey
				+ ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + SMOKE_BPMN.formatted(processKey)
				+ "\r\n--" + boundary + "--\r\n";
		return http().to("/engine-rest/deployment/create")
			.basic(user, "demo")
			.post("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{\"dueAfterExpression\":\"${1+1}\"}", "{\"orQueries\":[{\"dueAfterExpression\":\"${1+1}\"}]}",
					"{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}",
					"{\"orQueries\":[{\"nested\":{\"candidateGroupExpression\":\"${x}\"}}]}" })
	void shouldRefuseExpressionsInAdhocTaskQueries(String query) {
		for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
			HttpResponse<String> response = http().to(path).basic("admin", "demo").postJson(query);
			assertThat(response.statusCode()).as(path + " " + query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void shouldRefuseExpressionInTaskQueryString() {
		HttpResponse<String> response = http().to("/engine-rest/task?dueAfterExpression=%24%7B1%2B1%7D")
			.basic("admin", "demo")
			.get();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("dueAfterExpression");
	}

	@Test
	void shouldStillAnswerPlainTaskQueries() {
		HttpResponse<String> response = http().to("/engine-rest/task")
			.basic("wu.qiang", "demo")
			.postJson("{\"orQueries\":[{\"candidateGroup\":\"support-tier1\"}]}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAcceptTasklistStyleStoredFiltersAndRefuseOthers() {
		String safe = "{\"resourceType\":\"Task\",\"name\":\"Due soon\",\"query\":{\"assigneeExpression\":\"${currentUser()}\","
				+ "\"dueBeforeExpression\":\"${dateTime().plusDays(2).toDate()}\"}}";
		HttpResponse<String> created = http().to("/engine-rest/filter/create").basic("admin", "demo").postJson(safe);
		assertThat(created.statusCode()).isEqualTo(200);
		String id = JsonPath.read(created.body(), "$.id");
		HttpResponse<String> list = http().to("/engine-rest/filter/" + id + "/list").basic("admin", "demo").get();
		assertThat(list.statusCode()).isEqualTo(200);

		String unsafe = "{\"resourceType\":\"Task\",\"name\":\"Evil\",\"query\":{\"orQueries\":[{\"assigneeExpression\":"
				+ "\"${''.getClass().forName('java.lang.Runtime')}\"}]}}";
		long filters = this.filterService.createFilterQuery().count();
		HttpResponse<String> refused = http().to("/engine-rest/filter/create").basic("admin", "demo").postJson(unsafe);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.filterService.createFilterQuery().count()).isEqualTo(filters);
		HttpResponse<String> update = http().to("/engine-rest/filter/" + id).basic("admin", "demo").putJson(unsafe);
		assertThat(update.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldRefuseFirstRunAdminSetup() {
		long users = this.identityService.createUserQuery().count();
		HttpResponse<String> response = http().to("/camunda/api/admin/setup/default/user/create")
			.postJson("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder\"}}");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.identityService.createUserQuery().count()).isEqualTo(users);
		assertThat(this.identityService.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void shouldSeedEveryDemoUserWithPasswordDemoInItsGroup() {
		for (DemoIdentity.DemoUser user : DemoIdentity.USERS) {
			assertThat(this.identityService.checkPassword(user.id(), "demo")).as(user.id()).isTrue();
			assertThat(this.identityService.createUserQuery().userId(user.id()).memberOfGroup(user.groupId()).count())
				.as(user.id() + " in " + user.groupId())
				.isEqualTo(1);
		}
	}

	@Test
	void shouldGrantTasklistToBusinessGroupsAndEverythingToAdmins() {
		assertThat(this.authorizationService.isUserAuthorized("wu.qiang", List.of("support-tier1"), Permissions.ACCESS,
				Resources.APPLICATION, "tasklist"))
			.isTrue();
		assertThat(this.authorizationService.isUserAuthorized("wu.qiang", List.of("support-tier1"), Permissions.ACCESS,
				Resources.APPLICATION, "cockpit"))
			.isFalse();
		assertThat(this.authorizationService.isUserAuthorized("admin", List.of(Groups.CAMUNDA_ADMIN),
				Permissions.ACCESS, Resources.APPLICATION, "admin"))
			.isTrue();
		assertThat(this.authorizationService.isUserAuthorized("manager", List.of("managers"),
				ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "any-process"))
			.isTrue();
		assertThat(this.authorizationService.isUserAuthorized("li.wei", List.of("sales-north"), Permissions.CREATE,
				Resources.DEPLOYMENT, null))
			.isFalse();
	}

	@Test
	void shouldRefuseBasicAuthenticatedWritesFromOtherSites() {
		long deployments = this.repositoryService.createDeploymentQuery().count();
		String bpmn = SMOKE_BPMN.formatted("crossSite");
		HttpResponse<String> fetchMetadata = http().to("/engine-rest/deployment/create")
			.basic("analyst", "demo")
			.header("Sec-Fetch-Site", "cross-site")
			.post("application/xml", bpmn.getBytes(StandardCharsets.UTF_8));
		assertThat(fetchMetadata.statusCode()).isEqualTo(403);
		HttpResponse<String> foreignOrigin = http().to("/api/customers")
			.basic("li.wei", "demo")
			.header("Origin", "http://attacker.example")
			.postJson("{\"companyName\":\"Forged Ltd\",\"region\":\"NORTH\",\"tier\":\"NEW\",\"employeeCount\":5}");
		assertThat(foreignOrigin.statusCode()).isEqualTo(403);
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		HttpResponse<String> sameOrigin = http().to("/api/customers?size=1")
			.basic("li.wei", "demo")
			.header("Origin", "http://localhost:" + this.port)
			.get();
		assertThat(sameOrigin.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldCreateNoSessionForBasicAuthenticatedClients() {
		HttpResponse<String> engine = http().to("/engine-rest/process-definition").basic("analyst", "demo").get();
		HttpResponse<String> api = http().to("/api/customers?size=1").basic("li.wei", "demo").get();
		assertThat(engine.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void shouldProtectSessionFormPostsAgainstCsrf() {
		HttpResponse<String> loginPage = http().to("/login").get();
		String session = Http.cookie(loginPage, "JSESSIONID");
		String token = csrfToken(loginPage.body());
		HttpResponse<String> forged = http().to("/login").cookie(session).postForm("username=li.wei&password=demo");
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> login = http().to("/login")
			.cookie(session)
			.postForm("username=li.wei&password=demo&_csrf=" + token);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		String loggedIn = Http.cookie(login, "JSESSIONID");
		HttpResponse<String> home = http().to("/").cookie(loggedIn).get();
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Wei Li").contains("sales-north");
		HttpResponse<String> postWithoutToken = http().to("/api/customers")
			.cookie(loggedIn)
			.postJson("{\"companyName\":\"CSRF Ltd\",\"region\":\"NORTH\",\"tier\":\"NEW\",\"employeeCount\":5}");
		assertThat(postWithoutToken.statusCode()).isEqualTo(403);
		assertThat(postWithoutToken.body()).contains("CSRF token");
		// no login at all: 401 (the CSRF check runs before authentication), not a 403
		HttpResponse<String> anonymous = http().to("/api/customers")
			.postJson("{\"companyName\":\"CSRF Ltd\",\"region\":\"NORTH\",\"tier\":\"NEW\",\"employeeCount\":5}");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	static String csrfToken(String html) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(matcher.find()).as("CSRF token in page").isTrue();
		return matcher.group(1);
	}

	@Test
	void shouldRedirectAnonymousBrowsersToLoginAndAnswerApiClientsWith401() {
		HttpResponse<String> tasklist = http().to("/camunda/app/tasklist/default/").get();
		assertThat(tasklist.statusCode()).isEqualTo(302);
		assertThat(tasklist.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		HttpResponse<String> webappApi = http().to("/camunda/api/engine/engine/default/task").get();
		assertThat(webappApi.statusCode()).isEqualTo(401);
		HttpResponse<String> api = http().to("/api/customers").get();
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void shouldExposeOnlyHealthInfoAndAuthenticatedPrometheus() {
		assertThat(http().to("/actuator/health").get().statusCode()).isEqualTo(200);
		assertThat(http().to("/actuator/info").get().statusCode()).isEqualTo(200);
		assertThat(http().to("/actuator/prometheus").get().statusCode()).isEqualTo(401);
		HttpResponse<String> prometheus = http().to("/actuator/prometheus").basic("manager", "demo").get();
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		assertThat(http().to("/actuator/env").basic("admin", "demo").get().statusCode()).isEqualTo(404);
		assertThat(http().to("/h2-console").basic("admin", "demo").get().statusCode()).isEqualTo(404);
	}

	@Test
	void shouldAnswerUnroutedApiRequestsWithProblemDetailsAndPagesWithTheErrorPage() {
		HttpResponse<String> api = http().to("/api/no-such-thing").basic("admin", "demo").get();
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("Nothing is served at /api/no-such-thing");
		HttpResponse<String> method = http().to("/api/customers").basic("admin", "demo").putJson("{}");
		assertThat(method.statusCode()).isEqualTo(405);
		assertThat(method.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> page = http().to("/no-such-page")
			.basic("admin", "demo")
			.header("Accept", "text/html")
			.get();
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
	}

	@Test
	void shouldDocumentOurApiInOpenApiAndSwaggerUi() {
		HttpResponse<String> docs = http().to("/v3/api-docs").basic("analyst", "demo").get();
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat((java.util.Map<String, Object>) JsonPath.read(docs.body(), "$.paths")).containsKeys("/api/customers",
				"/api/customers/{id}", "/api/customers/{id}/contacts");
		HttpResponse<String> ui = http().to("/swagger-ui/index.html").basic("analyst", "demo").get();
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("Swagger UI");
	}

	@Test
	void shouldNotLeakStackTracesInErrors() {
		HttpResponse<String> response = http().to("/api/customers").basic("li.wei", "demo").postJson("{not json");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void shouldDeployNothingWhenModelsAreUnchanged() {
		long deployments = this.repositoryService.createDeploymentQuery().count();
		assertThat(this.modelDeployer.deploy().deployed()).isFalse();
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void shouldConfigureNightlyHistoryCleanupAndSafeEngineDefaults() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
	}

	@Test
	void shouldEvaluateDecisionsWithTheParseOnceFeelEngine() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration();
		assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedFeelEngine.class);
		// a shipped decision through the engine: lead-fast-track's threshold row
		assertThat(this.processEngine.getDecisionService()
			.evaluateDecisionByKey("lead-fast-track")
			.variables(Map.of("leadScore", 85))
			.evaluate()
			.getSingleResult()
			.getEntryMap()).containsValue(true);
	}

}
