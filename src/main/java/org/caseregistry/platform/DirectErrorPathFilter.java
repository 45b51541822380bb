package org.caseregistry.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards a failed request to render its error page. Asked
 * for directly it has no error to show, and the error machinery would call that a 500: it is a page
 * that does not exist (the forwards themselves are error dispatches, which this filter skips).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectErrorPathFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals("/error") && !path.startsWith("/error/") && !path.startsWith("/error;");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
