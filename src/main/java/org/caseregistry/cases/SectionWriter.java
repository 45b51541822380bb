package org.caseregistry.cases;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.platform.EditConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes the built-in sections of one case from the forms and the API, each write guarded by the
 * version the user saw: a stale version throws {@link EditConflictException}. (An import writes
 * many cases at once through {@link CaseBulkWriter}.)
 */
@Repository
class SectionWriter {

  private final NamedParameterJdbcTemplate jdbc;

  SectionWriter(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes a single section if its stored version is still {@code expectedVersion} (0 when the
   * section was empty); otherwise someone else saved it first.
   */
  void saveSingle(
      long caseId, Section section, SectionValues values, int expectedVersion, String user) {
    List<Variable> variables = CaseVariables.of(section);
    MapSqlParameterSource params =
        SectionRows.parameters(variables, values).addValue("case", caseId);
    params.addValue("user", user).addValue("version", expectedVersion);
    String columns = variables.stream().map(Variable::name).collect(Collectors.joining(", "));
    String placeholders =
        variables.stream().map(v -> ":" + v.name()).collect(Collectors.joining(", "));
    int written;
    if (expectedVersion == 0) {
      written =
          jdbc.update(
              "insert into "
                  + section.table()
                  + " (case_id, "
                  + columns
                  + ", missing_reasons, version, updated_by) values (:case, "
                  + placeholders
                  + ", cast(:missing as jsonb), 1, :user) on conflict (case_id) do nothing",
              params);
    } else {
      String assignments =
          variables.stream()
              .map(v -> v.name() + " = :" + v.name())
              .collect(Collectors.joining(", "));
      written =
          jdbc.update(
              "update "
                  + section.table()
                  + " set "
                  + assignments
                  + ", missing_reasons = cast(:missing as jsonb), version = version + 1,"
                  + " updated_at = now(), updated_by = :user where case_id = :case and version ="
                  + " :version",
              params);
    }
    if (written == 0) {
      throw new EditConflictException();
    }
  }

  long addItem(long caseId, Section section, SectionValues values, String user) {
    List<Variable> variables = CaseVariables.of(section);
    MapSqlParameterSource params =
        SectionRows.parameters(variables, values).addValue("case", caseId).addValue("user", user);
    String columns = variables.stream().map(Variable::name).collect(Collectors.joining(", "));
    String placeholders =
        variables.stream().map(v -> ":" + v.name()).collect(Collectors.joining(", "));
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "insert into "
            + section.table()
            + " (case_id, position, "
            + columns
            + ", missing_reasons, version, updated_by) values (:case, (select"
            + " coalesce(max(position), 0) + 1 from "
            + section.table()
            + " where case_id = :case), "
            + placeholders
            + ", cast(:missing as jsonb), 1, :user)",
        params,
        key,
        new String[] {"id"});
    return key.getKey().longValue();
  }

  void updateItem(
      long caseId,
      Section section,
      long itemId,
      SectionValues values,
      int expectedVersion,
      String user) {
    List<Variable> variables = CaseVariables.of(section);
    MapSqlParameterSource params =
        SectionRows.parameters(variables, values)
            .addValue("case", caseId)
            .addValue("id", itemId)
            .addValue("user", user)
            .addValue("version", expectedVersion);
    String assignments =
        variables.stream().map(v -> v.name() + " = :" + v.name()).collect(Collectors.joining(", "));
    int written =
        jdbc.update(
            "update "
                + section.table()
                + " set "
                + assignments
                + ", missing_reasons = cast(:missing as jsonb), version = version + 1,"
                + " updated_at = now(), updated_by = :user where id = :id and case_id = :case and"
                + " version = :version",
            params);
    if (written == 0) {
      throw new EditConflictException();
    }
  }

  void deleteItem(long caseId, Section section, long itemId, int expectedVersion) {
    int deleted =
        jdbc.update(
            "delete from "
                + section.table()
                + " where id = :id and case_id = :case and version = :version",
            Map.of("id", itemId, "case", caseId, "version", expectedVersion));
    if (deleted == 0) {
      throw new EditConflictException();
    }
  }
}
