package io.reflow.crm.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises the start-up work of the nodes that share one PostgreSQL database: two nodes
 * starting at the same moment on an empty database would otherwise both create Camunda's
 * tables (the second fails with {@code duplicate key value violates unique constraint
 * "pg_type_typname_nsp_index"} and does not start) and both seed users, grants and
 * filters. A PostgreSQL session-level advisory lock ({@code pg_advisory_lock}) on a
 * connection of its own is held while the work runs; the other node waits and then finds
 * the work done. Flyway's own lock covers its migrations but not the creation of its
 * history table: a second node that finds the table created and still empty fails with
 * {@code Unable to baseline schema history table ... as it already exists, and is empty}
 * (seen in TwoNodeClusterIT), so Flyway runs under {@link #FLYWAY}. On other databases
 * (H2, one process) the work just runs.
 */
public final class ClusterStartupLock {

	private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

	/** Flyway's migration of our own tables, including its history table's creation. */
	public static final long FLYWAY = 0x5245464c4f5700L;

	/** Camunda's schema creation and update, history level set-up and bootstrap. */
	public static final long ENGINE_SCHEMA = 0x5245464c4f5701L;

	/** Model deployment, demo users, first administrator, grants and filters. */
	public static final long PLATFORM_STARTUP = 0x5245464c4f5702L;

	private final DataSource dataSource;

	public ClusterStartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs the work while holding the lock {@code key}; waits for another node's. */
	public <T> T holding(long key, Supplier<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return work.get();
			}
			execute(connection, "select pg_advisory_lock(" + key + ")");
			try {
				return work.get();
			}
			finally {
				try {
					execute(connection, "select pg_advisory_unlock(" + key + ")");
				}
				catch (SQLException ex) {
					// the lock ends with the session at the latest
					log.warn("Could not release start-up lock {}: {}", key, ex.getMessage());
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the start-up lock " + key, ex);
		}
	}

	/** Runs the work while holding the lock {@code key}. */
	public void holding(long key, Runnable work) {
		holding(key, () -> {
			work.run();
			return null;
		});
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Wraps the engine's schema-operations executor (schema create/update, history level,
	 * bootstrap) in {@link #ENGINE_SCHEMA}.
	 */
	public static class EnginePlugin extends AbstractProcessEnginePlugin {

		@Override
		public void postInit(ProcessEngineConfigurationImpl configuration) {
			CommandExecutor schemaOperations = configuration.getCommandExecutorSchemaOperations();
			ClusterStartupLock lock = new ClusterStartupLock(configuration.getDataSource());
			configuration.setCommandExecutorSchemaOperations(new CommandExecutor() {
				@Override
				public <T> T execute(Command<T> command) {
					return lock.holding(ENGINE_SCHEMA, () -> schemaOperations.execute(command));
				}
			});
		}

	}

}
