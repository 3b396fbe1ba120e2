package io.reflow.crm.lab;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.reflow.crm.kpi.TaskTimes;
import io.reflow.crm.lab.simulation.Distribution;
import io.reflow.crm.lab.simulation.Scenario;
import io.reflow.crm.lab.simulation.WorkingHours;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Calibrates a simulation scenario from a process version's history (the latest
 * {@link #WINDOW} cases started):
 * <ul>
 * <li>arrivals: exponential gaps with the mean gap between the cases' starts, at a rate
 * that varies by weekday and hour of the day where the history shows that it does
 * ({@link ArrivalPatterns});</li>
 * <li>case variables: the simple variables (text, number, boolean, date) each case
 * started with, one case's set per simulated case; a date keeps its distance from the
 * start ({@link Scenario.Offset});</li>
 * <li>per user task: the working times (first assignment to completion) of its completed
 * instances, resampled, and its answers: the variables created when it was completed,
 * with their observed frequencies;</li>
 * <li>people per candidate group: the distinct users who completed its tasks;</li>
 * <li>working hours: the business calendar of {@code reflow.lab.working-hours} (history
 * does not record when people were at work);</li>
 * <li>cases and start: as many cases as the window holds, from its first start, so a
 * simulation replays the same period.</li>
 * </ul>
 * What history cannot give (no finished case, a task never completed) gets a neutral
 * default, and {@link Calibrated#notes} says so.
 */
@Component
public class Calibration {

	/** The most recent cases read. */
	static final int WINDOW = 5000;

	/** The most distinct answers kept per task (the most frequent). */
	static final int MAX_ANSWERS = 200;

	private final JdbcTemplate jdbc;

	private final LabProperties properties;

	Calibration(DataSource dataSource, LabProperties properties) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.properties = properties;
	}

	/** A calibrated scenario and where each part came from. */
	public record Calibrated(Scenario scenario, int casesRead, List<String> notes) {
	}

	public Calibrated calibrate(String definitionId, int maxCases, long seed) {
		List<String> notes = new ArrayList<>();
		List<Object[]> instances = this.jdbc.query(
				"select ID_, START_TIME_ from ACT_HI_PROCINST where PROC_DEF_ID_ = ? order by START_TIME_ desc, ID_",
				(rs, i) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() }, definitionId);
		if (instances.size() > WINDOW) {
			instances = instances.subList(0, WINDOW);
		}
		instances = new ArrayList<>(instances);
		instances.sort(Comparator.comparing((row) -> (Instant) row[1]));
		Map<String, Instant> started = new LinkedHashMap<>();
		instances.forEach((row) -> started.put((String) row[0], (Instant) row[1]));
		Instant first = instances.isEmpty() ? Instant.now() : (Instant) instances.get(0)[1];
		Instant last = instances.isEmpty() ? first : (Instant) instances.get(instances.size() - 1)[1];

		Distribution arrivals;
		if (instances.size() >= 2) {
			arrivals = new Distribution.Exponential(
					Math.max(1, (last.toEpochMilli() - first.toEpochMilli()) / 1000.0 / (instances.size() - 1)));
			notes.add("arrivals: one case every %.0f minutes on average, from %d cases"
				.formatted(((Distribution.Exponential) arrivals).meanSeconds() / 60, instances.size()));
		}
		else {
			arrivals = new Distribution.Exponential(3600);
			notes.add("arrivals: too few cases in history, one an hour assumed");
		}

		Map<String, Map<String, Object[]>> variables = variables(definitionId, started.keySet());
		List<Map<String, Object>> caseVariables = new ArrayList<>();
		started.forEach((id, start) -> {
			Map<String, Object> atStart = new LinkedHashMap<>();
			variables.getOrDefault(id, Map.of()).forEach((name, value) -> {
				if (((Instant) value[1]).equals(start)) {
					atStart.put(name, value[0]);
				}
			});
			if (!atStart.isEmpty()) {
				caseVariables.add(atStart);
			}
		});
		notes.add("case variables: the start variables of %d cases".formatted(caseVariables.size()));

		WorkingHours hours = this.properties.workingHours().toWorkingHours();
		Map<String, List<Double>> working = new TreeMap<>();
		Map<String, Map<Map<String, Object>, Integer>> answers = new TreeMap<>();
		Map<String, Set<String>> people = new TreeMap<>();
		this.jdbc.query(
				"select T.PROC_INST_ID_, T.TASK_DEF_KEY_, T.START_TIME_, T.END_TIME_, T.ASSIGNEE_, "
						+ TaskTimes.FIRST_ASSIGNMENT + ", (select min(L.GROUP_ID_) from ACT_HI_IDENTITYLINK L "
						+ "where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null) "
						+ "from ACT_HI_TASKINST T where T.PROC_DEF_ID_ = ? and T.END_TIME_ is not null "
						+ "and T.DELETE_REASON_ = 'completed' order by T.END_TIME_, T.START_TIME_, T.TASK_DEF_KEY_",
				(rs) -> {
					String instance = rs.getString(1);
					if (!started.containsKey(instance)) {
						return;
					}
					String task = rs.getString(2);
					Instant start = rs.getTimestamp(3).toInstant();
					Instant end = rs.getTimestamp(4).toInstant();
					Timestamp assigned = rs.getTimestamp(6);
					long waiting = TaskTimes.waitingMillis(start, (assigned != null) ? assigned.toInstant() : null,
							end);
					Instant begun = start.plusMillis(waiting);
					// work that went on overnight counts its working hours only: the
					// simulation spreads it over working hours again
					working.computeIfAbsent(task, (k) -> new ArrayList<>())
						.add((hours != null) ? hours.workingSecondsBetween(begun, end)
								: Duration.between(begun, end).toMillis() / 1000.0);
					if (rs.getString(5) != null && rs.getString(7) != null) {
						people.computeIfAbsent(rs.getString(7), (g) -> new HashSet<>()).add(rs.getString(5));
					}
					Map<String, Object> answer = new TreeMap<>();
					variables.getOrDefault(instance, Map.of()).forEach((name, value) -> {
						long created = ((Instant) value[1]).toEpochMilli();
						if (created >= end.toEpochMilli() && created <= end.toEpochMilli() + 1000
								&& !((Instant) value[1]).equals(started.get(instance))) {
							answer.put(name, value[0]);
						}
					});
					answers.computeIfAbsent(task, (k) -> new HashMap<>()).merge(answer, 1, Integer::sum);
				}, definitionId);
		Map<String, Scenario.TaskBehaviour> tasks = new LinkedHashMap<>();
		working.forEach((task, seconds) -> {
			tasks.put(task,
					new Scenario.TaskBehaviour(new Distribution.Empirical(seconds), answers(answers.get(task))));
			notes.add("%s: working time and answers from %d completions".formatted(task, seconds.size()));
		});
		Map<String, Integer> groups = new TreeMap<>();
		people.forEach((group, users) -> groups.put(group, users.size()));
		if (!groups.isEmpty()) {
			notes.add("people: " + groups);
		}
		notes.add("working hours: " + this.properties.workingHours().describe()
				+ " (working times count these hours only)");
		ArrivalPatterns.Found pattern = ArrivalPatterns.find(List.copyOf(started.values()),
				(hours != null) ? hours.zone() : java.time.ZoneOffset.UTC);
		notes.add(pattern.note());
		int cases = Math.max(1, Math.min(maxCases, instances.size()));
		return new Calibrated(
				new Scenario(cases, arrivals, caseVariables, tasks, groups, seed, first, hours, pattern.profile()),
				instances.size(), notes);
	}

	private static List<Scenario.Answer> answers(Map<Map<String, Object>, Integer> counts) {
		if (counts == null || counts.isEmpty()) {
			return List.of();
		}
		List<Map.Entry<Map<String, Object>, Integer>> frequent = counts.entrySet()
			.stream()
			.sorted(Map.Entry.<Map<String, Object>, Integer>comparingByValue().reversed())
			.limit(MAX_ANSWERS)
			.toList();
		double total = frequent.stream().mapToInt(Map.Entry::getValue).sum();
		List<Scenario.Answer> answers = new ArrayList<>();
		double sum = 0;
		for (int i = 0; i < frequent.size(); i++) {
			double probability = (i == frequent.size() - 1) ? 1 - sum : frequent.get(i).getValue() / total;
			sum += probability;
			answers.add(new Scenario.Answer(probability, frequent.get(i).getKey()));
		}
		return answers;
	}

	/**
	 * The simple variables of the instances: per instance, name to value and creation
	 * time.
	 */
	private Map<String, Map<String, Object[]>> variables(String definitionId, Set<String> instances) {
		Map<String, Map<String, Object[]>> variables = new HashMap<>();
		this.jdbc
			.query("select PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, LONG_, DOUBLE_, CREATE_TIME_ from ACT_HI_VARINST "
					+ "where PROC_DEF_ID_ = ? and BYTEARRAY_ID_ is null", (rs) -> {
						String instance = rs.getString(1);
						if (!instances.contains(instance) || rs.getTimestamp(7) == null) {
							return;
						}
						Object value = switch (rs.getString(3)) {
							case "string" -> rs.getString(4);
							case "integer" -> (rs.getObject(5) != null) ? (int) rs.getLong(5) : null;
							case "long" -> (rs.getObject(5) != null) ? rs.getLong(5) : null;
							case "short" -> (rs.getObject(5) != null) ? (short) rs.getLong(5) : null;
							case "boolean" -> (rs.getObject(5) != null) ? rs.getLong(5) == 1 : null;
							case "double" -> (rs.getObject(6) != null) ? rs.getDouble(6) : null;
							// a date as its distance from the moment it was set, see
							// below
							case "date" -> (rs.getObject(5) != null) ? (Object) rs.getLong(5) : null;
							default -> null;
						};
						if (value != null) {
							Instant created = rs.getTimestamp(7).toInstant();
							if ("date".equals(rs.getString(3))) {
								value = new Scenario.Offset((Long) value - created.toEpochMilli());
							}
							variables.computeIfAbsent(instance, (k) -> new HashMap<>())
								.put(rs.getString(2), new Object[] { value, created });
						}
					}, definitionId);
		return variables;
	}

}
