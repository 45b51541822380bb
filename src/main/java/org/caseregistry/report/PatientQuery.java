package org.caseregistry.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases of a per-patient table, read with four statements: the cases with their single sections
 * (custom ones included) and derived values, then node counts per field, complications and
 * follow-up visits of those cases. Per-patient tables are for small series: at most {@link
 * #MAX_PATIENTS} cases.
 */
@Repository
class PatientQuery {

  static final int MAX_PATIENTS = 30;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The derived columns of a case, as the dataset has them. */
  private static final List<String> DERIVED = DatasetLayout.DERIVED;

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;

  PatientQuery(ReportingDatabase reporting) {
    this.reporting = reporting;
    this.jdbc = reporting.jdbc();
  }

  /** The patients in study-code order; one more than the maximum means "too many". */
  List<PatientRecord> find(ReportFilter filter, FormDefinition form) {
    return reporting.read(() -> findInSnapshot(filter, form));
  }

  private List<PatientRecord> findInSnapshot(ReportFilter filter, FormDefinition form) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<Variable> singles =
        CaseVariables.all().stream()
            .filter(v -> !v.section().isList() && !v.identifier() && v.type() != ValueType.TEXT)
            .toList();
    StringBuilder select = new StringBuilder("select c.id, c.study_code, h.code as site_code");
    DERIVED.forEach(column -> select.append(", c.").append(column));
    for (Variable variable : singles) {
      select
          .append(", ")
          .append(ReportFilter.ALIASES.get(variable.section()))
          .append('.')
          .append(variable.name());
    }
    for (Section section : ReportFilter.ALIASES.keySet()) {
      String alias = ReportFilter.ALIASES.get(section);
      select.append(", ").append(alias).append(".missing_reasons as reasons_").append(alias);
    }
    CustomColumns custom = new CustomColumns(form);
    select.append(custom.select());
    String sql =
        select
            + ReportFilter.FROM
            + custom.joins()
            + filter.where(params)
            + " order by length(c.study_code), lower(c.study_code), c.id limit "
            + (MAX_PATIENTS + 1);
    List<PatientRecord> patients =
        jdbc.query(
            sql,
            params,
            (rs, row) -> {
              Map<String, Object> values = new HashMap<>();
              for (String column : DERIVED) {
                put(values, column, rs.getObject(column));
              }
              for (Variable variable : singles) {
                put(values, variable.name(), read(rs, variable));
              }
              Map<String, String> reasons = new HashMap<>();
              for (String alias : ReportFilter.ALIASES.values()) {
                String json = rs.getString("reasons_" + alias);
                if (json != null) {
                  reasons.putAll(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
                }
              }
              return new PatientRecord(
                  rs.getLong("id"),
                  rs.getString("study_code"),
                  rs.getString("site_code"),
                  values,
                  reasons,
                  new LinkedHashMap<>(),
                  new ArrayList<>(),
                  new HashMap<>(),
                  custom.read(rs));
            });
    if (patients.isEmpty() || patients.size() > MAX_PATIENTS) {
      return patients;
    }
    Map<Long, PatientRecord> byId =
        patients.stream().collect(Collectors.toMap(PatientRecord::caseId, p -> p));
    MapSqlParameterSource idParams = new MapSqlParameterSource("ids", byId.keySet());
    jdbc.query(
        "select case_id, coalesce(node_field, 'UNKNOWN') as field, sum(nodes_positive) as positive,"
            + " sum(nodes_examined) as examined from case_node_group_view where case_id in (:ids)"
            + " group by case_id, coalesce(node_field, 'UNKNOWN')",
        idParams,
        rs -> {
          byId.get(rs.getLong("case_id"))
              .nodes()
              .put(rs.getString("field"), new int[] {rs.getInt("positive"), rs.getInt("examined")});
        });
    jdbc.query(
        "select case_id, complication_type from case_complication_view where case_id in (:ids)"
            + " and complication_type is not null order by case_id, position, id",
        idParams,
        rs -> {
          byId.get(rs.getLong("case_id")).complications().add(rs.getString("complication_type"));
        });
    jdbc.query(
        "select case_id, visit_month, followup_status from case_followup_view where case_id in"
            + " (:ids) and visit_month is not null and followup_status is not null order by"
            + " case_id, position, id",
        idParams,
        rs -> {
          byId.get(rs.getLong("case_id"))
              .followUps()
              .putIfAbsent(rs.getInt("visit_month"), rs.getString("followup_status"));
        });
    return patients;
  }

  /**
   * The custom sections read with the cases: each single section's values and missing reasons as
   * JSON (a join each), and each repeating section's item count (a subquery each).
   */
  private static final class CustomColumns {

    private final FormDefinition form;
    private final List<SectionDefinition> sections;

    CustomColumns(FormDefinition form) {
      this.form = form;
      this.sections = form.sections();
    }

    String select() {
      StringBuilder select = new StringBuilder();
      for (int s = 0; s < sections.size(); s++) {
        SectionDefinition section = sections.get(s);
        if (section.repeating()) {
          select
              .append(", (select count(*) from case_custom_item_view i where i.case_id = c.id")
              .append(" and i.section_key = '")
              .append(section.key())
              .append("') as cfi")
              .append(s);
        } else if (!section.valueFields().isEmpty()) {
          select.append(", cf").append(s).append(".field_values as cfv").append(s);
          select.append(", cf").append(s).append(".missing_reasons as cfr").append(s);
        }
      }
      return select.toString();
    }

    String joins() {
      return CustomDatasetColumns.joins(form);
    }

    PatientRecord.CustomValues read(ResultSet rs) throws SQLException {
      PatientRecord.CustomValues custom = PatientRecord.CustomValues.none();
      for (int s = 0; s < sections.size(); s++) {
        SectionDefinition section = sections.get(s);
        if (section.repeating()) {
          custom.items().put(section.key(), rs.getInt("cfi" + s));
          continue;
        }
        if (section.valueFields().isEmpty()) {
          continue;
        }
        Map<String, Object> stored = json(rs.getString("cfv" + s));
        for (FieldDefinition field : section.valueFields()) {
          Object value = FieldValues.fromStored(field, stored.get(field.name()));
          if (value != null) {
            custom.values().put(field.name(), value);
          }
        }
        json(rs.getString("cfr" + s))
            .forEach((name, reason) -> custom.reasons().put(name, String.valueOf(reason)));
      }
      return custom;
    }

    private static Map<String, Object> json(String text) {
      return text == null ? Map.of() : JSON.readValue(text, new TypeReference<>() {});
    }
  }

  private static void put(Map<String, Object> values, String column, Object value) {
    if (value != null) {
      values.put(column, value);
    }
  }

  private static Object read(ResultSet rs, Variable variable) throws SQLException {
    String column = variable.name();
    return switch (variable.type()) {
      case INTEGER -> rs.getObject(column, Integer.class);
      case DECIMAL -> {
        BigDecimal decimal = rs.getBigDecimal(column);
        yield decimal == null ? null : decimal.stripTrailingZeros();
      }
      case DATE -> rs.getObject(column, LocalDate.class);
      default -> rs.getString(column);
    };
  }
}
