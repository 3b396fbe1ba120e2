package io.reflow.crm.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, the
 * connection pool timing out) from any other failure, by walking the cause chain:
 * Spring's {@link CannotCreateTransactionException} and
 * {@link DataAccessResourceFailureException}, Hibernate's
 * {@code JDBCConnectionException}, JDBC's connection exceptions (Hikari's pool timeout is
 * a {@link SQLTransientConnectionException}), SQL states of class {@code 08} (connection
 * exception) and {@code 57P01}-{@code 57P03} (server shut down or starting up), and a
 * refused socket. Camunda wraps all of these in a {@code ProcessEngineException}, which
 * is why only the causes are looked at. Such requests are answered 503 with
 * {@code Retry-After}: the client may try again, nothing was changed.
 */
public final class DatabaseUnavailable {

	/** Seconds a client should wait before it tries again. */
	public static final String RETRY_AFTER_SECONDS = "5";

	/** The problem's detail text. */
	public static final String DETAIL = "The database cannot be reached at the moment; nothing of this request was "
			+ "saved. Try again in a few seconds.";

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure} or one of its causes says the database is unreachable. */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	public static boolean causedBy(Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable cause = failure; cause != null
				&& seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
			if (isConnectionFailure(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionFailure(Throwable cause) {
		if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
				|| cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
				|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() == null
				&& HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
			// a pooled connection the pool already knew to be broken: Hikari throws this
			// without an SQL state (seen when the rollback after a lost connection fails,
			// which then overrides the original failure)
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
		}
		return false;
	}

}
