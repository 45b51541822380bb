package org.caseregistry.account;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the layout's navigation shows to whom ({@code ${@signedInLinks.any()}}): the same answers as
 * {@code sec:authorize="isAuthenticated()"} and {@code "hasRole('ADMIN')"}, read from the security
 * context, without parsing and evaluating a security expression for each link of every page (about
 * 5% of a case-list page's CPU time in the profile).
 */
@Component("signedInLinks")
public class SignedInLinks {

  private static final String ADMIN_AUTHORITY = "ROLE_" + Role.ADMIN.name();

  private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

  /** Whether someone is signed in (not anonymous). */
  public boolean any() {
    return trust.isAuthenticated(authentication());
  }

  /** Whether an admin is signed in. */
  public boolean admin() {
    Authentication authentication = authentication();
    return trust.isAuthenticated(authentication)
        && authentication.getAuthorities().stream()
            .anyMatch(granted -> ADMIN_AUTHORITY.equals(granted.getAuthority()));
  }

  private static Authentication authentication() {
    return SecurityContextHolder.getContext().getAuthentication();
  }
}
