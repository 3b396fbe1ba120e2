package io.reflow.crm.platform.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;

/**
 * Redirects after login to the saved page plus the fragment the login page sent in
 * parameter {@code fragment} ({@code static/js/login.js}), such as Tasklist's
 * {@code #/?task=...}. Only a plain path-and-query fragment is taken, so the parameter
 * cannot smuggle script or another site into the redirect.
 */
final class FragmentKeepingRedirectStrategy extends DefaultRedirectStrategy {

	static final Pattern SAFE_FRAGMENT = Pattern.compile("#/[A-Za-z0-9/?=&%._~:+,-]{0,500}");

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		String fragment = request.getParameter("fragment");
		boolean keep = fragment != null && !url.contains("#") && SAFE_FRAGMENT.matcher(fragment).matches();
		super.sendRedirect(request, response, keep ? url + fragment : url);
	}

}
