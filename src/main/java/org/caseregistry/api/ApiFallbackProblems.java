package org.caseregistry.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.platform.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors under {@code /api/} that reach none of the API's controllers (an unknown path, a method or
 * media type no endpoint takes, and every error of the controllers other modules serve under {@code
 * /api/}, such as the reports) would otherwise be answered by Boot's default error JSON; here they
 * become RFC 9457 problems too. Errors of the API's own controllers are left to {@link
 * ApiProblems}.
 */
@Component
class ApiFallbackProblems implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ApiFallbackProblems.class);

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      Exception exception) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/") || isApiController(handler)) {
      return null;
    }
    ProblemDetail problem = problem(exception);
    if (exception instanceof ErrorResponse error) {
      error
          .getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    }
    try {
      ProblemResponses.write(request, response, problem);
    } catch (IOException writeFailed) {
      return null;
    }
    return new ModelAndView();
  }

  /**
   * Spring MVC's own errors keep their status and text; the registry's exceptions mean what they
   * mean in the API's own controllers ({@link ApiProblems}); anything else is a 500 problem,
   * logged.
   */
  private static ProblemDetail problem(Exception exception) {
    if (exception instanceof NoResourceFoundException) {
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.NOT_FOUND,
          "No such API endpoint. The API is described at /v3/api-docs and /swagger-ui.html.");
    }
    if (exception instanceof ErrorResponse error) {
      return error.getBody();
    }
    if (exception instanceof NotFoundException) {
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.NOT_FOUND, "No such record, or your account may not see it.");
    }
    if (exception instanceof AccessDeniedException denied) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.getMessage());
    }
    if (exception instanceof TypeMismatchException mismatch) {
      String name = mismatch.getPropertyName() == null ? "A parameter" : mismatch.getPropertyName();
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.BAD_REQUEST, name + " is not of the expected form.");
    }
    if (exception instanceof EditConflictException) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ApiVersions.CONFLICT);
    }
    log.error("API request failed", exception);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The registry could not complete this request. Nothing saved before is lost.");
  }

  private static boolean isApiController(Object handler) {
    return handler instanceof HandlerMethod method
        && method.getBeanType().getPackageName().equals(ApiFallbackProblems.class.getPackageName());
  }

  /** After the error attributes are recorded, before Spring MVC's own resolvers. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
