package org.caseregistry.query;

import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CompletionBlockers;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A case with a query still open (waiting for its site) cannot be marked complete. */
@Component
class OpenQueriesBlockCompletion implements CompletionBlockers {

  private final NamedParameterJdbcTemplate jdbc;

  OpenQueriesBlockCompletion(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Blocker> blockers(long caseId) {
    Long open =
        jdbc.queryForObject(
            "select count(*) from field_query where case_id = :case and state = 'OPEN'",
            Map.of("case", caseId),
            Long.class);
    return open == null || open == 0
        ? List.of()
        : List.of(new Blocker("signoff.blocker.open-queries", List.of(open)));
  }
}
