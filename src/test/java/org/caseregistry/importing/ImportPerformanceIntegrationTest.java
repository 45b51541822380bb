package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 10,000 cases with their lists, generated here, import in well under a minute. */
@IntegrationTest
class ImportPerformanceIntegrationTest {

  static final int CASES = 10_000;

  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void tenThousandCasesImportInWellUnderAMinute() {
    HospitalSite first = testAccounts.site();
    HospitalSite second = testAccounts.site();
    CaseSeries series = fixtures.series(first, second);
    long started = System.nanoTime();
    byte[] file = ImportFiles.xlsx(generate(first.getCode(), second.getCode()));
    Duration built = Duration.ofNanos(System.nanoTime() - started);
    CurrentAccount admin = new CurrentAccount(0, "perf-test", "Perf", Role.ADMIN, Set.of());

    started = System.nanoTime();
    ImportReport dryRun = importService.check(series.getId(), "10k.xlsx", file, false, admin);
    Duration checked = Duration.ofNanos(System.nanoTime() - started);
    assertThat(dryRun.problems()).isEmpty();
    assertThat(dryRun.newCases()).isEqualTo(CASES);

    started = System.nanoTime();
    ImportReport committed = importService.commit(series.getId(), "10k.xlsx", file, false, admin);
    Duration written = Duration.ofNanos(System.nanoTime() - started);

    System.out.printf(
        "%n=== Import of %,d cases (%,d rows in 4 sheets, %,d KB XLSX): file built in %.1f s,"
            + " dry run %.1f s, commit (read, check again, write) %.1f s ===%n%n",
        CASES,
        CASES + 2 * CASES + CASES / 4 + CASES,
        file.length / 1024,
        built.toMillis() / 1000.0,
        checked.toMillis() / 1000.0,
        written.toMillis() / 1000.0);
    assertThat(committed.written()).isTrue();
    assertThat(written).isLessThan(Duration.ofSeconds(60));
    assertThat(count("select count(*) from surgical_case where series_id = ?", series.getId()))
        .isEqualTo(CASES);
    assertThat(
            count(
                "select count(*) from case_node_group n join surgical_case c on c.id = n.case_id"
                    + " where c.series_id = ?",
                series.getId()))
        .isEqualTo(2L * CASES);
    assertThat(
            count(
                "select count(*) from case_audit where series_id = ? and action = 'IMPORT'"
                    + " and field = 'study_code'",
                series.getId()))
        .isEqualTo(CASES);
    var sample =
        jdbc.queryForMap(
            "select bmi, clinical_stage, nodes_positive_total, nodes_examined_total,"
                + " length_of_stay_days, pn_from_count from surgical_case where series_id = ? and"
                + " study_code = 'P7'",
            series.getId());
    assertThat(sample.get("bmi").toString()).isEqualTo("22.86");
    assertThat(sample.get("nodes_examined_total")).isEqualTo(25);
    assertThat(sample.get("length_of_stay_days")).isEqualTo(12);
  }

  private long count(String sql, long seriesId) {
    return jdbc.queryForObject(sql, Long.class, seriesId);
  }

  static ImportFiles.Book generate(String siteA, String siteB) {
    ImportFiles.Book book = new ImportFiles.Book();
    book.sheet(
        "cases",
        List.of(
            "study_code",
            "site_code",
            "sex",
            "age_years",
            "height_cm",
            "weight_kg",
            "asa_class",
            "comorbidities",
            "tumour_location",
            "histology",
            "ct",
            "cn",
            "cm",
            "neoadjuvant_therapy",
            "operation_date",
            "thoracic_approach",
            "abdominal_approach",
            "anastomosis_site",
            "lymphadenectomy",
            "conduit",
            "conduit_time_min",
            "operative_time_min",
            "blood_loss_ml",
            "pyloroplasty",
            "chest_drain_removal_pod",
            "ng_tube_removal_pod",
            "oral_intake_pod",
            "discharge_date",
            "any_complication",
            "path_prefix",
            "pt",
            "pn",
            "pm",
            "grade",
            "resection_margin",
            "adjuvant_therapy"));
    book.sheet("nodes", List.of("study_code", "node_field", "nodes_positive", "nodes_examined"));
    book.sheet(
        "complications", List.of("study_code", "complication_type", "clavien_dindo", "onset_pod"));
    book.sheet("followup", List.of("study_code", "visit_month", "followup_status"));
    String[] locations = {"UPPER_THIRD", "MIDDLE_THIRD", "LOWER_THIRD"};
    String[] t = {"T1A", "T1B", "T2", "T3"};
    for (int i = 0; i < CASES; i++) {
      String code = "P" + i;
      boolean complication = i % 4 == 3;
      LocalDate operation = LocalDate.of(2020, 1, 1).plusDays(i % 1000);
      book.row(
          "cases",
          List.of(
              code,
              i % 2 == 0 ? siteA : siteB,
              i % 3 == 0 ? "FEMALE" : "MALE",
              String.valueOf(40 + i % 40),
              "175",
              "70",
              "II",
              "Tăng huyết áp, đái tháo đường",
              locations[i % 3],
              "SQUAMOUS_CELL_CARCINOMA",
              t[i % 4],
              "N0",
              "M0",
              "NONE",
              operation.toString(),
              "THORACOSCOPIC",
              "LAPAROSCOPIC",
              "CERVICAL",
              "TWO_FIELD",
              "WHOLE_STOMACH",
              "40",
              "300",
              "200",
              "NO",
              "4",
              "6",
              "7",
              operation.plusDays(12).toString(),
              complication ? "YES" : "NO",
              "P",
              t[(i + 1) % 4],
              "N0",
              "M0",
              "G2",
              "R0",
              "NONE"));
      book.row("nodes", List.of(code, "THORACIC", "0", "15"));
      book.row("nodes", List.of(code, "ABDOMINAL", "0", "10"));
      if (complication) {
        book.row("complications", List.of(code, "PNEUMONIA", "II", "3"));
      }
      book.row("followup", List.of(code, "1", "WELL"));
    }
    return book;
  }
}
