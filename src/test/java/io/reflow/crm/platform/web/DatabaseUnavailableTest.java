package io.reflow.crm.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DatabaseUnavailable}, {@link DatabaseUnavailableFilter} and the 503 of
 * {@link ProblemDetailsAdvice}: connection failures are 503 with Retry-After, everything
 * else keeps its answer.
 */
class DatabaseUnavailableTest {

	static final SQLTransientConnectionException HIKARI_TIMEOUT = new SQLTransientConnectionException(
			"HikariPool-1 - Connection is not available, request timed out after 5000ms.");

	@Test
	void shouldRecogniseConnectionFailuresDeepInTheCauseChain() {
		PSQLException refused = new PSQLException("Connection to localhost:5432 refused.",
				PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
		assertThat(DatabaseUnavailable
			.causedBy(new ProcessEngineException("ENGINE-03004 failed", new PersistenceException("x", refused))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("x", HIKARI_TIMEOUT))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new JDBCConnectionException("gone", new SQLException("gone"))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating", "57P01"))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new ServletException(new RuntimeException(HIKARI_TIMEOUT)))).isTrue();
		// the rollback after a lost connection fails on Hikari's closed proxy and
		// overrides
		// the original failure (seen in DatabaseOutageIT)
		assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(new org.hibernate.TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
			.isTrue();
	}

	@Test
	void shouldLeaveOtherFailuresAlone() {
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate",
				new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))))
			.isFalse();
		assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("Cannot find task 42"))).isFalse();
		RuntimeException cyclic = new RuntimeException("a");
		RuntimeException other = new RuntimeException("b", cyclic);
		cyclic.initCause(other);
		assertThat(DatabaseUnavailable.causedBy(cyclic)).isFalse();
	}

	@Test
	void shouldAnswerApiRequestsFailingInTheFilterChainWith503ProblemDetails() throws Exception {
		MockHttpServletResponse response = filter("/api/leads",
				new ProcessEngineException("ENGINE-03004", HIKARI_TIMEOUT));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("\"status\":503", "database cannot be reached")
			.doesNotContain("Hikari");
	}

	@Test
	void shouldAnswerEngineRestWithCamundasFieldsToo() throws Exception {
		MockHttpServletResponse response = filter("/engine-rest/task",
				new ServletException(new CannotCreateTransactionException("x", HIKARI_TIMEOUT)));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("\"type\":\"DatabaseUnavailable\"", "\"message\":");
	}

	@Test
	void shouldPassOtherFailuresOn() {
		assertThatThrownBy(() -> filter("/api/leads", new IllegalStateException("bug")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void shouldAnswer503FromTheApiAdvice() {
		var answer = new ProblemDetailsAdvice()
			.handleUnexpected(new org.springframework.dao.DataAccessResourceFailureException("down"));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(
				new ProblemDetailsAdvice().handleUnexpected(new IllegalStateException("bug")).getStatusCode().value())
			.isEqualTo(500);
	}

	private static MockHttpServletResponse filter(String path, Exception failure) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new DatabaseUnavailableFilter().doFilter(request, response, (req, res) -> {
			if (failure instanceof ServletException servlet) {
				throw servlet;
			}
			throw (RuntimeException) failure;
		});
		return response;
	}

}
