package io.reflow.crm.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;

/**
 * A sales client for the reliability tests that keeps working while the application or
 * its database goes away: it takes cases from a new lead ({@code POST /api/leads} with an
 * {@code externalRef}, the API's idempotency key, so a request whose answer was lost is
 * sent again safely) through qualification, the quote and the customer's acceptance to
 * the order, over real HTTP as the demo users. It records what the server
 * <em>acknowledged</em> (201/200 for a lead, 204 for a task completion, 202 for an
 * acceptance); a request that failed with a connection error or 503 is not acknowledged:
 * the client looks at the state again and goes on from there, never repeating a
 * completion blindly.
 */
final class SalesLoadClient implements Runnable {

	/** What the server acknowledged, shared by all clients of a test. */
	static final class Ledger {

		/** externalRef → lead id, for leads answered 201 (or 200: created earlier). */
		final Map<String, Long> leads = new ConcurrentHashMap<>();

		/** ids of tasks whose completion was answered 204. */
		final Set<String> completedTasks = ConcurrentHashMap.newKeySet();

		/** opportunities whose acceptance was answered 202. */
		final Set<Long> accepted = ConcurrentHashMap.newKeySet();

		/** opportunities seen WON with their order. */
		final Set<Long> won = ConcurrentHashMap.newKeySet();

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger connectionFailures = new AtomicInteger();

		final AtomicInteger unavailable = new AtomicInteger();

		/** Statuses no client expected (a 500 during an outage, say), with the answer. */
		final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

		/** Cases that did not reach the next step in time. */
		final Queue<String> stuck = new ConcurrentLinkedQueue<>();

		/** 503 answers that were not problem details with Retry-After. */
		final Queue<String> badUnavailable = new ConcurrentLinkedQueue<>();

		Snapshot snapshot() {
			return new Snapshot(Map.copyOf(this.leads), Set.copyOf(this.completedTasks), Set.copyOf(this.accepted));
		}

	}

	record Snapshot(Map<String, Long> leads, Set<String> completedTasks, Set<Long> accepted) {
	}

	/** An answer, or none when the connection failed. */
	record Answer(int status, String body, HttpResponse<String> response) {

		boolean is(int expected) {
			return this.status == expected;
		}

	}

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String baseUrl;

	private final String name;

	private final Ledger ledger;

	private final AtomicBoolean stop;

	private final Duration stepTimeout;

	private int cases;

	SalesLoadClient(String baseUrl, String name, Ledger ledger, AtomicBoolean stop, Duration stepTimeout) {
		this.baseUrl = baseUrl;
		this.name = name;
		this.ledger = ledger;
		this.stop = stop;
		this.stepTimeout = stepTimeout;
	}

	@Override
	public void run() {
		while (!this.stop.get()) {
			try {
				runCase(this.name + "-" + (++this.cases));
			}
			catch (StuckException ex) {
				if (!this.stop.get()) {
					this.ledger.stuck.add(ex.getMessage());
				}
			}
		}
	}

	/** Creates a lead (idempotently) and returns its id and process instance. */
	Map<String, Object> createLead(String ref, String region) {
		String json = """
				{"companyName":"可靠性测试 %s","contactName":"李娜","email":"na.li@%s.example.cn","source":"WEB",
				 "region":"%s","industry":"SOFTWARE","companySize":300,"budgetConfirmed":true,"externalRef":"%s"}
				""".formatted(ref, ref.toLowerCase().replaceAll("[^a-z0-9]", ""), region, ref);
		Answer answer = retrying("create lead " + ref, () -> send("liu.yang", "POST", "/api/leads", json),
				(a) -> a.is(201) || a.is(200));
		Map<String, Object> lead = JsonPath.read(answer.body(), "$");
		this.ledger.leads.put(ref, ((Number) lead.get("id")).longValue());
		return lead;
	}

	private void runCase(String ref) {
		Map<String, Object> lead = createLead(ref, "NORTH");
		long leadId = ((Number) lead.get("id")).longValue();
		String leadProcess = (String) lead.get("processInstanceId");

		completeTask("li.wei", leadProcess, "Qualify lead", """
				{"qualificationOutcome":{"value":"QUALIFIED"},"budgetAmount":{"value":200000,"type":"Double"},
				 "authorityConfirmed":{"value":true},"need":{"value":"CRM"},"timeline":{"value":"WITHIN_3_MONTHS"}}""");
		Map<String, Object> converted = await(ref + " converted", "li.wei", "/api/leads/" + leadId,
				(view) -> "CONVERTED".equals(view.get("status")) && view.get("opportunityId") != null);
		long opportunityId = ((Number) converted.get("opportunityId")).longValue();
		Map<String, Object> opportunity = await(ref + " opportunity", "li.wei", "/api/opportunities/" + opportunityId,
				(view) -> view.get("processInstanceId") != null);
		String opportunityProcess = (String) opportunity.get("processInstanceId");

		completeTask("li.wei", opportunityProcess, "Prepare quote", """
				{"quoteAmount":{"value":100000,"type":"Double"},"requestedDiscount":{"value":0.0,"type":"Double"},
				 "expectedCloseDate":{"value":"%s"},"quoteNote":{"value":"reliability"}}"""
			.formatted(LocalDate.now().plusDays(30)));
		await(ref + " quote sent", "li.wei", "/api/opportunities/" + opportunityId,
				(view) -> Boolean.TRUE.equals(view.get("awaitingCustomer")));

		accept(ref, opportunityId);
		await(ref + " won", "li.wei", "/api/opportunities/" + opportunityId,
				(view) -> "WON".equals(view.get("stage")) && view.get("order") != null);
		this.ledger.won.add(opportunityId);
	}

	/**
	 * Completes the instance's one task of this name; a completion whose answer was lost
	 * is not repeated once the task has gone.
	 */
	private void completeTask(String user, String processInstanceId, String taskName, String variables) {
		long deadline = System.nanoTime() + this.stepTimeout.toNanos();
		while (System.nanoTime() < deadline && !this.stop.get()) {
			Answer tasks = send(user, "GET", "/engine-rest/task?processInstanceId=" + processInstanceId, null);
			if (tasks == null || !tasks.is(200)) {
				pause();
				continue;
			}
			List<Map<String, Object>> open = JsonPath.read(tasks.body(), "$[?(@.name == '" + taskName + "')]");
			if (open.isEmpty()) {
				if (wentPast(user, processInstanceId, taskName)) {
					return;
				}
				pause();
				continue;
			}
			String taskId = (String) open.get(0).get("id");
			Answer done = send(user, "POST", "/engine-rest/task/" + taskId + "/complete",
					"{\"variables\":" + variables + "}");
			if (done != null && done.is(204)) {
				this.ledger.completedTasks.add(taskId);
				return;
			}
			if (done != null && !done.is(503) && !done.is(409) && !done.is(404)) {
				this.ledger.unexpected.add("complete " + taskName + ": " + done.status() + " " + done.body());
			}
			pause();
		}
		if (!this.stop.get()) {
			throw new StuckException(
					processInstanceId + ": task '" + taskName + "' not completed in " + this.stepTimeout);
		}
		throw new StuckException(processInstanceId + " stopped before '" + taskName + "'");
	}

	/**
	 * Whether the instance has completed a task of this name (so a lost answer was a
	 * success).
	 */
	private boolean wentPast(String user, String processInstanceId, String taskName) {
		Answer history = send(user, "GET",
				"/engine-rest/history/task?processInstanceId=" + processInstanceId + "&finished=true", null);
		if (history == null || !history.is(200)) {
			return false;
		}
		List<Object> finished = JsonPath.read(history.body(), "$[?(@.name == '" + taskName + "')]");
		return !finished.isEmpty();
	}

	private void accept(String ref, long opportunityId) {
		long deadline = System.nanoTime() + this.stepTimeout.toNanos();
		while (System.nanoTime() < deadline && !this.stop.get()) {
			Answer answer = send("li.wei", "POST", "/api/opportunities/" + opportunityId + "/customer-response",
					"{\"accepted\":true}");
			if (answer != null && answer.is(202)) {
				this.ledger.accepted.add(opportunityId);
				return;
			}
			if (answer != null && answer.is(409)) {
				// an earlier attempt whose answer was lost went through
				return;
			}
			if (answer != null && !answer.is(503)) {
				this.ledger.unexpected.add("accept " + ref + ": " + answer.status() + " " + answer.body());
			}
			pause();
		}
		throw new StuckException(ref + ": acceptance not answered in " + this.stepTimeout);
	}

	/** Polls a GET until the JSON answer satisfies the condition. */
	Map<String, Object> await(String what, String user, String path, Predicate<Map<String, Object>> condition) {
		long deadline = System.nanoTime() + this.stepTimeout.toNanos();
		while (System.nanoTime() < deadline && !this.stop.get()) {
			Answer answer = send(user, "GET", path, null);
			if (answer != null && answer.is(200)) {
				Map<String, Object> view = JsonPath.read(answer.body(), "$");
				if (condition.test(view)) {
					return view;
				}
			}
			pause();
		}
		throw new StuckException(what + " not reached in " + this.stepTimeout + (this.stop.get() ? " (stopped)" : ""));
	}

	private Answer retrying(String what, java.util.function.Supplier<Answer> request, Predicate<Answer> success) {
		long deadline = System.nanoTime() + this.stepTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			Answer answer = request.get();
			if (answer != null && success.test(answer)) {
				return answer;
			}
			if (answer != null && !answer.is(503)) {
				this.ledger.unexpected.add(what + ": " + answer.status() + " " + answer.body());
			}
			pause();
		}
		throw new StuckException(what + " not acknowledged in " + this.stepTimeout);
	}

	/** One request; {@code null} when the connection failed (outcome unknown). */
	Answer send(String user, String method, String path, String json) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (json != null) {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		this.ledger.requests.incrementAndGet();
		try {
			HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 503) {
				this.ledger.unavailable.incrementAndGet();
				String type = response.headers().firstValue("Content-Type").orElse("");
				if (!type.startsWith("application/problem+json")
						|| response.headers().firstValue("Retry-After").isEmpty()) {
					this.ledger.badUnavailable.add(method + " " + path + ": " + type + " " + response.body());
				}
			}
			else if (response.statusCode() >= 500) {
				this.ledger.unexpected.add(method + " " + path + ": " + response.statusCode() + " " + response.body());
			}
			return new Answer(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			this.ledger.connectionFailures.incrementAndGet();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stop.set(true);
			return null;
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Tells the clients to stop and waits up to a minute for each to finish its step. */
	static void stop(AtomicBoolean stop, List<Thread> clients) throws InterruptedException {
		stop.set(true);
		for (Thread client : clients) {
			client.join(60_000);
		}
	}

	static List<Thread> start(String baseUrl, int clients, Ledger ledger, AtomicBoolean stop, Duration stepTimeout) {
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(new SalesLoadClient(baseUrl, "c" + i + "x" + Long.toHexString(System.nanoTime()),
					ledger, stop, stepTimeout), "sales-client-" + i);
			thread.start();
			threads.add(thread);
		}
		return threads;
	}

	static final class StuckException extends RuntimeException {

		StuckException(String message) {
			super(message);
		}

	}

}
