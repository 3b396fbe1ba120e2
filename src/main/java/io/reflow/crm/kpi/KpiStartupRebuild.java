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

	@Override
	public void run(ApplicationArguments args) {
		boolean projected = Boolean.TRUE
			.equals(this.jdbc.queryForObject("select count(*) > 0 from kpi_process_day", Boolean.class));
		boolean history = Boolean.TRUE
			.equals(this.jdbc.queryForObject("select count(*) > 0 from ACT_HI_PROCINST", Boolean.class));
		if (!projected && history) {
			KpiProjections.Rebuilt rebuilt = this.projections.rebuild();
			logger.info("Rebuilt the KPI projections from history: {} process instances, {} activities, {} user tasks",
					rebuilt.processInstances(), rebuilt.activityInstances(), rebuilt.userTasks());
		}
	}

}
