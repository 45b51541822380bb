package org.caseregistry.cases.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormChanges;
import org.caseregistry.series.StoredFormValues;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the cases whose stored custom values a form change would orphan or reinterpret: one
 * statement per risky change, over the series' rows of both custom tables.
 */
@Component
class CustomValueCensus implements StoredFormValues {

  /**
   * The values of one field (jsonb_exists is the function behind the ? operator, which JDBC would
   * take for a parameter) in every single section and item of the series' cases.
   */
  private static final String VALUES =
      "select case_id, field_values -> :field as v from case_custom_section t"
          + " where t.case_id in (select id from surgical_case where series_id = :series)"
          + " and jsonb_exists(field_values, :field)"
          + " union all select case_id, field_values -> :field from case_custom_item t"
          + " where t.case_id in (select id from surgical_case where series_id = :series)"
          + " and jsonb_exists(field_values, :field)";

  private final NamedParameterJdbcTemplate jdbc;

  CustomValueCensus(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public long casesAffected(long seriesId, FormChanges.Risk risk) {
    MapSqlParameterSource params =
        new MapSqlParameterSource().addValue("series", seriesId).addValue("field", risk.field());
    String condition = "true";
    if (risk instanceof FormChanges.CodesRemoved removed) {
      params.addValue("codes", removed.codes().toArray(String[]::new));
      condition =
          "(jsonb_typeof(v) = 'string' and v #>> '{}' = any(:codes)) or (jsonb_typeof(v) ="
              + " 'array' and jsonb_exists_any(v, :codes))";
    } else if (risk instanceof FormChanges.LimitsNarrowed limits) {
      condition = outside(limits, params);
    }
    Long count =
        jdbc.queryForObject(
            "select count(distinct case_id) from (" + VALUES + ") x where " + condition,
            params,
            Long.class);
    return count == null ? 0 : count;
  }

  private static String outside(FormChanges.LimitsNarrowed limits, MapSqlParameterSource params) {
    if (limits.type() == FieldType.TEXT || limits.type() == FieldType.LONG_TEXT) {
      params.addValue("longest", Integer.parseInt(limits.max()));
      return "length(v #>> '{}') > :longest";
    }
    String cast = limits.type() == FieldType.DATE ? "date" : "numeric";
    StringBuilder condition = new StringBuilder("false");
    if (limits.min() != null && !limits.min().isBlank()) {
      params.addValue("min", limits.min().strip());
      condition.append(" or (v #>> '{}')::" + cast + " < cast(:min as " + cast + ")");
    }
    if (limits.max() != null && !limits.max().isBlank()) {
      params.addValue("max", limits.max().strip());
      condition.append(" or (v #>> '{}')::" + cast + " > cast(:max as " + cast + ")");
    }
    return "(" + condition + ")";
  }

  @Override
  @Transactional(readOnly = true)
  public long casesWithModule(long seriesId, Section module) {
    Long count =
        jdbc.queryForObject(
            "select count(distinct t.case_id) from "
                + module.table()
                + " t join surgical_case c on c.id = t.case_id where c.series_id = :series",
            Map.of("series", seriesId),
            Long.class);
    return count == null ? 0 : count;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> fieldsWithValues(long seriesId) {
    List<String> names =
        jdbc.queryForList(
            "select distinct jsonb_object_keys(field_values) from case_custom_section where"
                + " case_id in (select id from surgical_case where series_id = :series)"
                + " union select distinct jsonb_object_keys(field_values) from case_custom_item"
                + " where case_id in (select id from surgical_case where series_id = :series)",
            Map.of("series", seriesId),
            String.class);
    return new HashSet<>(names);
  }
}
