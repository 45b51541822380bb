package org.caseregistry.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem ({@code application/problem+json}) straight to a servlet response, for
 * the places outside Spring MVC's message converters: security filters and errors that reach no
 * controller.
 */
public final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (problem.getType() != null) {
      body.put("type", problem.getType().toString());
    }
    if (problem.getTitle() != null) {
      body.put("title", problem.getTitle());
    }
    body.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      body.put("detail", problem.getDetail());
    }
    body.put("instance", problem.getInstance().toString());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), body);
  }
}
