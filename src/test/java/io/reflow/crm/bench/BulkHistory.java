package io.reflow.crm.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.reflow.crm.kpi.DurationHistogram;

/**
 * Bulk-builds finished cases on PostgreSQL, the rows the application would have written
 * for them, without running the engine: for each case one {@code ACT_HI_PROCINST} row
 * (COPY), the business row ({@code crm_lead} for {@code lead-qualification},
 * {@code crm_case} for {@code support-case}, COPY) and its contribution to the kpi
 * module's projections ({@code kpi_process_day}, {@code kpi_process_day_bucket},
 * {@code kpi_activity_day}, aggregated here and upserted with the arithmetic of
 * {@code KpiHistoryEventHandler}: day of start / end in {@code reflow.kpi.zone}, duration
 * histogram of {@link DurationHistogram}). Cases are laid out backwards from now at a
 * constant rate per day, so a larger history is a longer one, as it grows in production:
 * case {@code i} ends {@code i / casesPerDay} days ago.
 */
final class BulkHistory {

	static final ZoneId KPI_ZONE = ZoneId.of("Asia/Shanghai");

	static final String LEAD = "lead-qualification";

	static final String SUPPORT = "support-case";

	static final long ID_BASE = 10_000_000L;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final String[] REGIONS = { "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL" };

	private static final String[] SOURCES = { "REFERRAL", "EVENT", "CAMPAIGN", "WEB", "COLD_CALL" };

	private static final String[] INDUSTRIES = { "SOFTWARE", "MANUFACTURING", "RETAIL", "FINANCE", "OTHER" };

	private static final String[] SALES_GROUPS = { "sales-north", "sales-south", "sales-east", "sales-west",
			"inside-sales", "key-accounts" };

	private static final String[] SUPPORT_GROUPS = { "support-tier1", "support-tier2", "billing", "field-service" };

	private static final String[] PRIORITIES = { "P1", "P2", "P3", "P4" };

	private static final String[] CHANNELS = { "PHONE", "EMAIL", "WEB", "CHAT" };

	private final DataSource dataSource;

	private final Map<String, String> definitionIds;

	private final Instant now;

	private final double casesPerDay;

	private final int customers;

	private final Random random = new Random(5);

	private long generated;

	private final Map<String, long[]> processDays = new HashMap<>();

	private final Map<String, long[]> buckets = new HashMap<>();

	private final Map<String, long[]> activityDays = new HashMap<>();

	private final Map<String, String> activityTypes = new HashMap<>();

	/**
	 * @param definitionIds process key to the definition id the instances belong to
	 * (version 1 of the deployed model)
	 */
	BulkHistory(DataSource dataSource, Map<String, String> definitionIds, Instant now, double casesPerDay,
			int customers) {
		this.dataSource = dataSource;
		this.definitionIds = definitionIds;
		this.now = now;
		this.casesPerDay = casesPerDay;
		this.customers = customers;
	}

	long generated() {
		return this.generated;
	}

	/** Days of history the generated cases span. */
	double days() {
		return this.generated / this.casesPerDay;
	}

	/** Inserts the customers the support cases belong to (ids from ID_BASE). */
	void customers() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"insert into crm_customer (id, company_name, industry, region, employee_count, tier, owner_group, "
								+ "status, created_at) values (?, ?, 'Software', ?, ?, ?, 'sales-north', 'ACTIVE', ?)")) {
			for (int c = 0; c < this.customers; c++) {
				insert.setLong(1, ID_BASE + c);
				insert.setString(2, "基准客户" + c + "有限公司");
				insert.setString(3, REGIONS[c % REGIONS.length]);
				insert.setInt(4, 10 + c * 7);
				insert.setString(5, new String[] { "STRATEGIC", "KEY", "STANDARD", "NEW" }[c % 4]);
				insert.setObject(6, OffsetDateTime.ofInstant(this.now.minusSeconds(86_400L * 4000), ZoneOffset.UTC));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * Adds cases up to {@code target} in total, older than the ones already there;
	 * returns the seconds it took (COPY, projections and ANALYZE).
	 */
	double growTo(long target) throws SQLException, java.io.IOException {
		long start = System.nanoTime();
		this.processDays.clear();
		this.buckets.clear();
		this.activityDays.clear();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			while (this.generated < target) {
				long until = Math.min(target, this.generated + 50_000);
				StringBuilder processes = new StringBuilder(400 * (int) (until - this.generated));
				StringBuilder leads = new StringBuilder(300 * (int) (until - this.generated) / 2);
				StringBuilder cases = new StringBuilder(400 * (int) (until - this.generated) / 2);
				for (long i = this.generated; i < until; i++) {
					generate(i, processes, leads, cases);
				}
				copy.copyIn("copy ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, "
						+ "START_TIME_, END_TIME_, REMOVAL_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, "
						+ "ROOT_PROC_INST_ID_, STATE_) from stdin", new StringReader(processes.toString()));
				copy.copyIn("copy crm_lead (id, company_name, contact_name, email, source, region, industry, "
						+ "company_size, budget_confirmed, status, score, assignee_group, first_contact_due, due_at, "
						+ "process_instance_id, created_at, decided_at) from stdin",
						new StringReader(leads.toString()));
				copy.copyIn(
						"copy crm_case (id, customer_id, channel, category, severity, subject, description, status, "
								+ "priority, assignee_group, sla_calendar, response_due, resolution_due, response_due_at, "
								+ "resolution_due_at, first_response_at, resolved_at, csat, closed_at, close_reason, "
								+ "process_instance_id, created_at) from stdin",
						new StringReader(cases.toString()));
				this.generated = until;
			}
			upsertProjections(connection);
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("select setval(pg_get_serial_sequence('crm_lead', 'id'), (select max(id) from crm_lead))");
				statement
					.execute("select setval(pg_get_serial_sequence('crm_case', 'id'), (select max(id) from crm_case))");
				for (String table : List.of("ACT_HI_PROCINST", "crm_lead", "crm_case", "kpi_process_day",
						"kpi_process_day_bucket", "kpi_activity_day")) {
					statement.execute("analyze " + table);
				}
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private void generate(long i, StringBuilder processes, StringBuilder leads, StringBuilder cases) {
		boolean lead = (i % 2) == 0;
		String key = lead ? LEAD : SUPPORT;
		long end = this.now.toEpochMilli() - 60_000
				- (long) ((i + this.random.nextDouble()) * 86_400_000.0 / this.casesPerDay);
		// log-uniform cycle times: leads 30 s .. 7 days, cases 10 min .. 14 days
		double low = lead ? 30_000 : 600_000;
		double high = lead ? 7 * 86_400_000.0 : 14 * 86_400_000.0;
		long duration = (long) Math.exp(Math.log(low) + this.random.nextDouble() * (Math.log(high) - Math.log(low)));
		long begin = end - duration;
		String id = new UUID(0x5eedL << 32, i).toString();
		long rowId = ID_BASE + i;
		String businessKey = (lead ? "lead-" : "case-") + rowId;
		String endActivity;
		if (lead) {
			int outcome = this.random.nextInt(100);
			String status = (outcome < 40) ? "CONVERTED" : (outcome < 75) ? "DISQUALIFIED" : "NURTURING";
			endActivity = switch (status) {
				case "CONVERTED" -> "EndEvent_LeadConverted";
				case "DISQUALIFIED" -> "EndEvent_LeadDisqualified";
				default -> "EndEvent_LeadNurturing";
			};
			boolean decided = !"NURTURING".equals(status);
			int score = decided ? 30 + this.random.nextInt(71) : this.random.nextInt(30);
			String group = decided ? SALES_GROUPS[this.random.nextInt(SALES_GROUPS.length)] : "marketing-nurture";
			long due = begin + (decided ? 2 : 30) * 86_400_000L;
			row(leads, rowId, "基准线索" + rowId + "有限公司", "王芳", "fang.wang@lead" + rowId + ".example.cn",
					SOURCES[(int) (i % SOURCES.length)], REGIONS[this.random.nextInt(REGIONS.length)],
					INDUSTRIES[this.random.nextInt(INDUSTRIES.length)], 1 + this.random.nextInt(3000), "t", status,
					score, group, decided ? "P2D" : "P30D", zoned(due), id, zoned(begin), decided ? zoned(end) : null);
			activity(key, begin, "StartEvent_LeadCreated", "startEvent", 0, -1, -1);
			activity(key, begin, "Task_ScoreLead", "businessRuleTask", 40, -1, -1);
			activity(key, begin, "Task_AssignLead", "businessRuleTask", 30, -1, -1);
			if (decided) {
				long waiting = (long) (duration * this.random.nextDouble());
				activity(key, end, "Task_QualifyLead", "userTask", duration - 200, waiting, duration - 200 - waiting);
				activity(key, end, "CONVERTED".equals(status) ? "Task_ConvertLead" : "Task_DisqualifyLead",
						"serviceTask", 60, -1, -1);
			}
			else {
				activity(key, end, "Task_HandOverToNurturing", "serviceTask", 50, -1, -1);
			}
			activity(key, end, endActivity, "noneEndEvent", 0, -1, -1);
		}
		else {
			endActivity = "EndEvent_CaseClosed";
			String priority = PRIORITIES[this.random.nextInt(PRIORITIES.length)];
			long responseDue = begin + 4 * 3_600_000L;
			long resolutionDue = begin + 3 * 86_400_000L;
			long firstResponse = begin + (long) (this.random.nextDouble() * 6 * 3_600_000L);
			long resolved = begin + (long) (duration * 0.8);
			Integer csat = (this.random.nextInt(3) == 0) ? null : 1 + this.random.nextInt(5);
			row(cases, rowId, ID_BASE + this.random.nextInt(this.customers), CHANNELS[(int) (i % CHANNELS.length)],
					"INQUIRY", "NORMAL", "导出失败 " + rowId, "CSV export stops at 1000 rows", "CLOSED", priority,
					SUPPORT_GROUPS[this.random.nextInt(SUPPORT_GROUPS.length)], "BUSINESS", "PT4H", "P3D",
					zoned(responseDue), zoned(resolutionDue), zoned(Math.min(firstResponse, resolved)), zoned(resolved),
					csat, zoned(end), (csat != null) ? "FEEDBACK" : "NO_FEEDBACK", id, zoned(begin));
			activity(key, begin, "StartEvent_CaseOpened", "startEvent", 0, -1, -1);
			activity(key, begin, "Task_TriageCase", "businessRuleTask", 40, -1, -1);
			activity(key, begin, "Task_DecideSla", "businessRuleTask", 30, -1, -1);
			activity(key, begin, "Task_ScheduleSla", "serviceTask", 20, -1, -1);
			long work = resolved - begin;
			long waiting = (long) (work * this.random.nextDouble() * 0.5);
			activity(key, resolved, "Task_ResolveCase", "userTask", work - 100, waiting, work - 100 - waiting);
			activity(key, resolved, "SubProcess_WorkCase", "subProcess", work, -1, -1);
			activity(key, resolved, "Task_MarkResolved", "serviceTask", 30, -1, -1);
			activity(key, end, "Task_CloseCase", "serviceTask", 30, -1, -1);
			activity(key, end, endActivity, "noneEndEvent", 0, -1, -1);
		}
		row(processes, id, id, businessKey, key, this.definitionIds.get(key), local(begin), local(end),
				local(end + 365 * 86_400_000L), duration, lead ? "StartEvent_LeadCreated" : "StartEvent_CaseOpened",
				endActivity, id, "COMPLETED");
		long[] started = this.processDays.computeIfAbsent(key + "|" + day(begin), (k) -> new long[3]);
		started[0]++;
		long[] ended = this.processDays.computeIfAbsent(key + "|" + day(end), (k) -> new long[3]);
		ended[1]++;
		ended[2] += duration;
		this.buckets.computeIfAbsent(key + "|" + day(end) + "|" + DurationHistogram.bucket(duration),
				(k) -> new long[1])[0]++;
	}

	/**
	 * Adds an ended activity instance; waiting < 0 for activities that are no user task.
	 */
	private void activity(String key, long endMillis, String activityId, String type, long duration, long waiting,
			long working) {
		String rowKey = key + "|" + day(endMillis) + "|" + activityId;
		this.activityTypes.put(activityId, type);
		long[] sums = this.activityDays.computeIfAbsent(rowKey, (k) -> new long[5]);
		sums[0]++;
		sums[1] += duration;
		if (waiting >= 0) {
			sums[2] += waiting;
			sums[3] += working;
			sums[4]++;
		}
	}

	private void upsertProjections(Connection connection) throws SQLException {
		try (PreparedStatement days = connection.prepareStatement(
				"insert into kpi_process_day as t (process_key, version, stat_day, started, completed, duration_sum_ms) "
						+ "values (?, 1, ?, ?, ?, ?) on conflict (process_key, version, stat_day) do update set "
						+ "started = t.started + excluded.started, completed = t.completed + excluded.completed, "
						+ "duration_sum_ms = t.duration_sum_ms + excluded.duration_sum_ms")) {
			for (Map.Entry<String, long[]> row : this.processDays.entrySet()) {
				String[] parts = row.getKey().split("\\|");
				days.setString(1, parts[0]);
				days.setDate(2, Date.valueOf(parts[1]));
				days.setLong(3, row.getValue()[0]);
				days.setLong(4, row.getValue()[1]);
				days.setLong(5, row.getValue()[2]);
				days.addBatch();
			}
			days.executeBatch();
		}
		try (PreparedStatement buckets = connection.prepareStatement(
				"insert into kpi_process_day_bucket as t (process_key, version, stat_day, bucket, completed) "
						+ "values (?, 1, ?, ?, ?) on conflict (process_key, version, stat_day, bucket) do update set "
						+ "completed = t.completed + excluded.completed")) {
			int batch = 0;
			for (Map.Entry<String, long[]> row : this.buckets.entrySet()) {
				String[] parts = row.getKey().split("\\|");
				buckets.setString(1, parts[0]);
				buckets.setDate(2, Date.valueOf(parts[1]));
				buckets.setInt(3, Integer.parseInt(parts[2]));
				buckets.setLong(4, row.getValue()[0]);
				buckets.addBatch();
				if (++batch % 5000 == 0) {
					buckets.executeBatch();
				}
			}
			buckets.executeBatch();
		}
		try (PreparedStatement activities = connection.prepareStatement(
				"insert into kpi_activity_day as t (process_key, version, stat_day, activity_id, activity_type, count, "
						+ "duration_sum_ms, waiting_sum_ms, working_sum_ms, user_task_count) values "
						+ "(?, 1, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (process_key, version, stat_day, activity_id) do update "
						+ "set count = t.count + excluded.count, duration_sum_ms = t.duration_sum_ms + excluded.duration_sum_ms, "
						+ "waiting_sum_ms = t.waiting_sum_ms + excluded.waiting_sum_ms, "
						+ "working_sum_ms = t.working_sum_ms + excluded.working_sum_ms, "
						+ "user_task_count = t.user_task_count + excluded.user_task_count")) {
			int batch = 0;
			for (Map.Entry<String, long[]> row : this.activityDays.entrySet()) {
				String[] parts = row.getKey().split("\\|");
				long[] sums = row.getValue();
				activities.setString(1, parts[0]);
				activities.setDate(2, Date.valueOf(parts[1]));
				activities.setString(3, parts[2]);
				activities.setString(4, this.activityTypes.get(parts[2]));
				for (int s = 0; s < 5; s++) {
					activities.setLong(5 + s, sums[s]);
				}
				activities.addBatch();
				if (++batch % 5000 == 0) {
					activities.executeBatch();
				}
			}
			activities.executeBatch();
		}
	}

	private static LocalDate day(long millis) {
		return LocalDate.ofInstant(Instant.ofEpochMilli(millis), KPI_ZONE);
	}

	/**
	 * Camunda's timestamps (without time zone) in the JVM's zone, as the engine writes
	 * them.
	 */
	private static String local(long millis) {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).format(LOCAL);
	}

	private static String zoned(long millis) {
		return Instant.ofEpochMilli(millis).toString();
	}

	/** One COPY text row; null as \N. Values hold no tabs, newlines or backslashes. */
	private static void row(StringBuilder out, Object... values) {
		for (int v = 0; v < values.length; v++) {
			if (v > 0) {
				out.append('\t');
			}
			out.append((values[v] != null) ? values[v].toString() : "\\N");
		}
		out.append('\n');
	}

	/** Rows per table, for the report. */
	List<String> counts() throws SQLException {
		List<String> counts = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String table : List.of("ACT_HI_PROCINST", "crm_lead", "crm_case", "kpi_process_day",
					"kpi_process_day_bucket", "kpi_activity_day")) {
				try (var rs = statement.executeQuery("select count(*) from " + table)) {
					rs.next();
					counts.add(table + " " + rs.getLong(1));
				}
			}
		}
		return counts;
	}

}
