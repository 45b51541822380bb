package org.caseregistry.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.FormService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The custom-field side of the benchmark: the large series gets a custom section whose ten fields
 * hold, for every case, the values of the ten built-in variables of the benchmark's summary, so
 * that the summary of the custom fields and of the built-in ones count the same values and their
 * times compare the storage alone (JSON in one joined table against typed columns), both read from
 * the counts kept as they are written (V56, V58).
 */
final class CustomFieldsBenchmark {

  static final String SUMMARY_VARIABLES =
      "vars=c_age&vars=c_sex&vars=c_bmi&vars=c_asa&vars=c_histology&vars=c_abdominal"
          + "&vars=c_conduit_time&vars=c_los&vars=c_cci&vars=c_stage";

  private CustomFieldsBenchmark() {}

  /**
   * Adds the section to the series' form and copies the values in one statement (whose trigger
   * counts them).
   */
  static void prepare(JdbcTemplate jdbc, FormService forms, long seriesId) {
    List<FieldDefinition> fields = new ArrayList<>();
    fields.add(FieldDefinition.of("c_age", FieldType.INTEGER, "Age (custom)", null));
    fields.add(choice("c_sex", "sex"));
    fields.add(FieldDefinition.of("c_bmi", FieldType.DECIMAL, "BMI (custom)", null));
    fields.add(choice("c_asa", "asa_class"));
    fields.add(choice("c_histology", "histology"));
    fields.add(choice("c_abdominal", "abdominal_approach"));
    fields.add(FieldDefinition.of("c_conduit_time", FieldType.INTEGER, "Conduit time", null));
    fields.add(FieldDefinition.of("c_los", FieldType.INTEGER, "Length of stay (custom)", null));
    fields.add(FieldDefinition.of("c_cci", FieldType.DECIMAL, "CCI (custom)", null));
    List<Choice> stages = new ArrayList<>();
    for (String code :
        new String[] {
          "STAGE_0", "I", "IA", "IB", "IC", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC", "IV",
          "IVA", "IVB"
        }) {
      stages.add(new Choice(code, code, null, false));
    }
    fields.add(
        FieldDefinition.of("c_stage", FieldType.SINGLE_CHOICE, "Stage (custom)", null).toBuilder()
            .choices(stages)
            .build());
    forms.initialise(
        seriesId,
        new FormDefinition(
            FormTemplate.ESOPHAGECTOMY_MODULES,
            List.of(new SectionDefinition("bench", "Benchmark", null, false, false, fields))),
        "benchmark");
    jdbc.update(
        "insert into case_custom_section (case_id, section_key, field_values, updated_by)"
            + " select c.id, 'bench', jsonb_strip_nulls(jsonb_build_object('c_age',"
            + " pa.age_years, 'c_sex', pa.sex, 'c_bmi', c.bmi, 'c_asa', pa.asa_class,"
            + " 'c_histology', tu.histology, 'c_abdominal', op.abdominal_approach,"
            + " 'c_conduit_time', op.conduit_time_min, 'c_los', c.length_of_stay_days, 'c_cci',"
            + " c.cci, 'c_stage', c.pathological_stage)), 'benchmark' from surgical_case c left"
            + " join case_patient pa on pa.case_id = c.id left join case_tumour tu on tu.case_id ="
            + " c.id left join case_operation op on op.case_id = c.id where c.series_id = ?",
        seriesId);
    // As autovacuum would soon after a bulk load (the synthetic registry does the same for the
    // built-in side): without statistics, the planner takes the 33,000 kept counts the insert's
    // trigger wrote for one row, and sorts them instead of hashing (136-219 ms against 71 ms).
    jdbc.execute("vacuum analyze case_custom_section");
    jdbc.execute("vacuum analyze case_custom_value_count");
  }

  private static FieldDefinition choice(String name, String builtIn) {
    List<Choice> choices =
        CaseVariables.get(builtIn).options().stream()
            .map(option -> new Choice(option.code(), option.code(), null, false))
            .toList();
    return FieldDefinition.of(name, FieldType.SINGLE_CHOICE, name, null).toBuilder()
        .choices(choices)
        .build();
  }
}
