package io.reflow.crm.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.security.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 503 instead of 500 when the database cannot be reached ({@link DatabaseUnavailable})
 * and the failure escapes everything below: most often the login itself, since HTTP Basic
 * credentials are checked against Camunda's identity service in the database, so during
 * an outage every request fails in Spring Security before a controller is reached. Runs
 * ahead of Spring Security. {@code /api}, {@code /actuator}, engine REST and the webapps'
 * API get problem details with {@code Retry-After} (engine REST and the webapps' API also
 * with Camunda's {@code type} and {@code message} fields); pages get the error page with
 * status 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable, answered 503: {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			response.reset();
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
				ProblemResponses.writeEngineRest(request, response, HttpStatus.SERVICE_UNAVAILABLE,
						"DatabaseUnavailable", DatabaseUnavailable.DETAIL);
			}
			else if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
				ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
						DatabaseUnavailable.DETAIL);
			}
			else {
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
		}
	}

}
