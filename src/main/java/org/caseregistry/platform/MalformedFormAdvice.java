package org.caseregistry.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form field name that no form has (nested keys such as {@code values[sex][x]}, a path into a
 * value) cannot be bound; no browser sends it from our pages, so it is a bad request, not an error
 * of the registry.
 */
@ControllerAdvice
class MalformedFormAdvice {

  /** Answered by the error page machinery, so the page has the layout of every error page. */
  @ExceptionHandler(InvalidPropertyException.class)
  void malformed(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }
}
