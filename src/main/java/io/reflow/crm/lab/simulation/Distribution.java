package io.reflow.crm.lab.simulation;

import java.util.List;
import java.util.Random;

/** A distribution of durations in seconds, sampled with the run's random source. */
public sealed interface Distribution {

	double sample(Random random);

	/** Always the same value. */
	record Fixed(double seconds) implements Distribution {

		@Override
		public double sample(Random random) {
			return this.seconds;
		}

	}

	/** Exponential with a mean (memoryless: arrivals of a Poisson process). */
	record Exponential(double meanSeconds) implements Distribution {

		@Override
		public double sample(Random random) {
			return -this.meanSeconds * Math.log(1 - random.nextDouble());
		}

	}

	/**
	 * Log-normal given by its median and 90th percentile, the usual shape of working
	 * times (most short, a long tail): sigma = ln(p90 / median) / z(0.9).
	 */
	record LogNormal(double medianSeconds, double p90Seconds) implements Distribution {

		static final double Z90 = 1.2815515655446004;

		public LogNormal {
			if (!(medianSeconds > 0 && p90Seconds >= medianSeconds)) {
				throw new IllegalArgumentException("a log-normal needs 0 < median <= p90");
			}
		}

		@Override
		public double sample(Random random) {
			double sigma = Math.log(this.p90Seconds / this.medianSeconds) / Z90;
			return this.medianSeconds * Math.exp(sigma * random.nextGaussian());
		}

	}

	/** One of the observed values, each equally likely (a bootstrap of history). */
	record Empirical(List<Double> seconds) implements Distribution {

		public Empirical {
			if (seconds.isEmpty()) {
				throw new IllegalArgumentException("an empirical distribution needs observations");
			}
			seconds = List.copyOf(seconds);
		}

		@Override
		public double sample(Random random) {
			return this.seconds.get(random.nextInt(this.seconds.size()));
		}

	}

}
