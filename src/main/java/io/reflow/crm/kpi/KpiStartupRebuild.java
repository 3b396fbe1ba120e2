package io.reflow.crm.kpi;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On start-up, before the demo data: a database whose engine has history but whose KPI
 * projections are empty (it existed before them) gets them rebuilt once from history, so
 * the dashboard is never empty for data that is there. A database with projections is
 * left alone; later rebuilds are {@code POST /api/kpis/rebuild}.
 */
@Component
@Order(50)
class KpiStartupRebuild implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(KpiStartupRebuild.class);

	private final KpiProjections projections;

	private final JdbcTemplate jdbc;

	KpiStartupRebuild(KpiProjections projections, DataSource dataSource) {
		this.projections = projections;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Whether the table has a row, reading one row at most (history may be large). */
	private boolean any(String table) {
		return !this.jdbc.queryForList("select 1 from " + table + " fetch first 1 rows only").isEmpty();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!any("kpi_process_day") && any("ACT_HI_PROCINST")) {
			KpiProjections.Rebuilt rebuilt = this.projections.rebuild();
			logger.info("Rebuilt the KPI projections from history: {} process instances, {} activities, {} user tasks",
					rebuilt.processInstances(), rebuilt.activityInstances(), rebuilt.userTasks());
		}
	}

}
