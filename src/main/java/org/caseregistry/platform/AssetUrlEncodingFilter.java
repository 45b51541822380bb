package org.caseregistry.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Content-hashed URLs ({@code app-3f2a….css}) for the links to static assets, and only for them.
 * Spring's filter, which Spring Boot registers for the resource chain, asks the chain about every
 * link a page writes: with the static locations mapped at {@code /**}, a link to {@code /cases/17}
 * is looked up in {@code static/}, {@code public/} and {@code META-INF/resources/} of every jar on
 * the class path, and a miss is never cached. That was half the CPU time of a case-list page (25
 * rows, about 40 links). Here the other links are written as they are, which is what the chain
 * answers for them anyway. The asset links themselves are remembered when the resource chain caches
 * its answers (as it does unless {@code spring.web.resources.chain.cache=false}): a page writes the
 * same five, and each look-up matched every resource pattern again (3% of a list page).
 */
final class AssetUrlEncodingFilter extends ResourceUrlEncodingFilter {

  /** More distinct asset links than the templates write: past it, links are not remembered. */
  private static final int REMEMBERED_LIMIT = 1000;

  private final Map<String, String> remembered = new ConcurrentHashMap<>();
  private final boolean remember;

  /**
   * @param remember whether asset links may be remembered (the resource chain caches its answers)
   */
  AssetUrlEncodingFilter(boolean remember) {
    this.remember = remember;
  }

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
  private final class AssetsOnly extends HttpServletResponseWrapper {
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
      if (!asset) {
        return plain.encodeURL(url);
      }
      if (!remember) {
        return super.encodeURL(url);
      }
      String known = remembered.get(url);
      if (known != null) {
        return known;
      }
      String encoded = super.encodeURL(url);
      if (encoded != null && remembered.size() < REMEMBERED_LIMIT) {
        remembered.put(url, encoded);
      }
      return encoded;
    }
  }
}
