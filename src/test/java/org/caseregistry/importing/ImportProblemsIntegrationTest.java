package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A file with one mistake of every kind: each is reported once, with sheet, row, column and the
 * value as given; neither the dry run nor a commit writes anything.
 */
@IntegrationTest
class ImportProblemsIntegrationTest {

  static final List<String> TABLES =
      List.of(
          "surgical_case",
          "case_patient",
          "case_tumour",
          "case_operation",
          "case_postop",
          "case_complication",
          "case_node_group",
          "case_followup",
          "case_audit");

  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyKindOfMistakeIsReportedOnceAndNothingIsWritten() {
    HospitalSite mine = testAccounts.site();
    HospitalSite notMine = testAccounts.site();
    HospitalSite outside = testAccounts.site();
    CaseSeries series = fixtures.series(mine, notMine);
    String existing =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?",
            String.class,
            fixtures.newCase(series, mine));
    var surgeon = testAccounts.account(Role.SURGEON, mine);
    CurrentAccount account =
        new CurrentAccount(
            surgeon.getId(), surgeon.getUsername(), "Surgeon", Role.SURGEON, Set.of(mine.getId()));

    ImportFiles.Book book = new ImportFiles.Book();
    book.sheet(
        "cases",
        List.of(
            "study_code",
            "site_code",
            "sex",
            "age_years",
            "height_cm",
            "ct",
            "tumour_location",
            "operation_date",
            "discharge_date",
            "bmi",
            "favourite_colour",
            "node_field",
            ""));
    book.sheet("nodes", List.of("study_code", "node_field", "nodes_positive", "nodes_examined"));
    book.sheet("complications", List.of("study_code", "complication_type", "clavien_dindo"));
    book.sheet("followup", List.of("study_code", "visit_month", "visit_date"));
    book.sheet("notes", List.of("anything"));
    String a = mine.getCode();
    // Row 2: correct, with labels, a decimal comma and a day-first date.
    book.row(
        "cases",
        cells(
            "study_code",
            "OK1",
            "site_code",
            a.toLowerCase(),
            "sex",
            "Nam",
            "age_years",
            "61",
            "height_cm",
            "160,5",
            "ct",
            "t1a",
            "tumour_location",
            "Lower third",
            "operation_date",
            "10/03/2022",
            "discharge_date",
            "2022-03-20",
            "bmi",
            "99"));
    book.row("cases", cells("study_code", "BADCODE", "site_code", a, "sex", "XYZ"));
    book.row("cases", cells("study_code", "RANGE", "site_code", a, "age_years", "130"));
    book.row(
        "cases", cells("study_code", "BADDATE", "site_code", a, "operation_date", "2022-13-45"));
    book.row("cases", cells("study_code", "ok1", "site_code", a));
    book.row("cases", cells("study_code", existing, "site_code", a));
    book.row(
        "cases",
        cells(
            "study_code",
            "DATES",
            "site_code",
            a,
            "operation_date",
            "2022-03-10",
            "discharge_date",
            "2022-03-01"));
    book.row("cases", cells("study_code", "NOSITE", "site_code", "ZZZ-NO-SUCH"));
    book.row("cases", cells("study_code", "OUTSIDE", "site_code", outside.getCode()));
    book.row("cases", cells("study_code", "NOTMINE", "site_code", notMine.getCode()));
    book.row(
        "cases", cells("study_code", "MISSING", "site_code", a, "height_cm", "NOT_APPLICABLE"));
    book.row("cases", cells("study_code", "", "site_code", a, "sex", "MALE"));
    book.row("cases", List.of("", "", "", "", "", "", "", "", "", "", "", "", ""));
    book.row(
        "nodes",
        cells(
            "study_code",
            "OK1",
            "node_field",
            "Ngực",
            "nodes_positive",
            "5",
            "nodes_examined",
            "3"));
    book.row(
        "nodes",
        cells(
            "study_code",
            "GHOST",
            "node_field",
            "THORACIC",
            "nodes_positive",
            "0",
            "nodes_examined",
            "3"));
    book.row(
        "complications",
        cells(
            "study_code", "OK1", "complication_type", "ANASTOMOTIC_LEAK", "clavien_dindo", "IIIa"));
    book.row(
        "followup", cells("study_code", "OK1", "visit_month", "1", "visit_date", "2022-03-01"));
    byte[] file = ImportFiles.xlsx(book);

    Map<String, Long> before = counts();
    ImportReport report =
        importService.check(series.getId(), "mistakes.xlsx", file, false, account);

    assertThat(report.problems())
        .extracting(
            ImportProblem::sheet,
            ImportProblem::row,
            ImportProblem::column,
            ImportProblem::value,
            ImportProblem::messageKey)
        .containsExactlyInAnyOrder(
            tuple("notes", null, null, null, "import.sheet.unknown"),
            tuple("cases", 1, "favourite_colour", "favourite_colour", "import.column.unknown"),
            tuple("cases", 1, "node_field", "node_field", "import.column.wrong-sheet"),
            tuple("cases", 3, "sex", "XYZ", "value.unknown-code"),
            tuple("cases", 4, "age_years", "130", "value.out-of-range"),
            tuple("cases", 5, "operation_date", "2022-13-45", "value.not-date"),
            tuple("cases", 6, "study_code", "ok1", "import.study-code.duplicate"),
            tuple("cases", 7, "study_code", existing, "import.case.exists"),
            tuple("cases", 8, "operation_date", "2022-03-10", "error.date-after"),
            tuple("cases", 9, "site_code", "ZZZ-NO-SUCH", "import.site.unknown"),
            tuple("cases", 10, "site_code", outside.getCode(), "import.site.not-in-series"),
            tuple("cases", 11, "site_code", notMine.getCode(), "import.site.not-yours"),
            tuple("cases", 12, "height_cm", "NOT_APPLICABLE", "value.unknown-code"),
            tuple("cases", 13, "study_code", "", "import.study-code.required"),
            tuple("nodes", 2, "nodes_positive", "5", "error.positive-exceeds-examined"),
            tuple("nodes", 3, "study_code", "GHOST", "import.list.unknown-case"),
            tuple("followup", 2, "visit_date", "2022-03-01", "error.date-before"));
    assertThat(
            report.problems().stream()
                .filter(p -> "cases".equals(p.sheet()) && Integer.valueOf(6).equals(p.row())))
        .singleElement()
        .satisfies(p -> assertThat(p.arguments()).containsExactly(2));
    assertThat(report.notes())
        .extracting(ImportNote::messageKey)
        .contains("import.note.derived-ignored");
    assertThat(report.written()).isFalse();
    assertThat(counts()).isEqualTo(before);

    ImportReport commit =
        importService.commit(series.getId(), "mistakes.xlsx", file, false, account);
    assertThat(commit.written()).isFalse();
    assertThat(commit.problems()).hasSameSizeAs(report.problems());
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  static Map<String, String> cells(String... pairs) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      cells.put(pairs[i], pairs[i + 1]);
    }
    return cells;
  }
}
