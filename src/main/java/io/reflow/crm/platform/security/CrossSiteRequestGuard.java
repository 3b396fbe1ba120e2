package io.reflow.crm.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for requests that carry HTTP Basic credentials, which have no CSRF
 * token: browsers resend Basic credentials they have cached, so a forged cross-site form
 * could act with them. A state-changing request is refused when the browser marks it as
 * coming from another site ({@code Sec-Fetch-Site: cross-site|same-site}) or names a
 * foreign {@code Origin}. REST clients such as curl or Camunda Modeler send neither
 * header and are not affected.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && isCrossSite(request)) {
			ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
					"A browser sent this request from another site; log in on this site instead.");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isCrossSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
			return true;
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		try {
			URI uri = URI.create(origin);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
			return !(request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
