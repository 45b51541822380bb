package org.caseregistry.cases.storage;

import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.DerivedValues;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps the derived values stored with a case true: after every change of a case's built-in
 * sections, whatever the path, they are derived again from the whole case ({@link
 * DerivedValues#derivedFrom}) and written to its {@link DerivedColumns}, so that lists, reports and
 * the dashboard need not derive them. (An import writes the same columns in bulk, {@link
 * CaseBulkWriter}.)
 */
@Repository
public class CaseDerivedValues {

  private final NamedParameterJdbcTemplate jdbc;
  private final CaseSectionReads sectionReads;

  CaseDerivedValues(NamedParameterJdbcTemplate jdbc, CaseSectionReads sectionReads) {
    this.jdbc = jdbc;
    this.sectionReads = sectionReads;
  }

  /** After a change, from the case as it now stands (already read under the case's lock). */
  public DerivedValues recompute(long caseId, CaseData now, String user) {
    DerivedValues derived = DerivedValues.derivedFrom(now);
    store(caseId, derived, user);
    return derived;
  }

  /** After a change, from the case read again. */
  public DerivedValues recompute(long caseId, String user) {
    return recompute(caseId, sectionReads.load(caseId), user);
  }

  private void store(long caseId, DerivedValues derived, String user) {
    StringBuilder sql = new StringBuilder("update surgical_case set ");
    MapSqlParameterSource params = new MapSqlParameterSource();
    for (DerivedColumns.Column column : DerivedColumns.ALL) {
      sql.append(column.name()).append(" = :").append(column.name()).append(", ");
      params.addValue(column.name(), column.value().apply(derived), column.jdbcType());
    }
    sql.append("updated_at = now(), updated_by = :user where id = :id");
    jdbc.update(sql.toString(), params.addValue("user", user).addValue("id", caseId));
  }
}
