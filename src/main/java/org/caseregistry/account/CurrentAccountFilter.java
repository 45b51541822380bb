package org.caseregistry.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account afresh on every request (one plain SQL statement, see {@link
 * SignedInStates}): a deactivated account is signed out at once, so is a session begun before the
 * account's password changed, role and site changes apply immediately, and an account that must
 * change its password can reach nothing else. Pages are answered with redirects; the API with
 * problems.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

  private static final Set<String> ALLOWED_WHILE_PASSWORD_MUST_CHANGE =
      Set.of("/account/password", "/logout", "/error");

  /** What to answer when the account may no longer act. */
  interface Refusals {
    /** Deactivated, deleted, or its role changed since it signed in. */
    void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException;

    void passwordMustChange(HttpServletRequest request, HttpServletResponse response)
        throws IOException;

    /** Whether this path stays reachable while the password must change. */
    boolean allowedWhilePasswordMustChange(String path);
  }

  private final AccountRepository accounts;
  private final Refusals refusals;

  CurrentAccountFilter(AccountRepository accounts, Refusals refusals) {
    this.accounts = accounts;
    this.refusals = refusals;
  }

  /** For the pages: sign out and go to the sign-in page, or to the password page. */
  static CurrentAccountFilter forPages(AccountRepository accounts) {
    return new CurrentAccountFilter(
        accounts,
        new Refusals() {
          @Override
          public void signedOut(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            HttpSession session = request.getSession(false);
            if (session != null) {
              session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
          }

          @Override
          public void passwordMustChange(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.sendRedirect(request.getContextPath() + "/account/password");
          }

          @Override
          public boolean allowedWhilePasswordMustChange(String path) {
            return ALLOWED_WHILE_PASSWORD_MUST_CHANGE.contains(path);
          }
        });
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
    if (authentication == null
        || !(authentication.getPrincipal() instanceof SignedInAccount signedIn)) {
      chain.doFilter(request, response);
      return;
    }
    SignedInStates.State account = accounts.signedInState(signedIn.id()).orElse(null);
    if (account == null
        || !account.active()
        || account.role() != signedIn.role()
        || (signedIn.sessionEpoch() != SignedInAccount.NO_SESSION
            && signedIn.sessionEpoch() != account.sessionEpoch())) {
      // Deactivated, the role changed, or the password changed since this session began: sign in
      // again so the new rights (or the new password) apply.
      SecurityContextHolder.clearContext();
      refusals.signedOut(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (account.mustChangePassword() && !refusals.allowedWhilePasswordMustChange(path)) {
      refusals.passwordMustChange(request, response);
      return;
    }
    request.setAttribute(
        CurrentAccounts.ATTRIBUTE,
        new CurrentAccount(
            account.id(),
            account.username(),
            account.fullName(),
            account.role(),
            account.siteIds()));
    chain.doFilter(request, response);
  }
}
