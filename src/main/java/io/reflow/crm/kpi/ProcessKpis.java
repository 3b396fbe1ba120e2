package io.reflow.crm.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process KPIs of the dashboard and {@code /api/kpis}: read from the projection
 * tables (cost O(processes x versions x days)), the open tasks and incidents from the
 * engine's runtime tables (bounded by open work), names and versions from the repository.
 */
@Transactional(readOnly = true)
public class ProcessKpis {

	/** {@code GET /api/kpis/processes}. */
	public record Processes(LocalDate from, LocalDate to, List<ProcessFigures> processes) {
	}

	/** One process key; figures of all its versions or of the requested one. */
	public record ProcessFigures(String key, String name, int latestVersion, List<Integer> versions, long started,
			long completed, long running, long incidents, CycleTime cycleTime, List<DayThroughput> throughput,
			Double slaCompliance) {
	}

	/**
	 * Cycle time of the instances ended in the period, in seconds: median and p90 from
	 * the merged histogram ({@link DurationHistogram}), average exact; null without data.
	 */
	public record CycleTime(Double median, Double p90, Double average) {
	}

	/** Instances started and ended on one day. */
	public record DayThroughput(LocalDate day, long started, long completed) {
	}

	/** {@code GET /api/kpis/processes/{key}/activities}. */
	public record Activities(String key, int version, String definitionId, List<ActivityFigures> activities) {
	}

	/**
	 * Activity instances ended in the period; averages in seconds, waiting and working
	 * over the completed user tasks (null for other activities).
	 */
	public record ActivityFigures(String activityId, String name, String type, long count, Double averageDuration,
			Double averageWaiting, Double averageWorking) {
	}

	/** {@code GET /api/kpis/tasks}. */
	public record OpenTasks(List<GroupTasks> groups) {
	}

	/** Open user tasks that name the group as candidate; ages in seconds. */
	public record GroupTasks(String group, long open, Double averageAge, Double oldestAge) {
	}

	private final JdbcTemplate jdbc;

	private final RepositoryService repositoryService;

	private final KpiProperties properties;

	private final Clock clock;

	private ProcessSla sla;

	/** Adds SLA compliance to the processes that have an SLA. */
	void setSla(ProcessSla sla) {
		this.sla = sla;
	}

	ProcessKpis(JdbcTemplate jdbc, RepositoryService repositoryService, KpiProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.repositoryService = repositoryService;
		this.properties = properties;
		this.clock = clock;
	}

	/** The period of request parameters, today being today in {@code reflow.kpi.zone}. */
	public KpiPeriod period(LocalDate from, LocalDate to) {
		return KpiPeriod.of(from, to, this.clock, this.properties.zone());
	}

	public Processes processes(KpiPeriod period, Integer version) {
		Map<String, List<ProcessDefinition>> definitions = definitionsByKey();
		String versionFilter = (version != null) ? " and version = ?" : "";
		Object[] args = (version != null)
				? new Object[] { Date.valueOf(period.from()), Date.valueOf(period.to()), version }
				: new Object[] { Date.valueOf(period.from()), Date.valueOf(period.to()) };
		Map<String, Map<LocalDate, long[]>> days = new HashMap<>();
		Map<String, long[]> sums = new HashMap<>();
		this.jdbc.query("select process_key, stat_day, sum(started), sum(completed), sum(duration_sum_ms) "
				+ "from kpi_process_day where stat_day between ? and ?" + versionFilter
				+ " group by process_key, stat_day", (rs) -> {
					String key = rs.getString(1);
					long started = rs.getLong(3);
					long completed = rs.getLong(4);
					days.computeIfAbsent(key, (k) -> new HashMap<>())
						.put(rs.getDate(2).toLocalDate(), new long[] { started, completed });
					long[] sum = sums.computeIfAbsent(key, (k) -> new long[3]);
					sum[0] += started;
					sum[1] += completed;
					sum[2] += rs.getLong(5);
				}, args);
		Map<String, Map<Integer, Long>> buckets = new HashMap<>();
		this.jdbc.query("select process_key, bucket, sum(completed) from kpi_process_day_bucket "
				+ "where stat_day between ? and ?" + versionFilter + " group by process_key, bucket", (rs) -> {
					buckets.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
				}, args);
		Map<String, Long> running = new HashMap<>();
		this.jdbc.query("select process_key, sum(running) from kpi_process_running where 1 = 1" + versionFilter
				+ " group by process_key", (rs) -> {
					running.put(rs.getString(1), rs.getLong(2));
				}, (version != null) ? new Object[] { version } : new Object[0]);
		Map<String, Long> incidents = incidents(version);
		List<ProcessFigures> processes = new ArrayList<>();
		definitions.forEach((key, versions) -> {
			ProcessDefinition latest = versions.get(versions.size() - 1);
			long[] sum = sums.getOrDefault(key, new long[3]);
			Map<LocalDate, long[]> byDay = days.getOrDefault(key, Map.of());
			List<DayThroughput> throughput = new ArrayList<>();
			for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
				long[] figures = byDay.getOrDefault(day, new long[2]);
				throughput.add(new DayThroughput(day, figures[0], figures[1]));
			}
			Map<Integer, Long> histogram = buckets.getOrDefault(key, Map.of());
			CycleTime cycleTime = new CycleTime(DurationHistogram.percentile(histogram, 0.5),
					DurationHistogram.percentile(histogram, 0.9), (sum[1] > 0) ? sum[2] / 1000.0 / sum[1] : null);
			processes.add(new ProcessFigures(key, (latest.getName() != null) ? latest.getName() : key,
					latest.getVersion(), versions.stream().map(ProcessDefinition::getVersion).toList(), sum[0], sum[1],
					running.getOrDefault(key, 0L), incidents.getOrDefault(key, 0L), cycleTime, throughput,
					(this.sla != null) ? this.sla.compliance(key, period) : null));
		});
		return new Processes(period.from(), period.to(), processes);
	}

	/** Every deployed process key with its versions in ascending order, keys sorted. */
	private Map<String, List<ProcessDefinition>> definitionsByKey() {
		return this.repositoryService.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.asc()
			.list()
			.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getKey, TreeMap::new, Collectors.toList()));
	}

	/** Open incidents per process key (runtime table: bounded by open incidents). */
	private Map<String, Long> incidents(Integer version) {
		Map<String, Long> incidents = new HashMap<>();
		this.jdbc.query("select D.KEY_, count(*) from ACT_RU_INCIDENT I join ACT_RE_PROCDEF D on D.ID_ = I.PROC_DEF_ID_"
				+ ((version != null) ? " where D.VERSION_ = ?" : "") + " group by D.KEY_", (rs) -> {
					incidents.put(rs.getString(1), rs.getLong(2));
				}, (version != null) ? new Object[] { version } : new Object[0]);
		return incidents;
	}

	/** The definition of a key's version, the latest if none is given; 404 if unknown. */
	public ProcessDefinition definition(String key, Integer version) {
		var query = this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key);
		ProcessDefinition definition = (version != null) ? query.processDefinitionVersion(version).singleResult()
				: query.latestVersion().singleResult();
		if (definition == null) {
			throw new NotFoundException("No process '" + key + "'" + ((version != null) ? " version " + version : ""));
		}
		return definition;
	}

	/** Per-activity figures of one version (the latest if none is given). */
	public Activities activities(String key, KpiPeriod period, Integer version) {
		ProcessDefinition definition = definition(key, version);
		BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definition.getId());
		Map<String, String> names = new HashMap<>();
		model.getModelElementsByType(FlowElement.class)
			.forEach((element) -> names.put(element.getId(), element.getName()));
		Map<String, long[]> sums = new LinkedHashMap<>();
		Map<String, String> types = new HashMap<>();
		this.jdbc
			.query("select activity_id, min(activity_type), sum(count), sum(duration_sum_ms), sum(waiting_sum_ms), "
					+ "sum(working_sum_ms), sum(user_task_count) from kpi_activity_day "
					+ "where process_key = ? and version = ? and stat_day between ? and ? group by activity_id order by activity_id",
					(rs) -> {
						types.put(rs.getString(1), rs.getString(2));
						sums.put(rs.getString(1), new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5),
								rs.getLong(6), rs.getLong(7) });
					}, key, definition.getVersion(), Date.valueOf(period.from()), Date.valueOf(period.to()));
		List<ActivityFigures> activities = new ArrayList<>();
		sums.forEach((activityId, sum) -> activities
			.add(new ActivityFigures(activityId, names.get(activityId), types.get(activityId), sum[0],
					average(sum[1], sum[0]), average(sum[2], sum[4]), average(sum[3], sum[4]))));
		return new Activities(key, definition.getVersion(), definition.getId(), activities);
	}

	private static Double average(long sumMs, long count) {
		return (count > 0) ? sumMs / 1000.0 / count : null;
	}

	/** The BPMN XML of a version (the latest if none is given). */
	public byte[] diagram(String key, Integer version) {
		try (InputStream xml = this.repositoryService.getProcessModel(definition(key, version).getId())) {
			return xml.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Open user tasks per candidate group (all groups, or the one given), from the
	 * runtime tables; an assigned task still counts for its groups.
	 */
	public OpenTasks tasks(String group) {
		Instant now = this.clock.instant();
		Map<String, List<Instant>> created = new TreeMap<>();
		this.jdbc.query("select distinct L.GROUP_ID_, T.ID_, T.CREATE_TIME_ from ACT_RU_TASK T "
				+ "join ACT_RU_IDENTITYLINK L on L.TASK_ID_ = T.ID_ "
				+ "where L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null"
				+ ((group != null) ? " and L.GROUP_ID_ = ?" : ""), (rs) -> {
					Timestamp time = rs.getTimestamp(3);
					created.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>()).add(time.toInstant());
				}, (group != null) ? new Object[] { group } : new Object[0]);
		List<GroupTasks> groups = new ArrayList<>();
		created.forEach((name, times) -> {
			double averageAge = times.stream()
				.mapToLong((t) -> now.toEpochMilli() - t.toEpochMilli())
				.average()
				.orElse(0) / 1000.0;
			double oldestAge = (now.toEpochMilli()
					- times.stream().min(Comparator.naturalOrder()).orElseThrow().toEpochMilli()) / 1000.0;
			groups.add(new GroupTasks(name, times.size(), averageAge, oldestAge));
		});
		if (group != null && groups.isEmpty()) {
			groups.add(new GroupTasks(group, 0, null, null));
		}
		return new OpenTasks(groups);
	}

	/** Running instances per process key, for the gauges. */
	Map<String, Long> runningByProcess() {
		Map<String, Long> running = new HashMap<>();
		this.jdbc.query("select process_key, sum(running) from kpi_process_running group by process_key", (rs) -> {
			running.put(rs.getString(1), rs.getLong(2));
		});
		return running;
	}

	/** Open tasks per candidate group, for the gauges. */
	Map<String, Long> openByGroup() {
		Map<String, Long> open = new HashMap<>();
		this.jdbc.query("select L.GROUP_ID_, count(distinct T.ID_) from ACT_RU_TASK T "
				+ "join ACT_RU_IDENTITYLINK L on L.TASK_ID_ = T.ID_ where L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null "
				+ "group by L.GROUP_ID_", (rs) -> {
					open.put(rs.getString(1), rs.getLong(2));
				});
		return open;
	}

}
