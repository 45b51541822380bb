package org.caseregistry.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account afresh on every request (one query): a deactivated account is signed
 * out at once, role and site changes apply immediately, and an account that must change its
 * password can reach nothing else.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

  private static final Set<String> ALLOWED_WHILE_PASSWORD_MUST_CHANGE =
      Set.of("/account/password", "/logout", "/error");

  private final AccountRepository accounts;

  CurrentAccountFilter(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return SecurityConfiguration.isPublicResource(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount signedIn)) {
      chain.doFilter(request, response);
      return;
    }
    Account account = accounts.findWithSitesById(signedIn.id()).orElse(null);
    if (account == null || !account.isActive() || account.getRole() != signedIn.role()) {
      // Deactivated, or the role changed: sign in again so the new rights apply.
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/login?expired");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (account.isMustChangePassword() && !ALLOWED_WHILE_PASSWORD_MUST_CHANGE.contains(path)) {
      response.sendRedirect(request.getContextPath() + "/account/password");
      return;
    }
    Set<Long> siteIds =
        account.getSites().stream().map(site -> site.getId()).collect(Collectors.toUnmodifiableSet());
    request.setAttribute(
        CurrentAccounts.ATTRIBUTE,
        new CurrentAccount(
            account.getId(), account.getUsername(), account.getFullName(), account.getRole(), siteIds));
    chain.doFilter(request, response);
  }
}
