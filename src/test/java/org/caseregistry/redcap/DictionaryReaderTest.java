package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.ChoiceStyle;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.junit.jupiter.api.Test;

class DictionaryReaderTest {

  static final String HEADING =
      String.join(
              ",",
              DictionaryColumns.HEADINGS.stream().map(heading -> RedcapCsv.quote(heading)).toList())
          + "\n";

  private final DictionaryReader reader = new DictionaryReader();

  static byte[] resource(String name) throws IOException {
    try (InputStream in = DictionaryReaderTest.class.getResourceAsStream("/redcap/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] dictionary(String... rows) {
    return (HEADING + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyRowNotTakenAsItIsIsListedWithItsLineAndReason() throws IOException {
    DictionaryReading reading = reader.read(resource("ecmo-dictionary.csv"));

    assertThat(reading.problems())
        .extracting(
            DictionaryProblem::row,
            DictionaryProblem::field,
            DictionaryProblem::severity,
            DictionaryProblem::messageKey)
        .containsExactly(
            tuple(4, "dob", Severity.CHANGED, "redcap.problem.limit_unsupported"),
            tuple(11, "phone", Severity.CHANGED, "redcap.problem.validation_not_checked"),
            tuple(12, "consent_form", Severity.SKIPPED, "redcap.problem.type_unsupported"),
            tuple(13, "site_lookup", Severity.SKIPPED, "redcap.problem.type_unsupported"),
            tuple(22, "pain_score", Severity.SKIPPED, "redcap.problem.type_unsupported"),
            tuple(23, "lactate", Severity.CHANGED, "redcap.problem.action_tags"),
            tuple(24, "shock_index", Severity.SKIPPED, "redcap.problem.calculation_unsupported"),
            tuple(25, "skin_symptoms", Severity.CHANGED, "redcap.problem.matrix_not_kept"),
            tuple(26, "severity", Severity.SKIPPED, "redcap.problem.choices_invalid"),
            tuple(32, "signature", Severity.SKIPPED, "redcap.problem.type_unsupported"));
    assertThat(reading.problems().get(0).args()).containsExactly("today");
    assertThat(reading.problems().get(4).args()).containsExactly("slider");
    assertThat(reading.problems().get(5).args()).containsExactly("@HIDDEN-SURVEY @READONLY");
    assertThat(reading.problems().get(6).args().get(0).toString()).contains("log");
    assertThat(reading.problems().get(8).args()).containsExactly("1, Moderate");
    assertThat(reading.problems().get(9).args()).containsExactly("signature");
    assertThat(reading.applicable()).isTrue();
    assertThat(reading.recordIdField()).isEqualTo("record_id");
  }

  @Test
  void formsBecomeSectionsAndFieldTypesMapOntoTheRegistrysOwn() throws IOException {
    FormDefinition form = reader.read(resource("ecmo-dictionary.csv")).form();

    assertThat(form.modules()).isEmpty();
    assertThat(form.sections())
        .extracting(s -> s.key(), s -> s.labelEn())
        .containsExactly(
            tuple("demographics", "Demographics"),
            tuple("shock_event", "Shock event"),
            tuple("ecmo", "Ecmo"));
    assertThat(form.field("record_id")).isEmpty();
    assertThat(form.fields())
        .extracting(FieldDefinition::name, FieldDefinition::type)
        .contains(
            tuple("patient_initials", FieldType.TEXT),
            tuple("age", FieldType.INTEGER),
            tuple("gender", FieldType.SINGLE_CHOICE),
            tuple("weight", FieldType.DECIMAL),
            tuple("body_mass_index", FieldType.CALCULATED),
            tuple("admission_date", FieldType.DATE),
            tuple("admission_time", FieldType.TIME),
            tuple("vasopressors", FieldType.MULTIPLE_CHOICE),
            tuple("cardiac_arrest", FieldType.YES_NO),
            tuple("weaned", FieldType.SINGLE_CHOICE),
            tuple("ecmo_info", FieldType.DESCRIPTIVE),
            tuple("course_notes", FieldType.LONG_TEXT));
    assertThat(form.field("consent_form")).isEmpty();
    assertThat(form.field("shock_index")).isEmpty();

    FieldDefinition age = form.field("age").orElseThrow();
    assertThat(age.min()).isEqualTo("0");
    assertThat(age.max()).isEqualTo("120");
    assertThat(age.required()).isTrue();
    assertThat(age.validation()).isNull();
    assertThat(form.field("patient_initials").orElseThrow().identifier()).isTrue();
    assertThat(form.field("weight").orElseThrow().validation()).isEqualTo("number_1dp");
    assertThat(form.field("admission_date").orElseThrow().validation()).isEqualTo("date_dmy");
    assertThat(form.field("admission_date").orElseThrow().min()).isEqualTo("2015-01-01");
    assertThat(form.field("dob").orElseThrow().max()).isNull();
    assertThat(form.field("gender").orElseThrow().style()).isEqualTo(ChoiceStyle.RADIO);
    assertThat(form.field("allergen").orElseThrow().choices())
        .extracting(c -> c.code(), c -> c.labelEn())
        .startsWith(tuple("1", "Drug"))
        .endsWith(tuple("99", "Other"));
    assertThat(form.field("weaned").orElseThrow().choices())
        .extracting(c -> c.code())
        .containsExactly("1", "0");
    assertThat(form.field("arrest_duration_min").orElseThrow().showIf())
        .isEqualTo("[cardiac_arrest] = '1' and [age] >= 18");
    assertThat(form.field("vasopressin_dose").orElseThrow().showIf())
        .isEqualTo("[vasopressors(3)] = '1' or [vasopressors(4)] = '1'");
    assertThat(form.field("ecmo_days").orElseThrow().calculation())
        .isEqualTo("datediff([ecmo_start],[ecmo_end],\"d\")");
    assertThat(form.field("height").orElseThrow().hintEn()).isEqualTo("in cm, without shoes");
    assertThat(form.field("course_notes").orElseThrow().hintEn()).isEqualTo("Free text,\nno names");
    assertThat(form.field("admission_date_header").orElseThrow().labelEn())
        .isEqualTo("Anaphylactic shock");
    assertThat(form.field("lactate").orElseThrow().type()).isEqualTo(FieldType.DECIMAL);
  }

  @Test
  void aFileThatIsNotADictionaryIsRefused() {
    DictionaryReading reading =
        reader.read("study_code,age\nBN1,45\n".getBytes(StandardCharsets.UTF_8));

    assertThat(reading.applicable()).isFalse();
    assertThat(reading.problems())
        .extracting(DictionaryProblem::messageKey)
        .containsExactly("redcap.problem.not_a_dictionary");
  }

  @Test
  void namesThatClashOrRepeatOrBreakTheRulesRefuseTheFile() {
    DictionaryReading reading =
        reader.read(
            dictionary(
                "record_id,main,,text,Record ID,,,,,,,,,,,,,",
                "age_years,main,,text,Age,,,integer,,,,,,,,,,",
                "weight,main,,text,Weight,,,number,,,,,,,,,,",
                "weight,main,,text,Weight again,,,number,,,,,,,,,,",
                "Bad-Name,main,,text,Bad,,,,,,,,,,,,,",
                "site,main,,text,Site,,,,,,,,,,,,,"));

    assertThat(reading.applicable()).isFalse();
    assertThat(reading.problems())
        .extracting(DictionaryProblem::row, DictionaryProblem::messageKey)
        .containsExactly(
            tuple(3, "redcap.problem.builtin_clash"),
            tuple(5, "redcap.problem.field_name_duplicate"),
            tuple(6, "redcap.problem.field_name_invalid"),
            tuple(7, "form.problem.name-built-in"));
  }

  @Test
  void aFormNamedByAModuleMustHoldExactlyThatModulesVariables() {
    DictionaryReading reading =
        reader.read(
            dictionary(
                "record_id,adjuvant,,text,Record ID,,,,,,,,,,,,,",
                "adjuvant_therapy,adjuvant,,dropdown,Adjuvant,\"NONE, None\",,,,,,,,,,,,",
                "my_note,adjuvant,,text,Note,,,,,,,,,,,,,"));

    assertThat(reading.applicable()).isFalse();
    assertThat(reading.problems()).hasSize(1);
    DictionaryProblem problem = reading.problems().get(0);
    assertThat(problem.messageKey()).isEqualTo("redcap.problem.module_mismatch");
    assertThat(problem.row()).isEqualTo(3);
    assertThat(problem.args())
        .containsExactly("adjuvant", "adjuvant_start_date, adjuvant_regimen", "my_note");
  }

  @Test
  void branchingThatReadsAFieldTheFormLacksIsDroppedAndSaid() {
    DictionaryReading reading =
        reader.read(
            dictionary(
                "record_id,main,,text,Record ID,,,,,,,,,,,,,",
                "dose,main,,text,Dose,,,number,,,,[drug] = '1',,,,,,",
                "score,main,,calc,Score,[dose] * [missing_field],,,,,,,,,,,,",
                "flag,main,,yesno,Flag,,,,,,,[event_1_arm_1][x] = '1',,,,,,"));

    assertThat(reading.problems())
        .extracting(DictionaryProblem::field, DictionaryProblem::severity)
        .containsExactly(
            tuple("dose", Severity.CHANGED),
            tuple("score", Severity.SKIPPED),
            tuple("flag", Severity.CHANGED));
    assertThat(reading.problems().get(0).args()).containsExactly("[drug]");
    assertThat(reading.form().field("dose").orElseThrow().showIf()).isNull();
    assertThat(reading.form().field("score")).isEmpty();
  }

  @Test
  void theRegistrysOwnAnnotationEntriesAreTakenAndOtherTextIsReported() {
    DictionaryReading reading =
        reader.read(
            dictionary(
                "record_id,main,,text,Record ID,,,,,,,,,,,,,",
                "temp,main,,text,Temperature,,,number,,,,,,,,,,\"registry:label_vi=Nhiệt độ"
                    + "\nregistry:unit=°C\nregistry:usual_min=35\nregistry:usual_max=39\"",
                "memo,main,,text,Memo,,,,,,,,,,,,,Checked by the monitor",
                "other,main,,text,Other,,,,,,,,,,,,,registry:colour=red"));

    assertThat(reading.problems())
        .extracting(DictionaryProblem::field, DictionaryProblem::messageKey)
        .containsExactly(
            tuple("memo", "redcap.problem.annotation_not_kept"),
            tuple("other", "redcap.problem.annotation_unknown"));
    FieldDefinition temp = reading.form().field("temp").orElseThrow();
    assertThat(temp.labelVi()).isEqualTo("Nhiệt độ");
    assertThat(temp.unit()).isEqualTo("°C");
    assertThat(temp.usualMin()).isEqualTo("35");
    assertThat(temp.usualMax()).isEqualTo("39");
  }

  @Test
  void aModuleFormWithExactlyItsVariablesSwitchesTheModuleOn() {
    byte[] file =
        new DictionaryWriter(key -> null)
            .write(new FormDefinition(List.of(Section.ADJUVANT), List.of()));

    DictionaryReading reading = reader.read(file);

    assertThat(reading.problems()).isEmpty();
    assertThat(reading.form().modules()).containsExactly(Section.ADJUVANT);
    assertThat(reading.form().sections()).isEmpty();
  }
}
