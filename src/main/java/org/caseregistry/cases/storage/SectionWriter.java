package org.caseregistry.cases.storage;

import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.cases.SectionValues;
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
public class SectionWriter {

  private final NamedParameterJdbcTemplate jdbc;

  SectionWriter(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes a single section if its stored version is still {@code expectedVersion} (0 when the
   * section was empty); otherwise someone else saved it first.
   */
  public void saveSingle(
      long caseId, Section section, SectionValues values, int expectedVersion, String user) {
    MapSqlParameterSource params = parameters(caseId, section, values, user);
    if (expectedVersion == 0) {
      written(
          jdbc.update(
              "insert into "
                  + section.table()
                  + " (case_id, "
                  + columns(section)
                  + ", missing_reasons, version, updated_by) values (:case, "
                  + placeholders(section)
                  + ", cast(:missing as jsonb), 1, :user) on conflict (case_id) do nothing",
              params));
    } else {
      update(section, "case_id = :case", params.addValue("version", expectedVersion));
    }
  }

  public long addItem(long caseId, Section section, SectionValues values, String user) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "insert into "
            + section.table()
            + " (case_id, position, "
            + columns(section)
            + ", missing_reasons, version, updated_by) values (:case, (select"
            + " coalesce(max(position), 0) + 1 from "
            + section.table()
            + " where case_id = :case), "
            + placeholders(section)
            + ", cast(:missing as jsonb), 1, :user)",
        parameters(caseId, section, values, user),
        key,
        new String[] {"id"});
    return key.getKey().longValue();
  }

  public void updateItem(
      long caseId,
      Section section,
      long itemId,
      SectionValues values,
      int expectedVersion,
      String user) {
    update(
        section,
        "id = :id and case_id = :case",
        parameters(caseId, section, values, user)
            .addValue("id", itemId)
            .addValue("version", expectedVersion));
  }

  public void deleteItem(long caseId, Section section, long itemId, int expectedVersion) {
    int deleted =
        jdbc.update(
            "delete from "
                + section.table()
                + " where id = :id and case_id = :case and version = :version",
            Map.of("id", itemId, "case", caseId, "version", expectedVersion));
    written(deleted);
  }

  /** Updates the row {@code where} selects if it is still at {@code :version}, moving it on. */
  private void update(Section section, String where, MapSqlParameterSource params) {
    String assignments =
        CaseVariables.of(section).stream()
            .map(v -> v.name() + " = :" + v.name())
            .collect(Collectors.joining(", "));
    written(
        jdbc.update(
            "update "
                + section.table()
                + " set "
                + assignments
                + ", missing_reasons = cast(:missing as jsonb), version = version + 1,"
                + " updated_at = now(), updated_by = :user where "
                + where
                + " and version = :version",
            params));
  }

  private static void written(int rows) {
    if (rows == 0) {
      throw new EditConflictException();
    }
  }

  private static MapSqlParameterSource parameters(
      long caseId, Section section, SectionValues values, String user) {
    return SectionRows.parameters(CaseVariables.of(section), values)
        .addValue("case", caseId)
        .addValue("user", user);
  }

  private static String columns(Section section) {
    return CaseVariables.of(section).stream().map(Variable::name).collect(Collectors.joining(", "));
  }

  private static String placeholders(Section section) {
    return CaseVariables.of(section).stream()
        .map(v -> ":" + v.name())
        .collect(Collectors.joining(", "));
  }
}
