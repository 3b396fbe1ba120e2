package io.reflow.crm.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.web.DatabaseUnavailable;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps Java's exception class names out of engine REST answers. Camunda's REST API
 * answers every exception in its format {@code {"type": <simple class name>, "message":
 * <exception message>}}: right for its own exceptions ({@code AuthorizationException},
 * {@code InvalidRequestException}, ...), which Camunda Modeler and other clients show,
 * but a bug inside Camunda, such as {@code POST /engine-rest/authorization/create}
 * without {@code type}, answered {@code "type": "NullPointerException"} with the JVM's
 * message. Such unexpected exceptions now get a plain 500 in the same format
 * ({@code "type": "ServerError"}) and are logged; Camunda's own exceptions and JAX-RS
 * answers pass through Camunda's handling unchanged.
 */
@Component
class EngineRestUnexpectedErrors implements ResourceConfigCustomizer {

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(Mapper.class);
	}

	/**
	 * More specific than Camunda's {@code ExceptionMapper<Throwable>}, less specific than
	 * its mappers of {@link ProcessEngineException} and {@link RestException}.
	 */
	static class Mapper implements ExceptionMapper<RuntimeException> {

		private static final Logger log = LoggerFactory.getLogger(EngineRestUnexpectedErrors.class);

		private static final ObjectMapper JSON = new ObjectMapper();

		@Override
		public Response toResponse(RuntimeException exception) {
			if (DatabaseUnavailable.causedBy(exception)) {
				// the database went away after the request passed authentication (before,
				// DatabaseUnavailableFilter answers): 503 as everywhere else
				log.warn("Database unavailable for an engine REST request: {}", exception.toString());
				return Response.status(Response.Status.SERVICE_UNAVAILABLE)
					.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
					.type("application/problem+json")
					.entity(unavailable())
					.build();
			}
			if (exception instanceof ProcessEngineException || exception instanceof RestException
					|| exception instanceof WebApplicationException) {
				return ExceptionHandlerHelper.getInstance().getResponse(exception);
			}
			log.error("Unexpected error in the engine REST API", exception);
			ExceptionDto body = new ExceptionDto();
			body.setType("ServerError");
			body.setMessage("Unexpected server error; the server log has the details.");
			return Response.serverError().entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
		}

		private static String unavailable() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "DatabaseUnavailable");
			body.put("title", "Service unavailable");
			body.put("status", 503);
			body.put("detail", DatabaseUnavailable.DETAIL);
			body.put("message", DatabaseUnavailable.DETAIL);
			try {
				return JSON.writeValueAsString(body);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
