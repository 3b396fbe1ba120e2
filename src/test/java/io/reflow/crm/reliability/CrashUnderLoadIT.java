package io.reflow.crm.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.AppProcess;
import io.reflow.crm.testsupport.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} under load: the packaged application runs on a fresh PostgreSQL
 * database while clients ({@link SalesLoadClient}) post leads, qualify them, prepare
 * quotes and accept them; the test kills the process repeatedly and starts it again on
 * the same port. After every restart it checks in the database that everything
 * acknowledged before the kill holds: each lead answered 201 exists exactly once with
 * exactly one {@code lead-qualification} instance, each task completion answered 204 is
 * gone from the runtime and finished in the history, and no opportunity has more than one
 * order. A lead-qualification timer is set due while the application is down and must
 * fire after the restart. At the end every acceptance answered 202 has exactly one order,
 * no job is left due and no incident was raised.
 * <p>
 * Short form (default build): 1 kill, 3 clients. Full form ({@code -Preliability}): 10
 * kills, 6 clients.
 */
class CrashUnderLoadIT {

	private static final boolean FULL = "full".equals(System.getProperty("reflow.reliability.scale", "short"));

	private static final int KILLS = FULL ? 10 : 1;

	private static final int CLIENTS = FULL ? 6 : 3;

	// after a kill -9 the dead process's locked jobs wait for their lock to expire
	private static final String LOCK_TIME_MILLIS = "10000";

	// generous: on a loaded 2-core machine a start takes minutes
	private static final Duration STARTUP = Duration.ofSeconds(300);

	private AppProcess app;

	private String jdbcUrl;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.kill();
		}
	}

	@Test
	void shouldLoseNothingAcknowledgedAndDoNothingTwiceAcrossKills() throws Exception {
		this.jdbcUrl = PostgresServer.newDatabase("reflow_crash");
		int port = freePort();
		this.app = start(port);
		this.app.awaitReady(STARTUP);
		String baseUrl = this.app.baseUrl();
		SalesLoadClient.Ledger ledger = new SalesLoadClient.Ledger();
		AtomicBoolean stop = new AtomicBoolean();
		SalesLoadClient timerLeads = new SalesLoadClient(baseUrl, "timer", ledger, stop, Duration.ofSeconds(90));
		List<Thread> clients = SalesLoadClient.start(baseUrl, CLIENTS, ledger, stop, Duration.ofSeconds(120));
		Random random = new Random(8);
		List<Long> firedTimers = new ArrayList<>();
		int restarts = 0;
		try {
			for (int kill = 1; kill <= KILLS; kill++) {
				// a lead left in qualification whose first-contact timer falls due while
				// the
				// application is down
				long timerLead = ((Number) timerLeads.createLead("timer-" + kill + "-" + System.nanoTime(), "SOUTH")
					.get("id")).longValue();
				awaitTimerOf(timerLead);
				Thread.sleep(3000 + random.nextInt(4000)); // load before the kill
				if (kill == 1) {
					// the order checks below mean something only once quotes have been
					// accepted
					awaitAcceptance(ledger, Duration.ofSeconds(150));
				}
				SalesLoadClient.Snapshot acknowledged = ledger.snapshot();
				this.app.kill();
				makeTimerDue(timerLead);
				firedTimers.add(timerLead);
				assertAcknowledgedHold(acknowledged);
				this.app = start(port);
				this.app.awaitReady(STARTUP);
				restarts++;
				assertAcknowledgedHold(acknowledged);
			}
			Thread.sleep(3000); // load after the last restart
		}
		finally {
			SalesLoadClient.stop(stop, clients);
		}
		SalesLoadClient.Snapshot all = ledger.snapshot();
		assertAcknowledgedHold(all);
		awaitQuiet(Duration.ofSeconds(90));
		for (long lead : firedTimers) {
			assertThat(single("select count(*) from crm_lead where id = ? and escalated_at is not null", lead))
				.as("timer of lead %d due during the crash fired after the restart", lead)
				.isEqualTo(1);
		}
		for (long opportunity : all.accepted()) {
			assertThat(single("select count(*) from crm_sales_order where opportunity_id = ?", opportunity))
				.as("one order for the accepted quote of opportunity %d", opportunity)
				.isEqualTo(1);
		}
		assertThat(single("select count(*) from act_ru_incident")).as("incidents").isZero();
		assertThat(ledger.unexpected).as("unexpected answers").isEmpty();
		assertThat(ledger.stuck).as("cases that stopped moving").isEmpty();
		assertThat(all.leads()).as("leads acknowledged").hasSizeGreaterThan(CLIENTS);
		assertThat(all.accepted()).as("acceptances acknowledged (orders checked)").isNotEmpty();
		assertThat(restarts).isEqualTo(KILLS);
		System.out.printf(
				"CrashUnderLoadIT (%s): %d kills, %d clients, %d requests (%d connection failures, %d answered 503), "
						+ "%d leads acknowledged, %d completions acknowledged, %d acceptances acknowledged, "
						+ "%d cases won, %d orders in the database, %d timers fired after restart%n",
				FULL ? "full" : "short", KILLS, CLIENTS, ledger.requests.get(), ledger.connectionFailures.get(),
				ledger.unavailable.get(), all.leads().size(), all.completedTasks().size(), all.accepted().size(),
				ledger.won.size(), single("select count(*) from crm_sales_order"), firedTimers.size());
	}

	private static void awaitAcceptance(SalesLoadClient.Ledger ledger, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (ledger.snapshot().accepted().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
	}

	private AppProcess start(int port) {
		return AppProcess.builder("crash")
			.quickStart()
			.port(port)
			.postgres(this.jdbcUrl, "postgres", "")
			.property("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME_MILLIS)
			.property("camunda.bpm.job-execution.max-wait", "2000")
			.build()
			.start();
	}

	/** Everything acknowledged in the snapshot holds in the database. */
	private void assertAcknowledgedHold(SalesLoadClient.Snapshot acknowledged) throws SQLException {
		try (Connection connection = connect()) {
			for (Map.Entry<String, Long> lead : acknowledged.leads().entrySet()) {
				assertThat(count(connection, "select count(*) from crm_lead where external_ref = ? and id = ?",
						lead.getKey(), lead.getValue()))
					.as("acknowledged lead %s exists once", lead.getKey())
					.isEqualTo(1);
				assertThat(count(connection,
						"select count(*) from act_hi_procinst where business_key_ = ? "
								+ "and proc_def_key_ = 'lead-qualification'",
						"lead-" + lead.getValue()))
					.as("lead %s has one qualification", lead.getKey())
					.isEqualTo(1);
			}
			for (String task : acknowledged.completedTasks()) {
				assertThat(count(connection, "select count(*) from act_ru_task where id_ = ?", task))
					.as("completed task %s gone", task)
					.isZero();
				assertThat(count(connection,
						"select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null "
								+ "and delete_reason_ = 'completed'",
						task))
					.as("completed task %s in the history", task)
					.isEqualTo(1);
			}
			assertThat(count(connection,
					"select count(*) from (select opportunity_id from crm_sales_order "
							+ "group by opportunity_id having count(*) > 1) twice"))
				.as("opportunities with two orders")
				.isZero();
			assertThat(count(connection,
					"select count(*) from (select business_key_ from act_hi_procinst where business_key_ is not null "
							+ "group by proc_def_key_, business_key_ having count(*) > 1) twice"))
				.as("business keys started twice")
				.isZero();
		}
	}

	private void awaitTimerOf(long leadId) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (single(
					"select count(*) from act_ru_job j join act_ru_execution e on e.proc_inst_id_ = j.process_instance_id_ "
							+ "where j.type_ = 'timer' and e.business_key_ = ?",
					"lead-" + leadId) > 0) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("lead " + leadId + " got no first-contact timer");
	}

	/** While the application is down: the lead's first-contact timer falls due now. */
	private void makeTimerDue(long leadId) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(
						"update act_ru_job set duedate_ = now() - interval '1 second' where type_ = 'timer' "
								+ "and process_instance_id_ in (select proc_inst_id_ from act_ru_execution "
								+ "where business_key_ = ?)")) {
			statement.setString(1, "lead-" + leadId);
			assertThat(statement.executeUpdate()).as("timer of lead %d", leadId).isEqualTo(1);
		}
	}

	/** Waits until no job is due any more (async steps and the timers made due ran). */
	private void awaitQuiet(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		long due = -1;
		while (System.nanoTime() < deadline) {
			due = single("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) "
					+ "and retries_ > 0 and suspension_state_ = 1");
			if (due == 0) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError(due + " jobs still due after " + timeout + ":\n" + this.app.logTail());
	}

	private long single(String sql, Object... parameters) throws SQLException {
		try (Connection connection = connect()) {
			return count(connection, sql, parameters);
		}
	}

	private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, "postgres", "");
	}

	private static int freePort() throws Exception {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
