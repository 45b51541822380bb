package org.caseregistry.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Content-hashed URLs ({@code app-3f2a….css}) for the links to static assets, and only for them.
 * Spring's filter, which Spring Boot registers for the resource chain, asks the chain about every
 * link a page writes: with the static locations mapped at {@code /**}, a link to {@code /cases/17}
 * is looked up in {@code static/}, {@code public/} and {@code META-INF/resources/} of every jar on
 * the class path, and a miss is never cached. That was half the CPU time of a case-list page (25
 * rows, about 40 links). Here the other links are written as they are, which is what the chain
 * answers for them anyway.
 */
final class AssetUrlEncodingFilter extends ResourceUrlEncodingFilter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse plain)) {
      chain.doFilter(request, response);
      return;
    }
    String contextPath = http.getContextPath();
    super.doFilter(
        request,
        response,
        (wrappedRequest, encoding) ->
            chain.doFilter(
                wrappedRequest,
                new AssetsOnly((HttpServletResponse) encoding, plain, contextPath)));
  }

  /** Sends asset links through the resource chain's encoding, every other link around it. */
  private static final class AssetsOnly extends HttpServletResponseWrapper {
    private final HttpServletResponse plain;
    private final String contextPath;

    AssetsOnly(HttpServletResponse encoding, HttpServletResponse plain, String contextPath) {
      super(encoding);
      this.plain = plain;
      this.contextPath = contextPath;
    }

    @Override
    public String encodeURL(String url) {
      boolean asset =
          url.startsWith(contextPath) && StaticAssets.isAsset(url.substring(contextPath.length()));
      return asset ? super.encodeURL(url) : plain.encodeURL(url);
    }
  }
}
