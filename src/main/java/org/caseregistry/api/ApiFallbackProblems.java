package org.caseregistry.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseregistry.platform.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors under {@code /api/} that reach none of the API's controllers (an unknown path, a method or
 * media type no endpoint takes) would otherwise be answered by the application's error page
 * machinery; here they become problems too. Errors of the API's own controllers are left to {@link
 * ApiProblems}.
 */
@Component
class ApiFallbackProblems implements HandlerExceptionResolver, Ordered {

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      Exception exception) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")
        || isApiController(handler)
        || !(exception instanceof ErrorResponse error)) {
      return null;
    }
    ProblemDetail problem =
        exception instanceof NoResourceFoundException
            ? ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "No such API endpoint. The API is described at /v3/api-docs and /swagger-ui.html.")
            : error.getBody();
    error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    try {
      ProblemResponses.write(request, response, problem);
    } catch (IOException writeFailed) {
      return null;
    }
    return new ModelAndView();
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
