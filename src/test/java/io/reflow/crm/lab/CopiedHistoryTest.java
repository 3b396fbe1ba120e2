package io.reflow.crm.lab;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reflow.crm.lab.simulation.SimulationEngine;
import io.reflow.crm.lab.simulation.Simulator;
import io.reflow.crm.sales.DemoLeadHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a simulation keeps when its history is to be copied
 * ({@link SimulationEngine.History#COPYABLE}, the demo's generator and the validation):
 * every row of the five tables {@code HistoryCopy} copies and the calibration reads, with
 * UUIDs for ids, and nothing of the tables level FULL would fill besides.
 */
class CopiedHistoryTest {

	@Test
	void shouldKeepTheCopiedTablesWithUuidsAndNoDecisionOrDetailRows() throws Exception {
		Map<String, Long> rows = new LinkedHashMap<>();
		List<String> ids = new ArrayList<>();
		Simulator.run("lead-qualification", CalibrationValidationTest.asIs(),
				DemoLeadHistory.scenario(2, CalibrationValidationTest.START, 3), CalibrationValidationTest.EFFECTS,
				null, (engine) -> {
					try (Connection connection = engine.dataSource().getConnection();
							Statement statement = connection.createStatement()) {
						for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
								"ACT_HI_IDENTITYLINK", "ACT_HI_VARINST", "ACT_HI_DECINST", "ACT_HI_DEC_IN",
								"ACT_HI_DETAIL", "ACT_HI_JOB_LOG")) {
							try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
								result.next();
								rows.put(table, result.getLong(1));
							}
						}
						try (ResultSet result = statement.executeQuery("select ID_ from ACT_HI_TASKINST")) {
							while (result.next()) {
								ids.add(result.getString(1));
							}
						}
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});

		System.out.println("History rows of a copyable simulation: " + rows);
		assertThat(rows).allSatisfy((table, count) -> {
			if (List.of("ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG").contains(table)) {
				assertThat(count).as(table).isZero();
			}
			else {
				assertThat(count).as(table).isPositive();
			}
		});
		// the assignments of the tasks, which waiting and working time are split by
		assertThat(rows.get("ACT_HI_IDENTITYLINK")).isGreaterThanOrEqualTo(rows.get("ACT_HI_TASKINST"));
		assertThat(ids).isNotEmpty()
			.allSatisfy((id) -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
	}

}
