package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.dashboard.DashboardData.CustomFilled;
import org.caseregistry.dashboard.DashboardQueries.Scope;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The custom fields of a series' form answered, in one statement: per single section and field, the
 * cases whose stored section has a value for it or a missing reason (unknown, or not applicable: a
 * field hidden by its condition is stored so and is never missing); per repeating section, the
 * cases with at least one item. Blank values are not stored, so a key present is an answer. Only
 * what the form offers is counted: not retired sections and fields, not calculated fields (their
 * completeness is that of their inputs) nor descriptive text. A form without custom sections costs
 * no statement.
 */
final class CustomCompletenessQuery {

  private CustomCompletenessQuery() {}

  static String sql(Scope scope) {
    return "select s.section_key, f.name, count(*) as n from case_view c"
        + " join case_custom_section_view s on s.case_id = c.id cross join lateral"
        + " (select jsonb_object_keys(s.field_values)"
        + " union select jsonb_object_keys(s.missing_reasons)) as f(name)"
        + " where"
        + scope.where()
        + " group by s.section_key, f.name"
        + " union all select i.section_key, null, count(distinct i.case_id) from case_view c"
        + " join case_custom_item_view i on i.case_id = c.id where"
        + scope.where()
        + " group by i.section_key";
  }

  static List<CustomFilled> count(
      NamedParameterJdbcTemplate jdbc, Scope scope, FormDefinition form) {
    List<SectionDefinition> sections = form.activeSections();
    if (sections.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> answered = new HashMap<>();
    jdbc.query(
        sql(scope),
        scope.params(),
        rs -> {
          String field = rs.getString("name");
          answered.put(key(rs.getString("section_key"), field), rs.getInt("n"));
        });
    List<CustomFilled> counts = new ArrayList<>();
    for (SectionDefinition section : sections) {
      if (section.repeating()) {
        counts.add(
            new CustomFilled(
                section.labelEn(),
                section.labelVi(),
                section.labelEn(),
                section.labelVi(),
                true,
                answered.getOrDefault(key(section.key(), null), 0)));
        continue;
      }
      for (FieldDefinition field : section.activeFields()) {
        if (field.type().holdsValue() && field.type() != FieldType.CALCULATED) {
          counts.add(
              new CustomFilled(
                  section.labelEn(),
                  section.labelVi(),
                  field.labelEn(),
                  field.labelVi(),
                  false,
                  answered.getOrDefault(key(section.key(), field.name()), 0)));
        }
      }
    }
    return counts;
  }

  /** A section's count (field null: its items) in the map of the statement's rows. */
  private static String key(String section, String field) {
    return field == null ? section : section + "\n" + field;
  }
}
