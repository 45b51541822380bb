package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything stored for the cases of a series, read straight from the tables (not through the
 * application's reading code): per study code, the site, every section column, the list items in
 * order, and the derived columns. Ids, versions, revisions and timestamps are left out.
 */
final class CaseSnapshots {

  private static final Set<String> BOOKKEEPING =
      Set.of(
          "id",
          "case_id",
          "series_id",
          "version",
          "revision",
          "updated_at",
          "updated_by",
          "created_at",
          "created_by",
          "position",
          "demo");

  private CaseSnapshots() {}

  static Map<String, Map<String, Object>> of(JdbcTemplate jdbc, long seriesId) {
    Map<String, Map<String, Object>> cases = new TreeMap<>();
    for (Map<String, Object> row :
        jdbc.queryForList(
            "select c.*, h.code as site_code from surgical_case c join hospital_site h on h.id ="
                + " c.site_id where c.series_id = ?",
            seriesId)) {
      Map<String, Object> snapshot = new TreeMap<>();
      row.forEach(
          (column, value) -> {
            if (!BOOKKEEPING.contains(column) && !column.equals("site_id")) {
              snapshot.put(column, normal(value));
            }
          });
      cases.put((String) row.get("study_code"), snapshot);
    }
    for (Section section : Section.values()) {
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select t.*, c.study_code as case_code from "
                  + section.table()
                  + " t join surgical_case c on c.id = t.case_id where c.series_id = ?"
                  + (section.isList() ? " order by t.case_id, t.position, t.id" : ""),
              seriesId);
      Map<String, List<Map<String, Object>>> items = new TreeMap<>();
      for (Map<String, Object> row : rows) {
        Map<String, Object> values = new TreeMap<>();
        row.forEach(
            (column, value) -> {
              if (!BOOKKEEPING.contains(column) && !column.equals("case_code")) {
                values.put(column, normal(value));
              }
            });
        items.computeIfAbsent((String) row.get("case_code"), code -> new ArrayList<>()).add(values);
      }
      items.forEach(
          (code, list) ->
              cases.get(code).put(section.name(), section.isList() ? list : list.get(0)));
    }
    return cases;
  }

  private static Object normal(Object value) {
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof java.sql.Array array) {
      try {
        return List.of((Object[]) array.getArray());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    if (value instanceof org.postgresql.util.PGobject json) {
      return json.getValue();
    }
    return value;
  }
}
