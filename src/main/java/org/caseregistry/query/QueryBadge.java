package org.caseregistry.query;

import org.caseregistry.account.CurrentAccounts;
import org.springframework.stereotype.Component;

/**
 * The count in the navigation bar's "Queries" entry: what waits for the signed-in account (open
 * queries for surgeons, answered ones for coordinators and admins). One count statement, asked by
 * the layout only when a page is rendered. It asks {@code CurrentAccounts} itself rather than
 * taking the account from a handler: the layout renders it on every page, error pages included,
 * where no handler ran.
 */
@Component("queryBadge")
public class QueryBadge {

  private final QueryService queries;
  private final CurrentAccounts currentAccounts;

  QueryBadge(QueryService queries, CurrentAccounts currentAccounts) {
    this.queries = queries;
    this.currentAccounts = currentAccounts;
  }

  /** The count, or 0 where no account is signed in (e.g. an error page of a failed sign-in). */
  public long waiting() {
    try {
      return queries.waitingCount(currentAccounts.get());
    } catch (IllegalStateException notSignedIn) {
      return 0;
    }
  }
}
