package org.caseregistry.report;

import java.sql.Array;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.FormService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rows each series' per-patient tables show; the paper's rows until someone chooses. */
@Repository
class ReportSettings {

  private final NamedParameterJdbcTemplate jdbc;
  private final FormService forms;

  ReportSettings(NamedParameterJdbcTemplate jdbc, FormService forms) {
    this.jdbc = jdbc;
    this.forms = forms;
  }

  @Transactional(readOnly = true)
  List<PatientRow> patientRows(long seriesId) {
    List<List<PatientRow>> stored =
        jdbc.query(
            "select patient_rows from report_setting where series_id = :series",
            Map.of("series", seriesId),
            (rs, row) -> {
              Array array = rs.getArray("patient_rows");
              List<PatientRow> rows = new ArrayList<>();
              for (String id : (String[]) array.getArray()) {
                PatientRow.fromId(id).ifPresent(rows::add);
              }
              return rows;
            });
    if (!stored.isEmpty()) {
      return stored.get(0);
    }
    // A gastric series starts from the gastric rows, every other series from the seed paper's.
    return forms.current(seriesId).hasModule(Section.GASTRIC_OPERATION)
        ? PatientRow.gastricDefaults()
        : PatientRow.paperRows();
  }

  @Transactional
  void savePatientRows(long seriesId, List<PatientRow> rows, String username) {
    String[] ids = rows.stream().map(PatientRow::id).toArray(String[]::new);
    jdbc.update(
        "insert into report_setting (series_id, patient_rows, version, updated_by)"
            + " values (:series, :rows, 1, :user) on conflict (series_id) do update set"
            + " patient_rows = excluded.patient_rows, version = report_setting.version + 1,"
            + " updated_at = now(), updated_by = excluded.updated_by",
        new MapSqlParameterSource()
            .addValue("series", seriesId)
            .addValue("rows", ids, Types.ARRAY)
            .addValue("user", username));
  }
}
