package io.reflow.crm.platform.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Writes RFC 9457 problem details from servlet filters, where Spring MVC's exception
 * handling does not reach.
 */
public final class ProblemResponses {

	private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

	private ProblemResponses() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Problem details that Camunda's REST clients understand too: Camunda's error JSON
	 * carries the exception name in {@code type} and the text in {@code message}.
	 */
	public static void writeEngineRest(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String type, String message) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setType(java.net.URI.create(type));
		problem.setTitle(status.getReasonPhrase());
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		problem.setProperty("message", message);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
