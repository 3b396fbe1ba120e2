package io.reflow.crm.platform.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-109432 (code execution through expressions in task queries) on the
 * engine REST API and on the REST API the Camunda webapps use.
 * <ul>
 * <li>Ad-hoc task queries ({@code /task}, {@code /task/count} and the extending query of
 * {@code /filter/{id}/list|count|singleResult}) are refused with 400 when any parameter
 * or JSON property whose name ends in {@code Expression} appears at any depth, including
 * inside {@code orQueries}, which stock 7.24.0 does not check.</li>
 * <li>Stored task filters ({@code POST /filter/create}, {@code PUT /filter/{id}}) may
 * only use the expressions Tasklist's own filters use: {@code currentUser()},
 * {@code currentUserGroups()}, {@code now()} and {@code dateTime()} arithmetic ending in
 * {@code toDate()}.</li>
 * </ul>
 * Malformed JSON on these endpoints is refused here too, so that no other parser sees a
 * body this guard could not read.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {

	private static final int MAX_BODY_BYTES = 1024 * 1024;

	/**
	 * Engine REST prefixes: {@code /engine-rest}, {@code /engine-rest/engine/x} or the
	 * webapps' API.
	 */
	private static final Pattern ENGINE_API = Pattern
		.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");

	private static final Pattern ADHOC_TASK_QUERY = Pattern
		.compile("^/(?:task(?:/count)?|filter/[^/]+/(?:list|count|singleResult))/?$");

	private static final Pattern STORED_FILTER = Pattern.compile("^/filter/(?:create|[^/]+)/?$");

	private static final Pattern SAFE_EXPRESSION = Pattern.compile("^\\$\\{\\s*(?:currentUser\\(\\s*\\)"
			+ "|currentUserGroups\\(\\s*\\)|now\\(\\s*\\)"
			+ "|dateTime\\(\\s*\\)(?:\\s*\\.\\s*(?:plus|minus|with)[A-Za-z]+\\(\\s*-?\\d+\\s*\\))*\\s*\\.\\s*toDate\\(\\s*\\))"
			+ "\\s*\\}$");

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher api = ENGINE_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!api.matches()) {
			chain.doFilter(request, response);
			return;
		}
		String path = api.group(1);
		String method = request.getMethod();
		boolean adhoc = ADHOC_TASK_QUERY.matcher(path).matches();
		boolean storedFilter = !adhoc && STORED_FILTER.matcher(path).matches()
				&& ("POST".equals(method) || "PUT".equals(method));
		if (!adhoc && !storedFilter) {
			chain.doFilter(request, response);
			return;
		}
		for (String parameter : request.getParameterMap().keySet()) {
			if (isExpressionName(parameter)) {
				refuse(request, response, ADHOC_REFUSAL.formatted(parameter));
				return;
			}
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Query too large",
					"A task query body may not exceed " + MAX_BODY_BYTES + " bytes.");
			return;
		}
		if (body.length > 0) {
			JsonNode root;
			try {
				root = this.json.readTree(body);
			}
			catch (JacksonException ex) {
				refuse(request, response, "The request body is not valid JSON: " + ex.getOriginalMessage());
				return;
			}
			Optional<String> violation = adhoc ? findExpression(root) : findUnsafeExpression(root.path("query"));
			if (violation.isPresent()) {
				refuse(request, response, violation.get());
				return;
			}
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static boolean isExpressionName(String name) {
		return name.toLowerCase(java.util.Locale.ROOT).endsWith("expression");
	}

	private static final String ADHOC_REFUSAL = "Expressions are not allowed in task queries ('%s'); "
			+ "use a stored filter with currentUser(), currentUserGroups(), now() or dateTime().";

	private static final String STORED_REFUSAL = "Filter expression '%s' is not allowed: only ${currentUser()}, "
			+ "${currentUserGroups()}, ${now()} and ${dateTime()...toDate()} may be used.";

	private static Optional<String> findExpression(JsonNode root) {
		return findExpression(root, "", (value) -> false, ADHOC_REFUSAL);
	}

	private static Optional<String> findUnsafeExpression(JsonNode query) {
		return findExpression(query, "query", (value) -> value.isNull() || isSafe(value), STORED_REFUSAL);
	}

	/**
	 * Walks the JSON tree and reports the first property named {@code *Expression} whose
	 * value is not allowed, as a message naming its path.
	 */
	private static Optional<String> findExpression(JsonNode node, String path,
			java.util.function.Predicate<JsonNode> allowed, String refusal) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				if (isExpressionName(field.getKey()) && !allowed.test(field.getValue())) {
					return Optional.of(refusal.formatted(fieldPath));
				}
				Optional<String> nested = findExpression(field.getValue(), fieldPath, allowed, refusal);
				if (nested.isPresent()) {
					return nested;
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				Optional<String> nested = findExpression(node.get(i), path + "[" + i + "]", allowed, refusal);
				if (nested.isPresent()) {
					return nested;
				}
			}
		}
		return Optional.empty();
	}

	private static boolean isSafe(JsonNode value) {
		return value.isTextual() && SAFE_EXPRESSION.matcher(value.asText().trim()).matches();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "Expression not allowed", detail);
	}

	/** Replays a body this filter has already read. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Asynchronous reads are not supported");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding != null ? java.nio.charset.Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
