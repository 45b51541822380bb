package org.caseregistry.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer crg_…} header. Without the
 * header the request stays anonymous (and is refused by the rules); a header that is not a usable
 * token is refused here. The principal is the same {@link SignedInAccount} the pages use, so the
 * {@link CurrentAccountFilter} behind this one loads the account as for a page.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokenService tokens;
  private final AuthenticationEntryPoint entryPoint;

  ApiTokenAuthenticationFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiTokenHolder> holder =
        header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? tokens.authenticate(header.substring(BEARER.length()).strip())
            : Optional.empty();
    if (holder.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(
          request, response, new BadCredentialsException("Unknown or revoked API token"));
      return;
    }
    ApiTokenHolder found = holder.get();
    SignedInAccount principal =
        new SignedInAccount(
            found.accountId(),
            found.username(),
            found.role(),
            "",
            true,
            SignedInAccount.NO_SESSION);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, List.of(new SimpleGrantedAuthority(found.role().authority()))));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
