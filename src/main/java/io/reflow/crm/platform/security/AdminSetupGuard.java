package io.reflow.crm.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-77226: Camunda Admin's first-run setup endpoint
 * ({@code /camunda/api/admin/setup/**}) creates an administrator without authentication.
 * It is refused whenever any user exists, which in Reflow CRM is always after start-up
 * (demo users or the initial administrator from the environment).
 */
class AdminSetupGuard extends OncePerRequestFilter {

	private final IdentityService identityService;

	AdminSetupGuard(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.identityService.createUserQuery().count() > 0) {
			ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Setup closed",
					"The first-run setup is closed because users already exist; "
							+ "administrators are created in Camunda Admin.");
			return;
		}
		chain.doFilter(request, response);
	}

}
