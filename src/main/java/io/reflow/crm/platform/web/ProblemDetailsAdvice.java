package io.reflow.crm.platform.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every client error of our {@code /api} becomes RFC 9457 problem details that name the
 * bad field ({@code errors: [{field, message}]}); unexpected failures become a plain 500
 * without internals, an unreachable database ({@link DatabaseUnavailable}) a 503.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	record FieldProblem(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), message(error)))
			.sorted(java.util.Comparator.comparing(FieldProblem::field))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	private static String message(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		for (Throwable reason = ex; reason != null; reason = reason.getCause()) {
			if (reason instanceof JsonBodyLimit.TooLarge tooLarge) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
						tooLarge.getMessage());
				problem.setTitle(JsonBodyLimit.TITLE);
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
			}
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping);
			String message;
			if (cause instanceof InvalidFormatException format && format.getTargetType() != null
					&& format.getTargetType().isEnum()) {
				message = "must be one of " + java.util.Arrays.stream(format.getTargetType().getEnumConstants())
					.map(Object::toString)
					.collect(Collectors.joining(", "));
			}
			else if (cause instanceof InvalidFormatException format && String.class.equals(format.getTargetType())) {
				message = NulCharacterGuard.MESSAGE;
			}
			else if (cause instanceof UnrecognizedPropertyException) {
				message = "is not a known field";
			}
			else {
				message = "has the wrong type";
			}
			return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, message))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON.");
		problem.setTitle("Malformed request");
		return ResponseEntity.badRequest().body(problem);
	}

	private static String path(JsonMappingException mapping) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : mapping.getPath()) {
			if (reference.getFieldName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String message = (type != null && type.isEnum())
				? "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
					.map(Object::toString)
					.collect(Collectors.joining(", "))
				: "has the wrong type";
		return invalid(List.of(new FieldProblem(ex.getName(), message)));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail handleConstraintViolation(ConstraintViolationException ex) {
		return invalid(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(leaf(violation.getPropertyPath().toString()), violation.getMessage()))
			.sorted(java.util.Comparator.comparing(FieldProblem::field))
			.toList());
	}

	private static String leaf(String path) {
		int dot = path.indexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	@ExceptionHandler(PropertyReferenceException.class)
	ProblemDetail handleUnknownSort(PropertyReferenceException ex) {
		return invalid(List.of(new FieldProblem("sort", "unknown property '" + ex.getPropertyName() + "'")));
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail handleInvalidField(InvalidFieldException ex) {
		return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail handleNotFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail handleConflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"'" + ex.field() + "': " + ex.getMessage());
		problem.setTitle("Conflict");
		problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail handleStale(OptimisticLockingFailureException ex) {
		return handleConflict(new ConflictException("version",
				"The record was changed by someone else; reload it and apply your change again."));
	}

	@ExceptionHandler({ org.camunda.bpm.engine.OptimisticLockingException.class,
			org.camunda.bpm.engine.MismatchingMessageCorrelationException.class })
	ProblemDetail handleProcessRace(org.camunda.bpm.engine.ProcessEngineException ex) {
		log.info("Concurrent process change answered with 409: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The process moved on while this request was handled (another request changed it first); "
						+ "reload and check whether your change is still needed.");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail handleIntegrity(DataIntegrityViolationException ex) {
		log.info("Integrity violation answered with 409: {}", ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with stored data (a duplicate or a missing reference).");
		problem.setTitle("Conflict");
		return problem;
	}

	/**
	 * Anything unexpected is 500, except the database being unreachable (an outage, a
	 * restart, the pool timing out): 503 with {@code Retry-After}, nothing was saved.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (DatabaseUnavailable.causedBy(ex)) {
			log.warn("Database unavailable, answered 503: {}", ex.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					DatabaseUnavailable.DETAIL);
			problem.setTitle("Service unavailable");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
				.body(problem);
		}
		log.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; it has been logged.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static ProblemDetail invalid(List<FieldProblem> errors) {
		String detail = errors.stream()
			.map((error) -> "'" + error.field() + "' " + error.message())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", errors));
		return problem;
	}

}
