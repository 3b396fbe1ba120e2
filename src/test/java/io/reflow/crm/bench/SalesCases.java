package io.reflow.crm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs sales cases (lead to order) with a few client threads and counts the completed
 * ones per second.
 */
final class SalesCases {

	/** Case counts and client threads, from system properties. */
	static final int THREADS = Integer.getInteger("reflow.bench.threads", 2);

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private SalesCases() {
	}

	/** Drives one case to its order; throws if it did not end with one. */
	@FunctionalInterface
	interface Driver {

		void runCase(long number) throws Exception;

	}

	/**
	 * Runs {@code cases} cases on {@link #THREADS} threads; completed cases per second. A
	 * case that fails is not counted (and the first failure is rethrown after the run, so
	 * a broken driver cannot pass as a slow one).
	 */
	static double perSecond(Driver driver, int cases) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			AtomicLong completed = new AtomicLong();
			List<Future<?>> futures = new ArrayList<>();
			long started = System.nanoTime();
			for (int i = 0; i < cases; i++) {
				futures.add(pool.submit(() -> {
					driver.runCase(SEQUENCE.incrementAndGet());
					completed.incrementAndGet();
					return null;
				}));
			}
			Exception failure = null;
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (failure == null) {
						failure = (ex.getCause() instanceof Exception cause) ? cause : ex;
					}
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			if (failure != null) {
				throw new IllegalStateException(
						(cases - completed.get()) + " of " + cases + " cases failed; first failure", failure);
			}
			return completed.get() / seconds;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
