package org.caseregistry.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API's controllers as an RFC 9457 problem ({@code application/problem+json}):
 * Spring MVC's own (400, 405, 415 …) through the base class, the registry's here. Never a stack
 * trace, never a page.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(ApiRequestException refused) {
    return problem(refused.status(), refused.getMessage(), refused.errors());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(NotFoundException notFound) {
    return problem(
        HttpStatus.NOT_FOUND, "No such record, or your account may not see it.", List.of());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException denied) {
    return problem(HttpStatus.FORBIDDEN, denied.getMessage(), List.of());
  }

  /**
   * Every write against a stale version, answered once: 412 when the client sent the version as
   * If-Match, else 409 (the version came in the body).
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> conflict(
      EditConflictException conflict, HttpServletRequest request) {
    return problem(
        ApiVersions.staleStatus(request.getHeader(HttpHeaders.IF_MATCH)),
        ApiVersions.CONFLICT,
        List.of());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception unexpected) {
    log.error("API request failed", unexpected);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The registry could not complete this request. Nothing saved before is lost.",
        List.of());
  }

  /** Malformed JSON, or JSON of the wrong shape: say so without echoing parser internals. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is missing, not valid JSON, or not of the expected form.");
    return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, List<FieldErrorJson> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).body(problem);
  }
}
