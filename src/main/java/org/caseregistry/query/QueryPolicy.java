package org.caseregistry.query;

import java.util.EnumSet;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may take which step of a field query, and what waits for whom: coordinators and admins raise,
 * close and re-open queries and confirm warnings; surgeons (and admins) answer them. The same rules
 * for the pages, the API and the navigation badge.
 */
public final class QueryPolicy {

  private QueryPolicy() {}

  public static boolean canRaise(CurrentAccount account) {
    return account.is(Role.COORDINATOR) || account.is(Role.ADMIN);
  }

  public static boolean canAnswer(CurrentAccount account) {
    return account.is(Role.SURGEON) || account.is(Role.ADMIN);
  }

  static void requireRaise(CurrentAccount account) {
    if (!canRaise(account)) {
      throw new AccessDeniedException("Only coordinators and admins raise and close queries");
    }
  }

  /** What the navigation badge counts: what waits for this account. */
  static Set<QueryState> waitingFor(CurrentAccount account) {
    return account.is(Role.SURGEON) ? EnumSet.of(QueryState.OPEN) : EnumSet.of(QueryState.ANSWERED);
  }

  /** What the worklist shows: open queries for surgeons; open or answered for the others. */
  static Set<QueryState> onWorklist(CurrentAccount account) {
    return account.is(Role.SURGEON)
        ? EnumSet.of(QueryState.OPEN)
        : EnumSet.of(QueryState.OPEN, QueryState.ANSWERED);
  }

  /** The sites whose queries the account sees; null for all (admins). */
  static Set<Long> sitesOf(CurrentAccount account) {
    return account.isAdmin() ? null : account.siteIds();
  }
}
