package io.reflow.crm.lab;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.reflow.crm.kpi.TaskTimes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one process version's history from the engine's tables ({@code ACT_HI_PROCINST},
 * {@code ACT_HI_ACTINST}, {@code ACT_HI_TASKINST} with its identity links) into
 * {@link VersionFigures}: three streamed queries by process definition id, whatever the
 * history's size; at most {@code reflow.lab.max-cases-per-version} cases (the latest
 * started) are kept.
 */
@Component
class VersionHistoryReader {

	/** Activity types whose repetition in one case is rework (not events or gateways). */
	static final Set<String> WORK = Set.of("userTask", "serviceTask", "businessRuleTask", "scriptTask", "sendTask",
			"receiveTask", "manualTask", "task", "callActivity", "subProcess");

	static final String CANCELLED = "cancelled";

	private static final String CANDIDATE_GROUP = "(select min(L.GROUP_ID_) from ACT_HI_IDENTITYLINK L "
			+ "where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null)";

	private final JdbcTemplate jdbc;

	private final LabProperties properties;

	VersionHistoryReader(JdbcTemplate jdbc, LabProperties properties) {
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(1000);
		this.properties = properties;
	}

	/** A case as read, before its activities and tasks. */
	private static final class CaseRow {

		final Instant start;

		final Instant end;

		final String outcome;

		boolean reworked;

		double cost;

		CaseRow(Instant start, Instant end, String outcome) {
			this.start = start;
			this.end = end;
			this.outcome = outcome;
		}

	}

	VersionFigures read(String definitionId) {
		VersionFigures figures = new VersionFigures();
		int limit = this.properties.maxCasesPerVersion();
		Map<String, CaseRow> cases = new LinkedHashMap<>();
		this.jdbc.query("select ID_, START_TIME_, END_TIME_, END_ACT_ID_, STATE_ from ACT_HI_PROCINST "
				+ "where PROC_DEF_ID_ = ? order by START_TIME_ desc", (rs) -> {
					figures.started++;
					if (cases.size() >= limit) {
						figures.leftOut++;
						return;
					}
					Timestamp end = rs.getTimestamp(3);
					if (end == null) {
						figures.running++;
					}
					String state = rs.getString(5);
					String outcome = (rs.getString(4) != null && !state.endsWith("EXTERNALLY_TERMINATED"))
							? rs.getString(4) : CANCELLED;
					cases.put(rs.getString(1), new CaseRow(rs.getTimestamp(2).toInstant(),
							(end != null) ? end.toInstant() : null, outcome));
				}, definitionId);
		Map<String, Integer> runs = new HashMap<>();
		this.jdbc.query("select PROC_INST_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, DURATION_ from ACT_HI_ACTINST "
				+ "where PROC_DEF_ID_ = ? and END_TIME_ is not null", (rs) -> {
					String caseId = rs.getString(1);
					if (!cases.containsKey(caseId)) {
						return;
					}
					VersionFigures.Activity activity = figures.activity(rs.getString(2));
					activity.name = rs.getString(3);
					activity.type = rs.getString(4);
					activity.durationSeconds.add(rs.getLong(5) / 1000.0);
					if (WORK.contains(activity.type)
							&& runs.merge(caseId + '\u0000' + activity.id, 1, Integer::sum) == 2) {
						activity.repeatedInCases++;
						cases.get(caseId).reworked = true;
					}
				}, definitionId);
		this.jdbc.query("select T.PROC_INST_ID_, T.TASK_DEF_KEY_, T.START_TIME_, T.END_TIME_, T.DUE_DATE_, "
				+ TaskTimes.FIRST_ASSIGNMENT + ", " + CANDIDATE_GROUP + " from ACT_HI_TASKINST T "
				+ "where T.PROC_DEF_ID_ = ? and T.END_TIME_ is not null and T.DELETE_REASON_ = 'completed' "
				+ "and T.TASK_DEF_KEY_ is not null", (rs) -> {
					CaseRow row = cases.get(rs.getString(1));
					if (row == null) {
						return;
					}
					Instant start = rs.getTimestamp(3).toInstant();
					Instant end = rs.getTimestamp(4).toInstant();
					Timestamp assigned = rs.getTimestamp(6);
					long waiting = TaskTimes.waitingMillis(start, (assigned != null) ? assigned.toInstant() : null,
							end);
					long working = TaskTimes.totalMillis(start, end) - waiting;
					VersionFigures.Activity activity = figures.activity(rs.getString(2));
					activity.waitingSeconds.add(waiting / 1000.0);
					activity.workingSeconds.add(working / 1000.0);
					BigDecimal rate = this.properties.rate(rs.getString(7));
					row.cost += rate.doubleValue() * working / 3_600_000.0;
					Timestamp due = rs.getTimestamp(5);
					if (due != null) {
						figures.tasksWithDueDate++;
						if (!end.isAfter(due.toInstant())) {
							figures.tasksMetDueDate++;
						}
					}
				}, definitionId);
		cases.forEach((id, row) -> {
			if (row.end != null) {
				figures.finished
					.add(new VersionFigures.Case(id, row.start, row.end, row.outcome, row.reworked, row.cost));
			}
		});
		return figures;
	}

}
