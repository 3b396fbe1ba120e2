package io.reflow.crm.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Raw HTTP for hostile requests: any method, any content type, any bytes, as a demo user
 * (HTTP Basic). Every request has a deadline so a hanging answer fails the test instead
 * of blocking the build.
 */
final class HostileClient {

	static final String PASSWORD = "demo";

	private final String base;

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	HostileClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** An answer: status, content type (may be empty) and body text. */
	record Answer(int status, String contentType, String body) {

		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + abbreviate(this.body, 400);
		}

	}

	Answer send(String method, String pathAndQuery, String user, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "*/*")
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + abbreviate(pathAndQuery, 200) + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Answer get(String pathAndQuery, String user) {
		return send("GET", pathAndQuery, user, null, null);
	}

	static String abbreviate(String text, int max) {
		if (text == null) {
			return "null";
		}
		return (text.length() <= max) ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
	}

}
