package io.reflow.crm.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-loop HTTP load generator (what {@code wrk2} does, in Java): requests are sent
 * at a fixed arrival rate whether or not earlier ones have been answered, and each
 * latency is measured from the moment the request was <em>due</em>, not from when it was
 * sent, so a server that falls behind shows its queueing delay in the percentiles (no
 * coordinated omission). At most {@code maxInFlight} requests are outstanding; a request
 * that finds them all busy waits, and the wait counts into its latency.
 * <p>
 * Latencies are kept exactly (one {@code long} per request) and sorted at the end.
 */
final class OpenLoad {

	/** The figures of one run at one offered rate. */
	record Result(String name, double offeredPerSecond, double achievedPerSecond, int sent, int ok, int errors,
			double p50Millis, double p90Millis, double p99Millis, double maxMillis, Map<String, Integer> outcomes,
			List<String> errorSamples) {

		/**
		 * Held: at least 95 % of the offered rate answered successfully, p99 below the
		 * limit, no errors.
		 */
		boolean held(double p99LimitMillis) {
			return this.errors == 0 && this.achievedPerSecond >= 0.95 * this.offeredPerSecond
					&& this.p99Millis < p99LimitMillis;
		}

		List<String> row(double p99LimitMillis) {
			return List.of(this.name, fmt("%.0f", this.offeredPerSecond), fmt("%.1f", this.achievedPerSecond),
					Integer.toString(this.ok), Integer.toString(this.errors), fmt("%.1f", this.p50Millis),
					fmt("%.1f", this.p90Millis), fmt("%.1f", this.p99Millis), fmt("%.0f", this.maxMillis),
					held(p99LimitMillis) ? "yes" : "no", this.outcomes.toString());
		}

		static List<String> headers() {
			return List.of("endpoint", "offered/s", "achieved/s", "ok", "errors", "p50 ms", "p90 ms", "p99 ms",
					"max ms", "held", "statuses");
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%s offered %.0f/s achieved %.1f/s ok %d errors %d p50 %.1f p90 %.1f p99 %.1f max %.0f ms %s",
					this.name, this.offeredPerSecond, this.achievedPerSecond, this.ok, this.errors, this.p50Millis,
					this.p90Millis, this.p99Millis, this.maxMillis, this.outcomes);
		}

	}

	private final HttpClient client;

	private final int maxInFlight;

	private final Duration requestTimeout;

	OpenLoad(int maxInFlight, Duration requestTimeout) {
		this.maxInFlight = maxInFlight;
		this.requestTimeout = requestTimeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4, (runnable) -> {
				Thread thread = new Thread(runnable, "open-load");
				thread.setDaemon(true);
				return thread;
			}))
			.build();
	}

	/**
	 * Sends {@code rate * duration} requests, request {@code i} due at
	 * {@code start + i / rate}; {@code request.apply(i)} builds request {@code i}. A 2xx
	 * answer counts as success, anything else (status, I/O error, timeout) as an error.
	 */
	Result run(String name, double rate, Duration duration, LongFunction<HttpRequest.Builder> request)
			throws InterruptedException {
		int count = (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
		long[] latencies = new long[count];
		Arrays.fill(latencies, -1);
		Semaphore inFlight = new Semaphore(this.maxInFlight);
		CountDownLatch finished = new CountDownLatch(count);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong lastAnswer = new AtomicLong();
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		List<String> samples = new CopyOnWriteArrayList<>();
		double intervalNanos = 1e9 / rate;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		for (int i = 0; i < count; i++) {
			long due = start + (long) (i * intervalNanos);
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			inFlight.acquire();
			int index = i;
			HttpRequest built = request.apply(i).timeout(this.requestTimeout).build();
			this.client.sendAsync(built, statusAwareBody()).whenComplete((response, failure) -> {
				long now = System.nanoTime();
				latencies[index] = now - due;
				lastAnswer.accumulateAndGet(now, Math::max);
				String outcome;
				if (failure != null) {
					Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
					outcome = cause.getClass().getSimpleName();
					errors.incrementAndGet();
					sample(samples, built.method() + " " + built.uri().getPath() + ": " + cause);
				}
				else {
					outcome = Integer.toString(response.statusCode());
					if (response.statusCode() / 100 == 2) {
						ok.incrementAndGet();
					}
					else {
						errors.incrementAndGet();
						sample(samples, built.method() + " " + built.uri().getPath() + " -> " + response.statusCode()
								+ ": " + response.body());
					}
				}
				outcomes.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet();
				inFlight.release();
				finished.countDown();
			});
		}
		long offeredEnd = System.nanoTime();
		if (!finished.await(this.requestTimeout.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
			outcomes.computeIfAbsent("unanswered", (key) -> new AtomicInteger()).addAndGet((int) finished.getCount());
			errors.addAndGet((int) finished.getCount());
		}
		long end = Math.max(lastAnswer.get(), offeredEnd);
		double seconds = Math.max(end - start, 1) / 1e9;
		long[] answered = Arrays.stream(latencies).filter((latency) -> latency >= 0).sorted().toArray();
		Map<String, Integer> statuses = new TreeMap<>();
		outcomes.forEach((key, value) -> statuses.put(key, value.get()));
		return new Result(name, rate, ok.get() / seconds, count, ok.get(), errors.get(), millis(answered, 0.50),
				millis(answered, 0.90), millis(answered, 0.99), millis(answered, 1.0), statuses, List.copyOf(samples));
	}

	/** The body is read only for non-2xx answers (to report them), else discarded. */
	private static BodyHandler<String> statusAwareBody() {
		return (info) -> (info.statusCode() / 100 == 2) ? BodySubscribers.replacing(null)
				: BodySubscribers.ofString(StandardCharsets.UTF_8);
	}

	private static void sample(List<String> samples, String text) {
		if (samples.size() < 5) {
			samples.add(text.length() > 400 ? text.substring(0, 400) + "…" : text);
		}
	}

	/** Nearest-rank quantile of sorted nanosecond latencies, in milliseconds. */
	private static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
	}

	private static String fmt(String format, double value) {
		return String.format(Locale.ROOT, format, value);
	}

}
