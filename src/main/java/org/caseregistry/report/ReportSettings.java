package org.caseregistry.report;

import java.sql.Array;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.series.FormService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows each series' per-patient tables show: built-in rows (the paper's until someone chooses)
 * and custom rows (none until someone chooses), stored together by id.
 */
@Repository
class ReportSettings {

  private final NamedParameterJdbcTemplate jdbc;
  private final FormService forms;

  ReportSettings(NamedParameterJdbcTemplate jdbc, FormService forms) {
    this.jdbc = jdbc;
    this.forms = forms;
  }

  /** The rows chosen: built-in ones in the paper's order, custom ones in the form's order. */
  record ChosenRows(List<PatientRow> builtIn, List<CustomPatientRows.Row> custom) {}

  @Transactional(readOnly = true)
  List<PatientRow> patientRows(long seriesId) {
    List<String> stored = stored(seriesId);
    return stored == null ? defaults(forms.current(seriesId)) : builtIn(stored);
  }

  /** The rows chosen for a series whose form is at hand. */
  @Transactional(readOnly = true)
  ChosenRows chosenRows(long seriesId, FormDefinition form) {
    List<String> stored = stored(seriesId);
    if (stored == null) {
      return new ChosenRows(defaults(form), List.of());
    }
    return new ChosenRows(builtIn(stored), CustomPatientRows.chosen(form, stored));
  }

  @Transactional
  void savePatientRows(long seriesId, List<PatientRow> rows, String username) {
    savePatientRows(seriesId, rows, List.of(), username);
  }

  @Transactional
  void savePatientRows(
      long seriesId, List<PatientRow> rows, List<CustomPatientRows.Row> custom, String username) {
    List<String> ids = new ArrayList<>(rows.stream().map(PatientRow::id).toList());
    custom.forEach(row -> ids.add(row.id()));
    jdbc.update(
        "insert into report_setting (series_id, patient_rows, version, updated_by)"
            + " values (:series, :rows, 1, :user) on conflict (series_id) do update set"
            + " patient_rows = excluded.patient_rows, version = report_setting.version + 1,"
            + " updated_at = now(), updated_by = excluded.updated_by",
        new MapSqlParameterSource()
            .addValue("series", seriesId)
            .addValue("rows", ids.toArray(String[]::new), Types.ARRAY)
            .addValue("user", username));
  }

  /** The stored row ids, or null when nobody has chosen yet. */
  private List<String> stored(long seriesId) {
    List<List<String>> stored =
        jdbc.query(
            "select patient_rows from report_setting where series_id = :series",
            Map.of("series", seriesId),
            (rs, row) -> {
              Array array = rs.getArray("patient_rows");
              return List.of((String[]) array.getArray());
            });
    return stored.isEmpty() ? null : stored.get(0);
  }

  private static List<PatientRow> builtIn(List<String> ids) {
    List<PatientRow> rows = new ArrayList<>();
    ids.forEach(id -> PatientRow.fromId(id).ifPresent(rows::add));
    return rows;
  }

  /** A gastric series starts from the gastric rows, every other series from the seed paper's. */
  private static List<PatientRow> defaults(FormDefinition form) {
    return form.hasModule(Section.GASTRIC_OPERATION)
        ? PatientRow.gastricDefaults()
        : PatientRow.paperRows();
  }
}
