package org.caseregistry.account;

import java.util.Set;

/**
 * The account behind the current request, loaded once per request: what every access check in the
 * other features asks.
 */
public record CurrentAccount(
    long id, String username, String fullName, Role role, Set<Long> siteIds) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Admins see every site; everyone else only the sites they belong to. */
  public boolean canSeeSite(long siteId) {
    return isAdmin() || siteIds.contains(siteId);
  }

  public boolean is(Role other) {
    return role == other;
  }
}
