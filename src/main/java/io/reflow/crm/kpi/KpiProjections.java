package io.reflow.crm.kpi;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-off rebuild of the KPI projections from the engine's history
 * ({@code ACT_HI_PROCINST}, {@code ACT_HI_ACTINST}, {@code ACT_HI_TASKINST} with the
 * first assignment from {@code ACT_HI_IDENTITYLINK}), for data that existed before the
 * projections or after changing {@code reflow.kpi.zone}. It streams the history through
 * the same {@link KpiDelta} arithmetic as the live handler, so both give the same figures
 * for the history that still exists (history cleanup removes old instances). It replaces
 * the tables in one transaction; run it while the engine is quiet, as instances ending
 * during the rebuild may be counted twice or not at all.
 */
public class KpiProjections {

	/** What the rebuild read. */
	public record Rebuilt(long processInstances, long activityInstances, long userTasks) {
	}

	private final KpiStore store;

	private final KpiProperties properties;

	KpiProjections(KpiStore store, KpiProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Transactional
	public Rebuilt rebuild() {
		KpiDelta delta = new KpiDelta(this.properties.zone());
		JdbcTemplate jdbc = new JdbcTemplate(this.store.jdbc().getDataSource());
		jdbc.setFetchSize(1000);
		long[] counts = new long[3];
		jdbc.query("select P.PROC_DEF_KEY_, D.VERSION_, P.START_TIME_, P.END_TIME_, P.DURATION_ "
				+ "from ACT_HI_PROCINST P join ACT_RE_PROCDEF D on D.ID_ = P.PROC_DEF_ID_", (rs) -> {
					counts[0]++;
					String key = rs.getString(1);
					int version = rs.getInt(2);
					delta.processStarted(key, version, rs.getTimestamp(3).toInstant());
					Timestamp end = rs.getTimestamp(4);
					if (end != null) {
						delta.processEnded(key, version, end.toInstant(), rs.getLong(5));
					}
				});
		jdbc.query("select A.PROC_DEF_KEY_, D.VERSION_, A.ACT_ID_, A.ACT_TYPE_, A.END_TIME_, A.DURATION_ "
				+ "from ACT_HI_ACTINST A join ACT_RE_PROCDEF D on D.ID_ = A.PROC_DEF_ID_ where A.END_TIME_ is not null",
				(rs) -> {
					counts[1]++;
					delta.activityEnded(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getTimestamp(5).toInstant(), rs.getLong(6));
				});
		jdbc.query("select T.PROC_DEF_KEY_, D.VERSION_, T.TASK_DEF_KEY_, T.START_TIME_, T.END_TIME_, "
				+ TaskTimes.FIRST_ASSIGNMENT
				+ " from ACT_HI_TASKINST T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ "
				+ "where T.END_TIME_ is not null and T.DELETE_REASON_ = 'completed' and T.TASK_DEF_KEY_ is not null",
				(rs) -> {
					counts[2]++;
					Timestamp assigned = rs.getTimestamp(6);
					delta.taskCompleted(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
							rs.getTimestamp(5).toInstant(), (assigned != null) ? assigned.toInstant() : null);
				});
		this.store.clear();
		this.store.apply(delta);
		return new Rebuilt(counts[0], counts[1], counts[2]);
	}

}
