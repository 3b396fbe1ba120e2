package io.reflow.crm.reliability;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.reflow.crm.testsupport.AppProcess;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application processes (the packaged jar, job executor on) on different ports,
 * sharing one PostgreSQL database, as a two-node cluster behind a load balancer.
 * <ul>
 * <li>Both nodes start at the same moment on an empty database: each model gets one
 * version, not one per node.</li>
 * <li>Many support cases, opened through both nodes, have their two SLA timers (response
 * and resolution) made due at the same moment; both nodes' job executors fire them. Each
 * timer fires once, each breach is escalated once, and both nodes did part of the
 * work.</li>
 * <li>The same model deployed through both nodes at the same moment (Camunda Modeler's
 * request, duplicate filtering on) gives one new version.</li>
 * </ul>
 * Short form by default ({@code reflow.reliability.scale=short}), the full form with
 * {@code mvn -Preliability}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

	static final boolean FULL = "full".equals(System.getProperty("reflow.reliability.scale", "short"));

	/** Support cases, each with two SLA timers. */
	static final int CASES = Integer.getInteger("reflow.reliability.cluster.cases", FULL ? 1000 : 100);

	/** Rounds of the same model deployed through both nodes at once. */
	static final int DEPLOY_ROUNDS = Integer.getInteger("reflow.reliability.cluster.deploy-rounds", FULL ? 30 : 5);

	static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	String jdbcUrl;

	AppProcess nodeA;

	AppProcess nodeB;

	@BeforeAll
	void startTwoNodesTogetherOnAnEmptyDatabase() {
		this.jdbcUrl = PostgresServer.newDatabase("reflow_cluster");
		this.nodeA = node("node-a");
		this.nodeB = node("node-b");
		// at the same moment: both find an empty database
		this.nodeA.start();
		this.nodeB.start();
		this.nodeA.awaitReady(START_TIMEOUT);
		this.nodeB.awaitReady(START_TIMEOUT);
	}

	AppProcess node(String name) {
		return AppProcess.builder(name)
			.quickStart()
			.postgres(this.jdbcUrl, "postgres", "")
			.jvmArguments("-Xmx384m")
			// the name in the job log (Camunda's default, ip$engine, is the same for two
			// processes on one machine)
			.property("camunda.bpm.generic-properties.properties.hostname", name)
			// an idle job executor polls every 60 s at most by default; the test wants
			// both nodes polling within a few seconds of the timers becoming due
			.property("camunda.bpm.job-execution.max-wait", "3000")
			.build();
	}

	@AfterAll
	void stopNodes() {
		if (this.nodeA != null) {
			this.nodeA.stop();
		}
		if (this.nodeB != null) {
			this.nodeB.stop();
		}
	}

	@Test
	@Order(1)
	void shouldDeployEachModelOnceWhenTwoNodesStartTogetherOnAnEmptyDatabase() throws SQLException {
		Map<String, Long> processVersions = countBy(
				"select key_, count(*) from act_re_procdef group by key_ order by key_");
		Map<String, Long> decisionVersions = countBy(
				"select key_, count(*) from act_re_decision_def group by key_ order by key_");
		Map<String, Long> startupDeployments = countBy(
				"select name_, count(*) from act_re_deployment group by name_ order by name_");

		// one version per process, and one more per earlier-version file
		// (processes/**/<key>.<tag>.bpmn, deployed first on an empty database)
		Map<String, Long> earlier = earlierVersionFiles();
		assertThat(processVersions).as("process definitions per key").isNotEmpty().allSatisfy((key, versions) -> {
			assertThat(versions).as(key).isEqualTo(1L + earlier.getOrDefault(key, 0L));
		});
		assertThat(decisionVersions).as("decision definitions per key").isNotEmpty().allSatisfy((key, versions) -> {
			assertThat(versions).as(key).isEqualTo(1L);
		});
		assertThat(startupDeployments).containsEntry("reflow-models",
				1L + earlier.values().stream().mapToLong(Long::longValue).sum());
	}

	static Map<String, Long> earlierVersionFiles() {
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.walk(java.nio.file.Path.of("processes"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches("[^.]+\\.[^.]+\\.bpmn"))
				.collect(java.util.stream.Collectors.groupingBy((name) -> name.substring(0, name.indexOf('.')),
						java.util.stream.Collectors.counting()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	@Order(2)
	void shouldFireEachDueSlaTimerOnceAcrossBothNodesAndRecordEachEscalationOnce() throws Exception {
		List<AppProcess> nodes = List.of(this.nodeA, this.nodeB);
		List<Map<String, Object>> customers = new ArrayList<>();
		for (AppProcess node : nodes) {
			customers.add(strategicCustomer(node));
		}
		// open the cases through both nodes, a few clients at a time
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<Long>> opened = new ArrayList<>();
		try {
			for (int i = 0; i < CASES; i++) {
				int n = i;
				opened.add(clients.submit(() -> openCase(nodes.get(n % 2), customers.get(n % 2), n)));
			}
			for (Future<Long> caseId : opened) {
				caseId.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(single("select count(*) from crm_case")).isEqualTo(CASES);

		// both SLA timers of every case due now, all at once
		int updated;
		try (Connection connection = connect();
				PreparedStatement due = connection.prepareStatement("update act_ru_job set duedate_ = now() - "
						+ "interval '1 second' where type_ = 'timer' and process_def_key_ = 'support-case'")) {
			updated = due.executeUpdate();
		}
		assertThat(updated).as("two SLA timers per case").isEqualTo(2 * CASES);
		long due = System.nanoTime();

		// both job executors take them; wait until no timer is left that could still run
		Duration deadline = FULL ? Duration.ofMinutes(10) : Duration.ofSeconds(90);
		awaitZero("select count(*) from act_ru_job where process_def_key_ = 'support-case' and retries_ > 0", deadline);
		long firedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due);

		// nothing left behind, nothing failed for good
		assertThat(single("select count(*) from act_ru_job where process_def_key_ = 'support-case'")).isZero();
		assertThat(single("select count(*) from act_ru_incident")).isZero();

		// each timer fired once: one history entry per timer and case
		for (String timer : List.of("BoundaryEvent_ResponseOverdue", "BoundaryEvent_ResolutionOverdue")) {
			assertThat(countBy("select proc_inst_id_, count(*) from act_hi_actinst where act_id_ = '" + timer
					+ "' group by proc_inst_id_"))
				.as(timer + " per case")
				.hasSize(CASES)
				.allSatisfy((instance, fired) -> assertThat(fired).as(instance).isEqualTo(1L));
		}
		assertThat(countBy("select proc_inst_id_, count(*) from act_hi_actinst where act_id_ = 'Task_EscalateCase' "
				+ "group by proc_inst_id_"))
			.as("escalation steps per case")
			.hasSize(CASES)
			.allSatisfy((instance, steps) -> assertThat(steps).as(instance).isEqualTo(2L));
		// each job succeeded once
		assertThat(countBy("select job_id_, count(*) from act_hi_job_log where process_def_key_ = 'support-case' "
				+ "and job_state_ = 2 group by job_id_"))
			.hasSize(2 * CASES)
			.allSatisfy((job, successes) -> assertThat(successes).as(job).isEqualTo(1L));

		// each escalation recorded once (our rows), one per breach and case
		assertThat(countBy(
				"select case_id || '/' || breach, count(*) from crm_case_escalation group by case_id, " + "breach"))
			.hasSize(2 * CASES)
			.allSatisfy((caseAndBreach, rows) -> assertThat(rows).as(caseAndBreach).isEqualTo(1L));
		assertThat(countBy("select escalation_level, count(*) from crm_case group by escalation_level"))
			.containsExactly(Map.entry("2", (long) CASES));
		assertThat(single("select count(*) from crm_case where response_breached and resolution_breached"))
			.isEqualTo(CASES);

		// both nodes did part of the work
		Map<String, Long> byNode = countBy("select hostname_, count(*) from act_hi_job_log where process_def_key_ = "
				+ "'support-case' and job_state_ = 2 group by hostname_");
		Map<String, Long> failures = countBy("select hostname_, count(*) from act_hi_job_log where process_def_key_ = "
				+ "'support-case' and job_state_ = 3 group by hostname_");
		System.out.printf(
				"[TwoNodeClusterIT] %d cases, %d timers fired in %d ms after becoming due; successful "
						+ "jobs per node %s; failed attempts (retried) per node %s%n",
				CASES, 2 * CASES, firedMillis, byNode, failures);
		assertThat(byNode.keySet()).as("nodes that fired timers").containsExactlyInAnyOrder("node-a", "node-b");
	}

	@Test
	@Order(3)
	void shouldMakeOneNewVersionOfAModelDeployedThroughBothNodesAtOnce() throws Exception {
		String key = "cluster-probe";
		ExecutorService analysts = Executors.newFixedThreadPool(2);
		try {
			for (int round = 1; round <= DEPLOY_ROUNDS; round++) {
				byte[] body = probeModel(key, round);
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (AppProcess node : List.of(this.nodeA, this.nodeB)) {
					answers.add(analysts.submit(() -> {
						together.await();
						return deploy(node, key, body);
					}));
				}
				List<String> deploymentIds = new ArrayList<>();
				for (Future<HttpResponse<String>> answer : answers) {
					HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
					assertThat(response.statusCode()).as("round %d: %s", round, response.body()).isEqualTo(200);
					deploymentIds.add(JsonPath.read(response.body(), "$.id"));
				}
				assertThat(deploymentIds).as("round %d: the second request gets the first's deployment", round)
					.containsOnly(deploymentIds.get(0));
				assertThat(countBy("select cast(version_ as varchar), count(*) from act_re_procdef where key_ = '" + key
						+ "' group by version_"))
					.as("round %d: versions of %s", round, key)
					.hasSize(round)
					.allSatisfy((version, definitions) -> assertThat(definitions).as(version).isEqualTo(1L));
			}
		}
		finally {
			analysts.shutdownNow();
		}
		assertThat(single("select count(*) from act_re_deployment where name_ = '" + key + "'"))
			.isEqualTo(DEPLOY_ROUNDS);
	}

	// --- helpers

	Map<String, Object> strategicCustomer(AppProcess node) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = new Http(node.port()).to("/api/customers").basic("li.wei", "demo").postJson("""
				{"companyName":"上海集群测试%s有限公司","industry":"Software","region":"EAST","employeeCount":800,
				 "tier":"STRATEGIC","ownerGroup":"key-accounts","contacts":[
				 {"name":"赵敏","email":"min.zhao@%s.example.cn","role":"IT lead"}]}
				""".formatted(suffix, suffix));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonPath.read(response.body(), "$");
	}

	long openCase(AppProcess node, Map<String, Object> customer, int n) {
		Object contactId = JsonPath.read(customer, "$.contacts[0].id");
		HttpResponse<String> response = new Http(node.port()).to("/api/cases")
			.basic("wu.qiang", "demo")
			.postJson(
					"""
							{"customerId":%s,"contactId":%s,"channel":"PHONE","category":"TECHNICAL","severity":"CRITICAL",
							 "subject":"Cluster case %d","description":"Nightly sync stops with error 502","externalRef":"cluster-%d"}
							"""
						.formatted(customer.get("id"), contactId, n, n));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ((Number) JsonPath.read(response.body(), "$.id")).longValue();
	}

	static byte[] probeModel(String key, int round) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ClusterProbe"
				    targetNamespace="https://reflow.io/bpmn/test">
				  <bpmn:process id="%s" name="Cluster probe" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:documentation>Round %d</bpmn:documentation>
				    <bpmn:startEvent id="StartEvent_Started"><bpmn:outgoing>Flow_ToEnded</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:endEvent id="EndEvent_Ended"><bpmn:incoming>Flow_ToEnded</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="Flow_ToEnded" sourceRef="StartEvent_Started" targetRef="EndEvent_Ended" />
				  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(key, round)
			.getBytes(StandardCharsets.UTF_8);
	}

	/** What Camunda Modeler sends on Deploy: multipart, duplicate filtering on. */
	static HttpResponse<String> deploy(AppProcess node, String key, byte[] bpmn) {
		String boundary = "----WebKitFormBoundary" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		StringBuilder head = new StringBuilder();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", key);
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("enable-duplicate-filtering", "true");
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(key)
			.append(".bpmn\"; filename=\"")
			.append(key)
			.append(".bpmn\"\r\nContent-Type: text/xml\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + bpmn.length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(bpmn, 0, body, start.length, bpmn.length);
		System.arraycopy(end, 0, body, start.length + bpmn.length, end.length);
		return new Http(node.port()).to("/engine-rest/deployment/create")
			.basic("analyst", "demo")
			.header("Accept", "application/json")
			.post("multipart/form-data; boundary=" + boundary, body);
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, "postgres", "");
	}

	long single(String sql) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
	}

	/** A two-column query (key, count) as a map. */
	Map<String, Long> countBy(String sql) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				counts.put(result.getString(1), result.getLong(2));
			}
		}
		return counts;
	}

	void awaitZero(String sql, Duration timeout) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long count = single(sql);
		while (count > 0 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			count = single(sql);
		}
		assertThat(count).as("still open after %s: %s", timeout, sql).isZero();
	}

}
