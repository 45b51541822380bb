package org.caseregistry.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The warnings of a case confirmed as correct, with who confirmed them, when and why. */
@Repository
class ConfirmedWarnings {

  record Confirmation(String code, String reason, String by, Instant at) {}

  private final NamedParameterJdbcTemplate jdbc;

  ConfirmedWarnings(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Confirmation> ofCase(long caseId) {
    return jdbc.query(
        "select code, reason, confirmed_by, confirmed_at from confirmed_warning"
            + " where case_id = :case order by code",
        Map.of("case", caseId),
        (rs, row) ->
            new Confirmation(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant()));
  }

  /** False when it was confirmed before (the first confirmation stands). */
  boolean confirm(long caseId, String code, String reason, String user) {
    return jdbc.update(
            "insert into confirmed_warning (case_id, code, reason, confirmed_by) values (:case,"
                + " :code, :reason, :user) on conflict do nothing",
            new MapSqlParameterSource()
                .addValue("case", caseId)
                .addValue("code", code)
                .addValue("reason", reason)
                .addValue("user", user))
        > 0;
  }
}
