package io.reflow.crm.lab.simulation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Copies the history of a simulation run into another engine's tables (same Camunda
 * version, so the same columns): the finished process instances with their activity
 * instances, user tasks, task identity links (candidate groups, assignments) and simple
 * variables. The process definition ids are rewritten to the target's definitions of the
 * same model; ids are the run's UUIDs ({@link SimulationEngine} with unique ids), so they
 * cannot collide. Decision instances, job logs and details are not copied. Runs in one
 * transaction of the target: all or nothing.
 */
public final class HistoryCopy {

	/** The tables copied and the column that ties a row to its process instance. */
	private static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
			"ACT_HI_IDENTITYLINK", "ACT_HI_VARINST");

	private static final int BATCH = 500;

	private HistoryCopy() {
	}

	/**
	 * @param definitions the simulation's process definition ids to the target's
	 * @param until only instances ended before this instant are copied
	 * @return the process instances copied
	 */
	public static int copy(DataSource simulation, DataSource target, Map<String, String> definitions, Instant until) {
		try (Connection from = simulation.getConnection(); Connection to = target.getConnection()) {
			boolean autoCommit = to.getAutoCommit();
			to.setAutoCommit(false);
			try {
				int instances = 0;
				for (String table : TABLES) {
					int rows = copyTable(from, to, table, definitions, Timestamp.from(until));
					if (table.equals("ACT_HI_PROCINST")) {
						instances = rows;
					}
				}
				to.commit();
				return instances;
			}
			catch (SQLException | RuntimeException ex) {
				to.rollback();
				throw ex;
			}
			finally {
				to.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot copy the simulated history: " + ex.getMessage(), ex);
		}
	}

	private static int copyTable(Connection from, Connection to, String table, Map<String, String> definitions,
			Timestamp until) throws SQLException {
		String finished = "select P.ID_ from ACT_HI_PROCINST P where P.END_TIME_ is not null and P.END_TIME_ < ?";
		String where = switch (table) {
			case "ACT_HI_PROCINST" -> "T.ID_ in (" + finished + ")";
			case "ACT_HI_VARINST" -> "T.PROC_INST_ID_ in (" + finished + ") and T.BYTEARRAY_ID_ is null";
			case "ACT_HI_IDENTITYLINK" -> "T.ROOT_PROC_INST_ID_ in (" + finished + ")";
			default -> "T.PROC_INST_ID_ in (" + finished + ")";
		};
		int copied = 0;
		try (PreparedStatement select = from.prepareStatement("select T.* from " + table + " T where " + where)) {
			select.setTimestamp(1, until);
			try (ResultSet rows = select.executeQuery()) {
				ResultSetMetaData meta = rows.getMetaData();
				List<String> columns = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					columns.add(meta.getColumnName(i).toUpperCase(java.util.Locale.ROOT));
				}
				int definitionColumn = columns.indexOf("PROC_DEF_ID_") + 1;
				String insert = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
						+ String.join(", ", columns.stream().map((c) -> "?").toList()) + ")";
				try (PreparedStatement statement = to.prepareStatement(insert)) {
					int pending = 0;
					while (rows.next()) {
						for (int i = 1; i <= columns.size(); i++) {
							Object value = rows.getObject(i);
							if (i == definitionColumn && value != null) {
								String mapped = definitions.get(value.toString());
								if (mapped == null) {
									throw new IllegalStateException("No target definition for " + value);
								}
								value = mapped;
							}
							if (value instanceof java.sql.Clob clob) {
								value = clob.getSubString(1, (int) clob.length());
							}
							statement.setObject(i, value);
						}
						statement.addBatch();
						copied++;
						if (++pending == BATCH) {
							statement.executeBatch();
							pending = 0;
						}
					}
					if (pending > 0) {
						statement.executeBatch();
					}
				}
			}
		}
		return copied;
	}

}
