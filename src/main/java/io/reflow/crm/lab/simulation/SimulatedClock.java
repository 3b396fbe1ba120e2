package io.reflow.crm.lab.simulation;

import java.time.Instant;
import java.util.function.Supplier;

import org.joda.time.DateTimeUtils;

/**
 * Simulated time for the thread that runs a simulation, real time for every other thread.
 * <p>
 * Camunda 7 reads the time through {@code ClockUtil}, which asks Joda-Time's
 * {@code DateTimeUtils}: one setting for the whole JVM. Setting it the usual way
 * ({@code ClockUtil.setCurrentTime}) would give production's engine, running in the same
 * JVM, the simulation's dates. This clock installs one provider that answers each thread
 * by itself: a thread inside {@link #run} sees the simulated instant it has advanced to;
 * all others see the system clock. The provider is installed again at the start of each
 * run, in case a test reset the engine's clock in between.
 */
public final class SimulatedClock {

	private static final ThreadLocal<long[]> NOW = new ThreadLocal<>();

	private static final DateTimeUtils.MillisProvider PER_THREAD = () -> {
		long[] now = NOW.get();
		return (now != null) ? now[0] : System.currentTimeMillis();
	};

	private SimulatedClock() {
	}

	/**
	 * Runs {@code body} on this thread with the clock at {@code start}; the clock is the
	 * system's again afterwards.
	 */
	public static <T> T run(Instant start, Supplier<T> body) {
		if (NOW.get() != null) {
			throw new IllegalStateException("A simulation is already running on this thread");
		}
		DateTimeUtils.setCurrentMillisProvider(PER_THREAD);
		NOW.set(new long[] { start.toEpochMilli() });
		try {
			return body.get();
		}
		finally {
			NOW.remove();
		}
	}

	/** The simulated instant of this thread (the system's outside a run). */
	public static Instant now() {
		return Instant.ofEpochMilli(PER_THREAD.getMillis());
	}

	/**
	 * Moves this thread's simulated clock forward to {@code instant}.
	 * @throws IllegalStateException outside a run, or if {@code instant} is in the
	 * simulated past
	 */
	public static void advanceTo(Instant instant) {
		long[] now = NOW.get();
		if (now == null) {
			throw new IllegalStateException("Not inside a simulation run");
		}
		long target = instant.toEpochMilli();
		if (target < now[0]) {
			throw new IllegalStateException(
					"The simulated clock cannot go back from " + Instant.ofEpochMilli(now[0]) + " to " + instant);
		}
		now[0] = target;
	}

}
