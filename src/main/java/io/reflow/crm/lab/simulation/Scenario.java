package io.reflow.crm.lab.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a simulation run assumes: how many cases arrive and how often, what each case
 * starts with, how long each user task's work takes and what it answers, and how many
 * people each candidate group has. Everything random is drawn from one seeded source, so
 * a scenario with the same seed gives the same run.
 *
 * @param cases how many cases arrive
 * @param interArrival time between two arrivals
 * @param caseVariables the start variables of a case: each case takes one of these, all
 * equally likely (by default, the start variables of real cases)
 * @param tasks per user task (its id in the model) how long it is worked on and what it
 * answers; a task without an entry is done at once with no answer
 * @param people per candidate group how many work its tasks at the same time; a group
 * without an entry has one person
 * @param seed the random source's seed
 * @param start the simulated instant the first case arrives
 * @param workingHours when people work (null: around the clock)
 * @param arrivalProfile how the arrival rate varies over the week ({@code interArrival}
 * is then the gap at the week's average rate); null: the same rate around the clock
 */
public record Scenario(int cases, Distribution interArrival, List<Map<String, Object>> caseVariables,
		Map<String, TaskBehaviour> tasks, Map<String, Integer> people, long seed, Instant start,
		WorkingHours workingHours, ArrivalProfile arrivalProfile) {

	/** A scenario whose cases arrive at the same rate around the clock. */
	public Scenario(int cases, Distribution interArrival, List<Map<String, Object>> caseVariables,
			Map<String, TaskBehaviour> tasks, Map<String, Integer> people, long seed, Instant start,
			WorkingHours workingHours) {
		this(cases, interArrival, caseVariables, tasks, people, seed, start, workingHours, null);
	}

	/** A scenario whose people work around the clock. */
	public Scenario(int cases, Distribution interArrival, List<Map<String, Object>> caseVariables,
			Map<String, TaskBehaviour> tasks, Map<String, Integer> people, long seed, Instant start) {
		this(cases, interArrival, caseVariables, tasks, people, seed, start, null, null);
	}

	/**
	 * The arrival after one at {@code now}, with {@code gapSeconds} drawn at the average
	 * rate.
	 */
	public Instant nextArrival(Instant now, double gapSeconds) {
		return (this.arrivalProfile != null) ? this.arrivalProfile.next(now, gapSeconds)
				: now.plusMillis(Math.round(gapSeconds * 1000));
	}

	public Scenario {
		if (cases < 1) {
			throw new IllegalArgumentException("cases must be 1 or more");
		}
		caseVariables = (caseVariables != null && !caseVariables.isEmpty()) ? List.copyOf(caseVariables)
				: List.of(Map.of());
		tasks = (tasks != null) ? Map.copyOf(tasks) : Map.of();
		people = (people != null) ? Map.copyOf(people) : Map.of();
	}

	/** How a user task is worked on: the time it takes and its answers. */
	public record TaskBehaviour(Distribution working, List<Answer> answers) {

		public TaskBehaviour {
			answers = (answers != null) ? List.copyOf(answers) : List.of();
			double total = answers.stream().mapToDouble(Answer::probability).sum();
			if (!answers.isEmpty() && Math.abs(total - 1) > 1e-6) {
				throw new IllegalArgumentException("the answers' probabilities must add up to 1, not " + total);
			}
		}

	}

	/**
	 * A date variable given relative to the moment it is set (a case's arrival, a task's
	 * completion): the simulator turns it into the date that far after the simulated now,
	 * as calibration from history finds it (a due date two hours after the start).
	 */
	public record Offset(long millis) {
	}

	/**
	 * The variables with each {@link Offset} made a date after {@code now}.
	 */
	public static Map<String, Object> at(Map<String, Object> variables, Instant now) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		variables.forEach((name, value) -> values.put(name,
				(value instanceof Offset offset) ? java.util.Date.from(now.plusMillis(offset.millis())) : value));
		return values;
	}

	/**
	 * One possible answer of a task (the variables it completes with) and its
	 * probability.
	 */
	public record Answer(double probability, Map<String, Object> variables) {
	}

}
