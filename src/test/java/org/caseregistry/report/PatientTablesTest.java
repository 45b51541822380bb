package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-patient tables' cells and overall column, from records made by hand. */
class PatientTablesTest {

  private final PatientTables tables =
      new PatientTables(new StubLabels(), new ReportFormat(Locale.ENGLISH));

  private static PatientRecord patient(
      String code,
      Map<String, Object> values,
      Map<String, String> reasons,
      Map<String, int[]> nodes) {
    return new PatientRecord(
        code.hashCode(),
        code,
        "S",
        new HashMap<>(values),
        reasons,
        nodes,
        List.of(),
        Map.of(),
        PatientRecord.CustomValues.none());
  }

  private static List<String> row(ReportTable table, String label) {
    return table.rows().stream()
        .filter(row -> row.cells().get(0).text().equals(label))
        .findFirst()
        .orElseThrow()
        .cells()
        .stream()
        .map(ReportTable.Cell::text)
        .toList();
  }

  @Test
  void numberRowsShowTheMeanAndSayWhenValuesAreMissing() {
    List<PatientRecord> patients =
        List.of(
            patient(
                "BN1", Map.of("age_at_surgery", 62, "conduit_time_min", 45), Map.of(), Map.of()),
            patient(
                "BN2",
                Map.of("age_at_surgery", 57),
                Map.of("conduit_time_min", "UNKNOWN"),
                Map.of()),
            patient(
                "BN3", Map.of("age_at_surgery", 56, "conduit_time_min", 40), Map.of(), Map.of()));
    List<ReportTable> built =
        tables.build(patients, List.of(PatientRow.AGE, PatientRow.CONDUIT_TIME));
    assertThat(built).hasSize(2);
    assertThat(row(built.get(0), "report.row.age"))
        .containsExactly("report.row.age", "62", "57", "56", "58.3", "report.statistic.mean");
    assertThat(row(built.get(1), "report.row.conduit_time"))
        .containsExactly(
            "report.row.conduit_time",
            "45",
            "report.cell.unknown",
            "40",
            "42.5",
            "report.statistic.mean-of[2,3]");
    ReportTable.Cell overall = built.get(0).rows().get(0).cells().get(4);
    assertThat(overall.numeric()).isTrue();
    assertThat(overall.number().setScale(4, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo(new BigDecimal("58.3333"));
    assertThat(overall.decimals()).isEqualTo(1);
  }

  @Test
  void categoricalRowsCountTheReferenceCodeOrTheMostFrequentAmongKnownValues() {
    List<PatientRecord> patients =
        List.of(
            patient(
                "BN1",
                Map.of("abdominal_approach", "LAPAROSCOPIC", "asa_class", "II"),
                Map.of(),
                Map.of()),
            patient(
                "BN2",
                Map.of("abdominal_approach", "OPEN", "asa_class", "III"),
                Map.of(),
                Map.of()),
            patient(
                "BN3",
                Map.of("abdominal_approach", "OPEN", "asa_class", "III"),
                Map.of(),
                Map.of()),
            patient("BN4", Map.of("abdominal_approach", "UNKNOWN"), Map.of(), Map.of()));
    ReportTable built =
        tables
            .build(patients, List.of(PatientRow.ASA_CLASS, PatientRow.ABDOMINAL_APPROACH))
            .stream()
            .filter(t -> t.id().equals("patients-preoperative"))
            .findFirst()
            .orElseThrow();
    assertThat(row(built, "report.row.asa_class"))
        .containsExactly(
            "report.row.asa_class",
            "II",
            "III",
            "III",
            "report.cell.not-entered",
            "2/3",
            "report.statistic.count-of[III]");
    ReportTable operative = tables.build(patients, List.of(PatientRow.ABDOMINAL_APPROACH)).get(0);
    assertThat(row(operative, "report.row.abdominal_approach"))
        .containsExactly(
            "report.row.abdominal_approach",
            "LAPAROSCOPIC",
            "OPEN",
            "OPEN",
            "UNKNOWN",
            "1/3",
            "report.statistic.count-of[LAPAROSCOPIC]");
  }

  @Test
  void complicationRowsListTheComplicationsOrSayNoneOrYes() {
    List<PatientRecord> patients =
        List.of(
            new PatientRecord(
                1,
                "BN1",
                "S",
                new HashMap<>(Map.of("any_complication", "YES")),
                Map.of(),
                Map.of(),
                List.of("DELAYED_CONDUIT_EMPTYING", "PNEUMONIA"),
                Map.of(),
                PatientRecord.CustomValues.none()),
            patient("BN2", Map.of("any_complication", "NO"), Map.of(), Map.of()),
            patient("BN3", Map.of("any_complication", "YES"), Map.of(), Map.of()),
            patient("BN4", Map.of(), Map.of(), Map.of()));
    ReportTable built = tables.build(patients, List.of(PatientRow.EARLY_COMPLICATIONS)).get(0);
    assertThat(row(built, "report.row.early_complications"))
        .containsExactly(
            "report.row.early_complications",
            "DELAYED_CONDUIT_EMPTYING; PNEUMONIA",
            "report.cell.none",
            "YES",
            "report.cell.not-entered",
            "2/3",
            "report.statistic.with-complication");
  }

  @Test
  void nodeRowsCountPatientsWithAPositiveNodeAndTnmRowsJoinTheCategories() {
    List<PatientRecord> patients =
        List.of(
            patient(
                "BN1",
                Map.of("path_prefix", "P", "pt", "T3", "pn", "N0", "pm", "M0"),
                Map.of(),
                Map.of("THORACIC", new int[] {0, 8})),
            patient(
                "BN2",
                Map.of("path_prefix", "YP", "pt", "T2", "pn", "N1"),
                Map.of(),
                Map.of("THORACIC", new int[] {1, 10})),
            patient("BN3", Map.of(), Map.of(), Map.of()));
    ReportTable built =
        tables.build(patients, List.of(PatientRow.THORACIC_NODES, PatientRow.PTNM)).get(0);
    assertThat(row(built, "report.row.thoracic_nodes"))
        .containsExactly(
            "report.row.thoracic_nodes",
            "0/8",
            "1/10",
            "report.cell.not-entered",
            "1/2",
            "report.statistic.positive-nodes");
    assertThat(row(built, "report.row.ptnm").subList(1, 4))
        .containsExactly("pT3N0M0", "ypT2N1MX", "report.cell.not-entered");
  }
}
