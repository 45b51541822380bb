package org.caseregistry.query;

import org.caseregistry.account.CurrentAccounts;
import org.caseregistry.cases.CaseHeader;
import org.springframework.stereotype.Component;

/**
 * What the case page and the section forms show next to fields: the case's queries with their
 * threads and its confirmed warnings (two statements per page, whatever the number of queries).
 * Asked by the templates with the header the page has already checked access to; the account comes
 * from {@code CurrentAccounts} because templates, not handlers, call it (the fragments that ask are
 * shared by several pages).
 */
@Component("caseQueryNotes")
public class CaseQueryNotes {

  private final QueryService queries;
  private final CurrentAccounts currentAccounts;

  CaseQueryNotes(QueryService queries, CurrentAccounts currentAccounts) {
    this.queries = queries;
    this.currentAccounts = currentAccounts;
  }

  public CaseQueries of(CaseHeader header) {
    return queries.forCase(header);
  }

  /** Whether the signed-in account raises queries and confirms warnings (coordinators, admins). */
  public boolean canRaise() {
    return QueryPolicy.canRaise(currentAccounts.get());
  }
}
