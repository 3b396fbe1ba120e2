package io.reflow.crm.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One user store, three ways in.
 * <ol>
 * <li>{@code /engine-rest/**}: stateless HTTP Basic checked against the identity service;
 * Camunda's {@link ProcessEngineAuthenticationFilter} then hands the user and groups to
 * the engine, so Camunda authorizations apply to every REST call (Camunda Modeler deploys
 * this way).</li>
 * <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the browser session of Spring
 * Security; Camunda's {@link ContainerBasedAuthenticationFilter} reads the logged-in user
 * from it, so one login serves our pages and the webapps. The webapps' own login and
 * logout forms are routed through Spring Security too. Camunda's own CSRF filter protects
 * their API.</li>
 * <li>Everything else (our pages, {@code /api/**}, Swagger UI, actuator): form login for
 * browsers, HTTP Basic for clients (no session is created for them); CSRF-protected
 * browser posts.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/*/login/*";

	private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

	@Bean
	AuthenticationManager authenticationManager(IdentityServiceAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
		AuthenticationEntryPoint entryPoint = engineRestUnauthorized();
		return http.securityMatcher(path(null, "/engine-rest/**"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no CSRF token with Basic credentials; cross-site browser requests are
			// refused instead
			.csrf(AbstractHttpConfigurer::disable)
			.addFilterBefore(new CrossSiteRequestGuard(), BasicAuthenticationFilter.class)
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebappSecurity(HttpSecurity http, AuthenticationManager authenticationManager)
			throws Exception {
		UsernamePasswordAuthenticationFilter webappLogin = new UsernamePasswordAuthenticationFilter(
				authenticationManager);
		webappLogin.setRequiresAuthenticationRequestMatcher(path(HttpMethod.POST, WEBAPP_LOGIN));
		// Camunda's own login resource answers the request (it sets up the webapps'
		// session)
		webappLogin.setContinueChainBeforeSuccessfulAuthentication(true);
		webappLogin.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
		webappLogin.setAuthenticationSuccessHandler((request, response, authentication) -> {
		});
		webappLogin.setAuthenticationFailureHandler((request, response, exception) -> ProblemResponses.write(request,
				response, HttpStatus.UNAUTHORIZED, "Login failed", "Wrong user name or password."));
		LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		return http.securityMatcher(path(null, "/camunda/**"))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path(HttpMethod.POST, WEBAPP_LOGIN))
				.permitAll()
				// refused by AdminSetupGuard while any user exists
				.requestMatchers(path(null, "/camunda/api/admin/setup/**"))
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(webappLogin, UsernamePasswordAuthenticationFilter.class)
			.logout((logout) -> logout.logoutRequestMatcher(path(HttpMethod.POST, WEBAPP_LOGOUT))
				.logoutSuccessHandler((request, response, authentication) -> response.setStatus(204)))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(loginPage, path(null, "/camunda/app/**"))
				.defaultAuthenticationEntryPointFor(problemEntryPoint(false), path(null, "/**")))
			// Camunda's CsrfPreventionFilter guards the webapps' API
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain applicationSecurity(HttpSecurity http, ReflowSecurityProperties properties) throws Exception {
		String[] editors = authorities(properties.customerEditorGroups());
		String[] salesUsers = authorities(properties.salesApiGroups());
		RequestMatcher api = new OrRequestMatcher(path(null, "/api/**"), path(null, "/actuator/**"));
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(path(null, "/login"), path(null, "/error"), path(null, "/css/**"),
						path(null, "/js/**"), path(null, "/favicon.ico"), path(null, "/actuator/health/**"),
						path(null, "/actuator/info"))
				.permitAll()
				.requestMatchers(path(HttpMethod.POST, "/api/customers/**"))
				.hasAnyAuthority(editors)
				.requestMatchers(path(HttpMethod.PUT, "/api/customers/**"))
				.hasAnyAuthority(editors)
				.requestMatchers(path(null, "/api/leads/**"), path(null, "/api/opportunities/**"),
						path(null, "/api/forecast/**"))
				.hasAnyAuthority(salesUsers)
				.requestMatchers(path(null, "/api/cases/**"))
				.hasAnyAuthority(authorities(properties.supportApiGroups()))
				.requestMatchers(path(null, "/api/campaigns/**"))
				.hasAnyAuthority(authorities(properties.marketingApiGroups()))
				.requestMatchers(path(null, "/models/**"), path(null, "/api/models/**"),
						path(null, "/api/decisions/**"), path(null, "/api/processes/**"))
				.hasAnyAuthority(authorities(properties.analystToolGroups()))
				.requestMatchers(path(null, "/lab/**"), path(null, "/api/lab/**"))
				.hasAnyAuthority(authorities(properties.labGroups()))
				.requestMatchers(path(null, "/dashboard/**"), path(null, "/api/kpis/**"))
				.hasAnyAuthority(authorities(properties.dashboardGroups()))
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").successHandler(loginSuccess()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problemEntryPoint(true)))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(
					(exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problemEntryPoint(true), api)
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
								path(null, "/**"))
						.defaultAccessDeniedHandlerFor(problemAccessDenied(), api))
			// REST clients send Basic credentials on every request and hold no session,
			// so
			// they carry no CSRF token; CrossSiteRequestGuard refuses such requests when
			// a
			// browser sends them from another site (browsers resend cached credentials)
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(
					(request) -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) && !hasBasicCredentials(request)))
			.addFilterBefore(new CrossSiteRequestGuard(), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * After login, back to the page that asked for it (or home), with the address
	 * fragment the login page passed on, so Tasklist task links survive the login.
	 */
	private static SavedRequestAwareAuthenticationSuccessHandler loginSuccess() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl("/");
		handler.setRedirectStrategy(new FragmentKeepingRedirectStrategy());
		return handler;
	}

	private static String[] authorities(java.util.Collection<String> groups) {
		return groups.stream()
			.map((group) -> IdentityServiceAuthenticationProvider.GROUP_PREFIX + group)
			.toArray(String[]::new);
	}

	/**
	 * Matches the path below the context path, whichever servlet (MVC, Jersey, Camunda)
	 * serves it.
	 */
	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6)
				&& request.getRequestedSessionId() == null;
	}

	private static AuthenticationEntryPoint problemEntryPoint(boolean challenge) {
		return (request, response, exception) -> {
			if (challenge) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"Reflow CRM\"");
			}
			writeUnauthorized(request, response);
		};
	}

	/**
	 * 401 for engine REST written directly (no error-page dispatch, which would try to
	 * read a multipart deployment body again), with a Basic challenge and the
	 * {@code message} field that Camunda Modeler and other Camunda REST clients display.
	 */
	private static AuthenticationEntryPoint engineRestUnauthorized() {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Reflow CRM engine REST\"");
			ProblemResponses.writeEngineRest(request, response, HttpStatus.UNAUTHORIZED, "AuthenticationException",
					"Wrong or missing credentials: send HTTP Basic credentials of a Reflow CRM user. "
							+ "After several wrong passwords the user is locked for a few seconds.");
		};
	}

	private static void writeUnauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
				"Log in, or send HTTP Basic credentials of a Reflow CRM user.");
	}

	/**
	 * 403 for a user whose groups do not allow the request; a request refused for a
	 * missing CSRF token without any login (an anonymous POST, which the CSRF filter sees
	 * before authentication) is 401, and a logged-in browser without a token is told so.
	 */
	private static AccessDeniedHandler problemAccessDenied() {
		return (request, response, exception) -> {
			if (exception instanceof CsrfException) {
				if (request.getUserPrincipal() == null && request.getRequestedSessionId() == null) {
					response.setHeader("WWW-Authenticate", "Basic realm=\"Reflow CRM\"");
					writeUnauthorized(request, response);
					return;
				}
				ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
						"Missing or expired CSRF token: reload the page, or send HTTP Basic credentials.");
				return;
			}
			ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
					"Your groups do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
		};
	}

	/**
	 * Hands the user authenticated by Spring Security to the engine for every engine REST
	 * call.
	 */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				ContainerBasedAuthenticationProvider.class.getName());
		registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
		registration.setOrder(10);
		return registration;
	}

	/**
	 * Lets Tasklist, Cockpit and Admin take the user from the Spring Security session.
	 */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.addUrlPatterns("/camunda/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				ContainerBasedAuthenticationProvider.class.getName());
		registration.setOrder(10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
		FilterRegistrationBean<TaskQueryExpressionGuard> registration = new FilterRegistrationBean<>(
				new TaskQueryExpressionGuard());
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(IdentityService identityService) {
		FilterRegistrationBean<AdminSetupGuard> registration = new FilterRegistrationBean<>(
				new AdminSetupGuard(identityService));
		registration.addUrlPatterns("/camunda/api/admin/setup/*");
		registration.setOrder(20);
		return registration;
	}

}
