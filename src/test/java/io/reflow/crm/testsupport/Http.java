package io.reflow.crm.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A small real-HTTP client for integration tests: requests go over the socket to the
 * running application, with or without Basic credentials and session cookies.
 */
public final class Http {

	private final String base;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public Http(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A request being built. */
	public final class Call {

		private final HttpRequest.Builder builder;

		private final List<String> cookies = new ArrayList<>();

		Call(String path) {
			this.builder = HttpRequest.newBuilder(URI.create(Http.this.base + path));
		}

		public Call basic(String user, String password) {
			this.builder.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
			return this;
		}

		public Call header(String name, String value) {
			this.builder.header(name, value);
			return this;
		}

		public Call cookie(String cookie) {
			this.cookies.add(cookie);
			return this;
		}

		public HttpResponse<String> get() {
			return send(this.builder.GET());
		}

		public HttpResponse<String> postJson(String json) {
			return send(this.builder.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
		}

		public HttpResponse<String> putJson(String json) {
			return send(this.builder.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json)));
		}

		public HttpResponse<String> postForm(String form) {
			return send(this.builder.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		public HttpResponse<String> post(String contentType, byte[] body) {
			return send(this.builder.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		}

		/** A GET whose body is binary, such as a PDF. */
		public HttpResponse<byte[]> getBytes() {
			return send(this.builder.GET(), HttpResponse.BodyHandlers.ofByteArray());
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			return send(request, HttpResponse.BodyHandlers.ofString());
		}

		private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", this.cookies));
			}
			try {
				return Http.this.client.send(request.build(), body);
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

	public Call to(String path) {
		return new Call(path);
	}

	/**
	 * The {@code name=value} part of a Set-Cookie header, if the response sets that
	 * cookie.
	 */
	public static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith(name + "="))
			.map((header) -> header.substring(0, header.indexOf(';') > 0 ? header.indexOf(';') : header.length()))
			.findFirst()
			.orElse(null);
	}

}
