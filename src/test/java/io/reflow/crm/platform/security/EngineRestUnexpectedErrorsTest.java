package io.reflow.crm.platform.security;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineRestUnexpectedErrorsTest {

	private final EngineRestUnexpectedErrors.Mapper mapper = new EngineRestUnexpectedErrors.Mapper();

	@Test
	void shouldAnswerUnexpectedExceptionsWithoutTheirClassNameOrMessage() {
		Response response = this.mapper
			.toResponse(new NullPointerException("Cannot invoke \"java.lang.Integer.intValue()\""));
		assertThat(response.getStatus()).isEqualTo(500);
		ExceptionDto body = (ExceptionDto) response.getEntity();
		assertThat(body.getType()).isEqualTo("ServerError");
		assertThat(body.getMessage()).doesNotContain("NullPointer").doesNotContain("java.lang");
	}

	@Test
	void shouldAnswer503WhenTheDatabaseWentAwayDuringTheRequest() {
		Response response = this.mapper.toResponse(new org.springframework.orm.jpa.JpaSystemException(
				new RuntimeException("Unable to rollback", new java.sql.SQLException("Connection is closed"))));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
		assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
		assertThat((String) response.getEntity()).contains("\"type\":\"DatabaseUnavailable\"", "\"status\":503")
			.doesNotContain("JpaSystemException");
	}

	@Test
	void shouldLeaveCamundasOwnExceptionsToCamunda() {
		Response refused = this.mapper.toResponse(new AuthorizationException("li.wei", "CREATE", "Deployment", null));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(((ExceptionDto) refused.getEntity()).getType()).isEqualTo("AuthorizationException");
		Response invalid = this.mapper.toResponse(
				new InvalidRequestException(Response.Status.BAD_REQUEST, "request object must provide profile"));
		assertThat(invalid.getStatus()).isEqualTo(400);
		assertThat(((ExceptionDto) invalid.getEntity()).getMessage()).contains("profile");
	}

	@Test
	void shouldLeaveJaxRsAnswersToCamunda() {
		NotFoundException notFound = new NotFoundException();
		Response response = this.mapper.toResponse(notFound);
		assertThat(response.getStatus())
			.isEqualTo(ExceptionHandlerHelper.getInstance().getResponse(notFound).getStatus());
		assertThat(((ExceptionDto) response.getEntity()).getType()).isNotEqualTo("ServerError");
	}

}
