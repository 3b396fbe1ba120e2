package io.reflow.crm.kpi;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a {@link KpiDelta} into the projection tables with one batched upsert per table,
 * on the connection of the current (engine's) transaction. PostgreSQL gets
 * {@code INSERT … ON CONFLICT DO UPDATE}, which is atomic when two transactions create
 * the same day row; other databases (H2) get the standard {@code MERGE}.
 */
class KpiStore {

	static final List<String> TABLES = List.of("kpi_process_day", "kpi_process_day_bucket", "kpi_process_running",
			"kpi_activity_day");

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	private final String processDaySql;

	private final String bucketSql;

	private final String runningSql;

	private final String activitySql;

	KpiStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.postgres = isPostgres(dataSource);
		this.processDaySql = upsert("kpi_process_day", List.of("process_key", "version", "stat_day"),
				List.of("started", "completed", "duration_sum_ms"), List.of());
		this.bucketSql = upsert("kpi_process_day_bucket", List.of("process_key", "version", "stat_day", "bucket"),
				List.of("completed"), List.of());
		this.runningSql = upsert("kpi_process_running", List.of("process_key", "version"), List.of("running"),
				List.of());
		this.activitySql = upsert("kpi_activity_day", List.of("process_key", "version", "stat_day", "activity_id"),
				List.of("count", "duration_sum_ms", "waiting_sum_ms", "working_sum_ms", "user_task_count"),
				List.of("activity_type"));
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database product", ex);
		}
	}

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("process_key", "varchar(255)"),
			Map.entry("activity_id", "varchar(255)"), Map.entry("activity_type", "varchar(64)"),
			Map.entry("version", "integer"), Map.entry("bucket", "integer"), Map.entry("stat_day", "date"));

	private static String type(String column) {
		return TYPES.getOrDefault(column, "bigint");
	}

	/**
	 * An upsert adding {@code sums} to an existing row or inserting them;
	 * {@code attributes} are only written on insert.
	 */
	private String upsert(String table, List<String> keys, List<String> sums, List<String> attributes) {
		List<String> columns = new ArrayList<>(keys);
		columns.addAll(attributes);
		columns.addAll(sums);
		String names = String.join(", ", columns);
		if (this.postgres) {
			return "insert into " + table + " as t (" + names + ") values ("
					+ columns.stream().map((c) -> "?").collect(Collectors.joining(", ")) + ") on conflict ("
					+ String.join(", ", keys) + ") do update set "
					+ sums.stream().map((c) -> c + " = t." + c + " + excluded." + c).collect(Collectors.joining(", "));
		}
		return "merge into " + table + " t using (values ("
				+ columns.stream().map((c) -> "cast(? as " + type(c) + ")").collect(Collectors.joining(", "))
				+ ")) as s(" + names + ") on "
				+ keys.stream().map((c) -> "t." + c + " = s." + c).collect(Collectors.joining(" and "))
				+ " when matched then update set "
				+ sums.stream().map((c) -> c + " = t." + c + " + s." + c).collect(Collectors.joining(", "))
				+ " when not matched then insert (" + names + ") values ("
				+ columns.stream().map((c) -> "s." + c).collect(Collectors.joining(", ")) + ")";
	}

	/** Adds the delta to the tables: at most one batch per table. */
	void apply(KpiDelta delta) {
		if (!delta.processDays.isEmpty()) {
			this.jdbc.batchUpdate(this.processDaySql,
					delta.processDays.entrySet()
						.stream()
						.map((e) -> new Object[] { e.getKey().processKey(), e.getKey().version(),
								Date.valueOf(e.getKey().day()), e.getValue().started, e.getValue().completed,
								e.getValue().durationSumMs })
						.toList());
		}
		if (!delta.buckets.isEmpty()) {
			this.jdbc.batchUpdate(this.bucketSql,
					delta.buckets.entrySet()
						.stream()
						.map((e) -> new Object[] { e.getKey().processKey(), e.getKey().version(),
								Date.valueOf(e.getKey().day()), e.getKey().bucket(), e.getValue() })
						.toList());
		}
		List<Object[]> running = delta.running.entrySet()
			.stream()
			.filter((e) -> e.getValue() != 0)
			.map((e) -> new Object[] { e.getKey().processKey(), e.getKey().version(), e.getValue() })
			.toList();
		if (!running.isEmpty()) {
			this.jdbc.batchUpdate(this.runningSql, running);
		}
		if (!delta.activityDays.isEmpty()) {
			this.jdbc.batchUpdate(this.activitySql,
					delta.activityDays.entrySet()
						.stream()
						.map((e) -> new Object[] { e.getKey().processKey(), e.getKey().version(),
								Date.valueOf(e.getKey().day()), e.getKey().activityId(), e.getValue().type,
								e.getValue().count, e.getValue().durationSumMs, e.getValue().waitingSumMs,
								e.getValue().workingSumMs, e.getValue().userTaskCount })
						.toList());
		}
	}

	/** Empties the projection tables (for the rebuild). */
	void clear() {
		TABLES.forEach((table) -> this.jdbc.update("delete from " + table));
	}

	/** A task's creation and first assignment (null if never assigned). */
	record TaskStart(Instant created, Instant firstAssigned) {
	}

	/**
	 * Creation and first assignment per task, from the engine's task and identity-link
	 * history (both indexed by task id), as the rebuild reads them.
	 */
	Map<String, TaskStart> taskTimes(Collection<String> taskIds) {
		Map<String, TaskStart> times = new HashMap<>();
		List<String> ids = new ArrayList<>(taskIds);
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String in = chunk.stream().map((id) -> "?").collect(Collectors.joining(", "));
			this.jdbc.query("select T.ID_, T.START_TIME_, " + TaskTimes.FIRST_ASSIGNMENT
					+ " from ACT_HI_TASKINST T where T.ID_ in (" + in + ")", (rs) -> {
						Timestamp assigned = rs.getTimestamp(3);
						times.put(rs.getString(1), new TaskStart(rs.getTimestamp(2).toInstant(),
								(assigned != null) ? assigned.toInstant() : null));
					}, chunk.toArray());
		}
		return times;
	}

	/**
	 * The stored durations of ended process or activity instances by id (primary key),
	 * for end events that carried none.
	 */
	Map<String, Long> durations(String table, Collection<String> ids) {
		Map<String, Long> durations = new HashMap<>();
		List<String> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += 500) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
			String in = chunk.stream().map((id) -> "?").collect(Collectors.joining(", "));
			this.jdbc.query("select ID_, DURATION_ from " + table + " where ID_ in (" + in + ")", (rs) -> {
				durations.put(rs.getString(1), rs.getLong(2));
			}, chunk.toArray());
		}
		return durations;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

}
