package io.reflow.crm.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the matrix's requests over real HTTP as a user: HTTP Basic for {@code /api},
 * {@code /engine-rest} and actuator (REST clients), a form-login session for
 * {@code /camunda} (the web applications accept only the Spring Security session), no
 * credentials for {@link AccessMatrix#ANONYMOUS}. Allowed requests carry harmless bodies:
 * an empty JSON object, or for a deployment a plain text file (no definitions).
 */
final class AccessClient {

	static final String PASSWORD = "demo";

	/** Path variables of the {@code /api} mappings, filled with harmless values. */
	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String BOUNDARY = "----reflowAccessMatrix";

	/**
	 * Bodies for engine REST operations that an empty object would refuse before the
	 * engine checks the user's authorizations; allowed, they create harmless things.
	 */
	private static final Map<String, String> BODIES = Map.of("/engine-rest/user/create", """
			{"profile": {"id": "access.probe", "firstName": "Access", "lastName": "Probe"},
			 "credentials": {"password": "probe-1234"}}""", "/engine-rest/authorization/create", """
			{"type": 1, "permissions": ["ACCESS"], "groupId": "access-probe",
			 "resourceType": 0, "resourceId": "access-probe"}""");

	private final String base;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, String> sessions = new HashMap<>();

	AccessClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** The concrete path sent for a mapping pattern. */
	static String concrete(String pattern) {
		Matcher matcher = PATH_VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String value = switch (matcher.group(1)) {
				case "key" -> pattern.contains("/decisions/") ? "discount-approval" : "lead-qualification";
				case "version" -> "1";
				default -> "999999999";
			};
			matcher.appendReplacement(path, value);
		}
		matcher.appendTail(path);
		return path.toString();
	}

	HttpResponse<String> send(String user, String method, String pattern) {
		String path = concrete(pattern);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (method.equals("GET") || method.equals("DELETE")) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else if (path.equals("/engine-rest/deployment/create")) {
			request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.method(method, HttpRequest.BodyPublishers.ofString(deployment(), StandardCharsets.UTF_8));
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(BODIES.getOrDefault(path, "{}")));
		}
		if (!user.equals(AccessMatrix.ANONYMOUS)) {
			if (path.startsWith("/camunda/")) {
				request.header("Cookie", session(user));
			}
			else {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
			}
		}
		return send(request);
	}

	/**
	 * A deployment holding one text file: it passes the deployment checks and defines
	 * nothing; duplicate filtering makes repeats no-ops.
	 */
	private static String deployment() {
		return part("deployment-name", null, "access-matrix") + part("enable-duplicate-filtering", null, "true")
				+ part("deploy-changed-only", null, "true")
				+ part("data", "access-matrix.txt", "Deployed by AccessMatrixIT; defines nothing.") + "--" + BOUNDARY
				+ "--\r\n";
	}

	private static String part(String name, String filename, String value) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ ((filename != null) ? "; filename=\"" + filename + "\"\r\nContent-Type: text/plain" : "") + "\r\n\r\n"
				+ value + "\r\n";
	}

	/** Logs in through the login form once per user; returns the session cookie. */
	private synchronized String session(String user) {
		return this.sessions.computeIfAbsent(user, (name) -> {
			HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(this.base + "/login")).GET());
			Matcher token = CSRF.matcher(page.body());
			if (!token.find()) {
				throw new IllegalStateException("No CSRF token on the login page");
			}
			HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
				.header("Cookie", cookie(page, "JSESSIONID"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + name + "&password=" + PASSWORD + "&_csrf=" + token.group(1))));
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException(
						"Form login of " + name + " failed: " + login.statusCode() + " " + location);
			}
			return cookie(login, "JSESSIONID");
		});
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith(name + "="))
			.map((header) -> header.split(";", 2)[0])
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + name + " cookie in " + response.uri()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
