package io.reflow.crm.platform.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a backtest found: of the evaluations of decision {@code decisionKey} in the
 * period, how many were replayed through the draft, how many would get a different
 * outcome (in the compared {@code outputs}), in how many cases, old → new with counts,
 * examples, and the evaluations that could not be replayed, by reason.
 *
 * @param decisionKey the decision tested
 * @param decisionName the draft's name of the decision
 * @param draftFile the uploaded file's name
 * @param period the evaluation period
 * @param outputs the outputs compared
 * @param evaluations evaluations of the decision in the period
 * @param replayed evaluations replayed through the draft
 * @param changed replayed evaluations whose outcome would differ
 * @param unchanged replayed evaluations whose outcome would stay
 * @param notReplayed evaluations that could not be replayed (see
 * {@code notReplayedReasons})
 * @param casesAffected distinct process instances with a changed evaluation
 * @param versions the deployed versions of the decision that the evaluations ran on, with
 * their counts
 * @param transitions old → new outcome with the number of evaluations, most frequent
 * first
 * @param examples changed evaluations, oldest first, at most as many as asked for
 * @param notReplayedReasons why evaluations could not be replayed, most frequent first
 */
public record BacktestReport(String decisionKey, String decisionName, String draftFile, Period period,
		List<String> outputs, long evaluations, long replayed, long changed, long unchanged, long notReplayed,
		long casesAffected, List<VersionCount> versions, List<Transition> transitions, List<Example> examples,
		List<NotReplayed> notReplayedReasons) {

	/** Whole days {@code from}..{@code to} (inclusive) in {@code zone}. */
	public record Period(LocalDate from, LocalDate to, String zone) {
	}

	/** How many evaluations ran on one deployed version. */
	public record VersionCount(int version, long evaluations) {
	}

	/** One kind of change: the outcome recorded and the draft's, and how often. */
	public record Transition(String oldOutcome, String newOutcome, long count) {
	}

	/**
	 * One changed evaluation.
	 *
	 * @param decisionInstanceId the historic decision instance (Cockpit shows it)
	 * @param evaluatedAt when it was evaluated
	 * @param decisionVersion the deployed version it ran on
	 * @param processDefinitionKey the process that evaluated it, if any
	 * @param processInstanceId the case, if any
	 * @param businessKey the case's business key, if any
	 * @param inputs the variables replayed through the draft
	 * @param oldOutcome the recorded outcome, as in {@code transitions}
	 * @param newOutcome the draft's outcome
	 * @param oldResult the recorded results (one map per matched rule, compared outputs
	 * only)
	 * @param newResult the draft's results
	 */
	public record Example(String decisionInstanceId, Instant evaluatedAt, int decisionVersion,
			String processDefinitionKey, String processInstanceId, String businessKey, Map<String, Object> inputs,
			String oldOutcome, String newOutcome, List<Map<String, Object>> oldResult,
			List<Map<String, Object>> newResult) {
	}

	/**
	 * Evaluations that could not be replayed for one reason, with some of their decision
	 * instance ids.
	 */
	public record NotReplayed(String reason, long count, List<String> decisionInstanceIds) {
	}

}
