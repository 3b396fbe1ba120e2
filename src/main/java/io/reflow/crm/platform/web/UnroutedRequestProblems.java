package io.reflow.crm.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for {@code /api} requests that fail before any of our controllers is
 * chosen, where {@link ProblemDetailsAdvice} (scoped to our REST controllers) does not
 * reach: a method no endpoint accepts, an upload over the size limit, a path nothing
 * serves. Other paths (pages, Camunda's webapps) keep their own error handling: the
 * exception is passed on unchanged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnroutedRequestProblems {

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			MaxUploadSizeExceededException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> unrouted(Exception ex, HttpServletRequest request) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/")) {
			throw ex;
		}
		ProblemDetail problem;
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
					request.getMethod() + " is not supported on " + path + "; supported: "
							+ ((method.getSupportedHttpMethods() != null) ? method.getSupportedHttpMethods() : "none")
							+ ".");
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException media) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content type " + media.getContentType() + " is not supported here; supported: "
							+ media.getSupportedMediaTypes() + ".");
		}
		else if (ex instanceof MaxUploadSizeExceededException size) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"The upload is larger than allowed"
							+ ((size.getMaxUploadSize() > 0) ? " (" + size.getMaxUploadSize() + " bytes)" : "")
							+ "; model files are far smaller, check that you chose the right file.");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing is served at " + path + ".");
		}
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
