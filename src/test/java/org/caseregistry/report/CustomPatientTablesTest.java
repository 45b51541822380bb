package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.junit.jupiter.api.Test;

/** Custom per-patient rows, without a database: which rows are offered, and how each type reads. */
class CustomPatientTablesTest {

  private static final FieldDefinition COMPLICATIONS =
      FieldDefinition.of("compl", FieldType.MULTIPLE_CHOICE, "Complications", null).toBuilder()
          .choices(
              List.of(
                  new Choice("1", "Bleeding", "Chảy máu", false),
                  new Choice("2", "Infection", "Nhiễm khuẩn", false)))
          .build();

  private static final SectionDefinition ECMO =
      new SectionDefinition(
          "ecmo",
          "ECMO",
          "ECMO",
          false,
          false,
          List.of(
              FieldDefinition.of("start", FieldType.DATE, "Start", null),
              FieldDefinition.of("days", FieldType.INTEGER, "Days", null).toBuilder()
                  .unit("d")
                  .build(),
              COMPLICATIONS,
              FieldDefinition.of("note", FieldType.TEXT, "Note", null),
              FieldDefinition.of("mrn", FieldType.INTEGER, "MRN", null).toBuilder()
                  .identifier(true)
                  .build()));

  private static final SectionDefinition DOSES =
      new SectionDefinition(
          "doses",
          "Doses",
          "Liều",
          true,
          false,
          List.of(FieldDefinition.of("mg", FieldType.DECIMAL, "mg", null)));

  private static final FormDefinition FORM = new FormDefinition(List.of(), List.of(ECMO, DOSES));

  @Test
  void freeTextAndIdentifiersAreNotOfferedAndARepeatingSectionIsItsItemCount() {
    assertThat(CustomPatientRows.offered(FORM))
        .extracting(CustomPatientRows.Row::id)
        .containsExactly("custom:start", "custom:days", "custom:compl", "custom-items:doses");
    assertThat(CustomPatientRows.chosen(FORM, List.of("custom-items:doses", "custom:mrn", "x")))
        .extracting(CustomPatientRows.Row::id)
        .containsExactly("custom-items:doses");
  }

  @Test
  void eachTypeReadsAsTheBuiltInRowsDo() {
    List<PatientRecord> patients =
        List.of(
            patient(
                "BN1",
                Map.of("start", LocalDate.of(2026, 3, 1), "days", 4, "compl", List.of("1", "2")),
                Map.of(),
                2),
            patient("BN2", Map.of("compl", List.of()), Map.of("days", "NOT_APPLICABLE"), 0),
            patient(
                "BN3",
                Map.of("start", LocalDate.of(2026, 1, 9), "days", 6, "compl", List.of("2")),
                Map.of(),
                1));
    List<ReportTable> tables =
        new PatientTables(new StubLabels(), new ReportFormat(Locale.ENGLISH))
            .build(patients, List.of(), CustomPatientRows.offered(FORM));
    assertThat(tables).extracting(ReportTable::title).containsExactly("ECMO", "Doses");
    assertThat(texts(tables.get(0).rows().get(0)))
        .containsExactly(
            "Start",
            "2026-03-01",
            "report.cell.not-entered",
            "2026-01-09",
            "2026-01-09 – 2026-03-01",
            "report.statistic.range");
    assertThat(texts(tables.get(0).rows().get(1)))
        .containsExactly(
            "Days (d)",
            "4",
            "report.cell.not-applicable",
            "6",
            "5.0",
            "report.statistic.mean-of[2,3]");
    assertThat(texts(tables.get(0).rows().get(2)))
        .containsExactly(
            "Complications",
            "Bleeding; Infection",
            "report.cell.none",
            "Infection",
            "2/3",
            "report.statistic.count-of[Infection]");
    assertThat(texts(tables.get(1).rows().get(0)))
        .containsExactly(
            "report.patients.items[Doses]", "2", "0", "1", "1.0", "report.statistic.mean");
  }

  private static PatientRecord patient(
      String code, Map<String, Object> values, Map<String, String> reasons, int doses) {
    PatientRecord.CustomValues custom =
        new PatientRecord.CustomValues(
            new HashMap<>(values), new HashMap<>(reasons), new HashMap<>(Map.of("doses", doses)));
    return new PatientRecord(
        code.hashCode(),
        code,
        "S",
        new HashMap<>(),
        Map.of(),
        Map.of(),
        List.of(),
        Map.of(),
        custom);
  }

  private static List<String> texts(ReportTable.Row row) {
    return row.cells().stream().map(ReportTable.Cell::text).toList();
  }
}
