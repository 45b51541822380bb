package org.caseregistry.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVPrinter;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FormDefinition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dataset's {@code missing_reasons.csv}: why a value is missing (UNKNOWN, NOT_APPLICABLE), for
 * every section of every case, built-in and custom, in one streamed statement; identifiers left out
 * and dates renamed as in the de-identified files.
 */
final class DatasetMissingReasons {

  private final NamedParameterJdbcTemplate jdbc;

  DatasetMissingReasons(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** study_code, section, item, variable, reason: why a value is missing, for every section. */
  void write(ReportFilter filter, boolean identified, FormDefinition form, CSVPrinter printer)
      throws IOException {
    Set<String> customIdentifiers = CustomDatasetColumns.identifiers(form);
    printer.printRecord("study_code", "section", "item", "variable", "reason");
    MapSqlParameterSource params = new MapSqlParameterSource();
    String where = filter.where(params);
    List<String> parts = new ArrayList<>();
    for (Section section : Section.values()) {
      parts.add(
          "select c.study_code, c.id as case_id, '"
              + section.slug()
              + "' as section, "
              + (section.isList() ? "s.position" : "cast(null as integer)")
              + " as item,"
              + " r.key as variable, r.value as reason"
              + " from case_view c join hospital_site h on h.id = c.site_id"
              + " left join case_operation_view op on op.case_id = c.id"
              + " left join case_gastric_operation_view gop on gop.case_id = c.id"
              + " join "
              + section.view()
              + " s on s.case_id = c.id"
              + " cross join lateral jsonb_each_text(s.missing_reasons) as r(key, value)"
              + where);
    }
    for (String table : List.of("case_custom_section_view", "case_custom_item_view")) {
      parts.add(
          "select c.study_code, c.id as case_id, s.section_key as section, "
              + (table.equals("case_custom_item_view") ? "s.position" : "cast(null as integer)")
              + " as item, r.key as variable, r.value as reason"
              + " from case_view c join hospital_site h on h.id = c.site_id"
              + " left join case_operation_view op on op.case_id = c.id"
              + " left join case_gastric_operation_view gop on gop.case_id = c.id"
              + " join "
              + table
              + " s on s.case_id = c.id"
              + " cross join lateral jsonb_each_text(s.missing_reasons) as r(key, value)"
              + where);
    }
    String sql =
        "select * from ("
            + String.join(" union all ", parts)
            + ") as reasons"
            + " order by length(study_code), lower(study_code), case_id, section, item, variable";
    jdbc.query(
        sql,
        params,
        rs -> {
          String variable = rs.getString("variable");
          if (!identified
              && (customIdentifiers.contains(variable)
                  || CaseVariables.exists(variable) && CaseVariables.get(variable).identifier())) {
            return;
          }
          Variable known = CaseVariables.exists(variable) ? CaseVariables.get(variable) : null;
          String name =
              known != null && known.type() == ValueType.DATE && !identified
                  ? DatasetLayout.dayName(variable)
                  : variable;
          int item = rs.getInt("item");
          try {
            printer.printRecord(
                CsvCells.safe(rs.getString("study_code")),
                rs.getString("section"),
                rs.wasNull() ? "" : Integer.toString(item),
                name,
                rs.getString("reason"));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
