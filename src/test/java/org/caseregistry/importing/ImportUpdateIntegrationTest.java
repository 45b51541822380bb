package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Update existing cases": present columns replace, absent ones keep, a list sheet replaces the
 * lists; every changed field is audited as a form save would audit it and the derived values
 * follow. A commit that fails while writing leaves everything as it was.
 */
@IntegrationTest
class ImportUpdateIntegrationTest {

  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.caseregistry.cases.CaseService caseService;

  final CurrentAccount admin =
      new CurrentAccount(0, "update-test", "Update test", Role.ADMIN, Set.of());
  HospitalSite site;
  CaseSeries series;

  @BeforeEach
  void twoImportedCases() {
    site = testAccounts.site();
    series = fixtures.series(site);
    ImportFiles.Book book =
        new ImportFiles.Book()
            .sheet(
                "cases",
                List.of(
                    "study_code",
                    "site_code",
                    "sex",
                    "age_years",
                    "comorbidities",
                    "blood_loss_ml"))
            .sheet("nodes", List.of("study_code", "node_field", "nodes_positive", "nodes_examined"))
            .sheet("complications", List.of("study_code", "complication_type", "clavien_dindo"));
    book.row("cases", List.of("X1", site.getCode(), "MALE", "61", "COPD", "200"));
    book.row("cases", List.of("Y1", site.getCode(), "FEMALE", "55", "", "150"));
    book.row("nodes", List.of("X1", "THORACIC", "1", "5"));
    book.row("nodes", List.of("X1", "ABDOMINAL", "0", "10"));
    book.row("complications", List.of("X1", "PNEUMONIA", "II"));
    assertThat(
            importService
                .commit(series.getId(), "first.xlsx", ImportFiles.xlsx(book), false, admin)
                .written())
        .isTrue();
  }

  @Test
  void updatesAuditEveryChangedFieldAndRecomputeTheDerivedValues() {
    ImportFiles.Book book =
        new ImportFiles.Book()
            .sheet("cases", List.of("study_code", "site_code", "sex", "age_years", "blood_loss_ml"))
            .sheet("nodes", List.of("study_code", "node_field", "nodes_positive", "nodes_examined"))
            .sheet("complications", List.of("study_code", "complication_type", "clavien_dindo"));
    book.row("cases", List.of("x1", site.getCode(), "Male", "62", "UNKNOWN"));
    book.row("cases", List.of("Y1", site.getCode(), "FEMALE", "55", "150"));
    book.row("nodes", List.of("X1", "THORACIC", "1", "5"));
    book.row("nodes", List.of("X1", "ABDOMINAL", "0", "12"));
    book.row("nodes", List.of("X1", "Cổ", "0", "3"));
    book.row("nodes", List.of("Y1", "", "", ""));
    byte[] file = ImportFiles.xlsx(book);

    ImportReport withoutUpdate =
        importService.check(series.getId(), "update.xlsx", file, false, admin);
    assertThat(withoutUpdate.problems())
        .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
        .containsExactly(
            tuple(2, "study_code", "import.case.exists"),
            tuple(3, "study_code", "import.case.exists"));

    ImportReport dryRun = importService.check(series.getId(), "update.xlsx", file, true, admin);
    assertThat(dryRun.problems()).isEmpty();
    assertThat(dryRun.updatedCases()).isEqualTo(1);
    assertThat(dryRun.unchangedCases()).isEqualTo(1);
    assertThat(dryRun.newCases()).isZero();
    assertThat(dryRun.updates())
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.studyCode()).isEqualTo("X1");
              assertThat(update.fields())
                  .containsExactly(
                      "age_years",
                      "blood_loss_ml",
                      "complication_type (complications 1)",
                      "clavien_dindo (complications 1)",
                      "nodes_examined (nodes 2)",
                      "node_field (nodes 3)",
                      "nodes_positive (nodes 3)",
                      "nodes_examined (nodes 3)");
            });
    long auditBefore = count("select count(*) from case_audit where series_id = ?");

    ImportReport committed = importService.commit(series.getId(), "update.xlsx", file, true, admin);
    assertThat(committed.written()).isTrue();

    long x1 =
        jdbc.queryForObject(
            "select id from surgical_case where series_id = ? and study_code = 'X1'",
            Long.class,
            series.getId());
    List<Map<String, Object>> audit =
        jdbc.queryForList(
            "select action, section, field, old_value, new_value, username from case_audit where"
                + " case_id = ? and change_set = (select change_set from case_audit where case_id ="
                + " ? and new_value = 'update.xlsx') order by id",
            x1,
            x1);
    assertThat(audit)
        .extracting(
            row -> row.get("action"),
            row -> row.get("section"),
            row -> row.get("field"),
            row -> row.get("old_value"),
            row -> row.get("new_value"))
        .containsExactlyInAnyOrder(
            tuple("IMPORT", null, null, null, "update.xlsx"),
            tuple("UPDATE", "PATIENT", "age_years", "61", "62"),
            tuple("UPDATE", "OPERATION", "blood_loss_ml", "200", "[UNKNOWN]"),
            tuple("UPDATE", "NODES", "nodes_examined", "10", "12"),
            tuple("ADD_ITEM", "NODES", "node_field", null, "CERVICAL"),
            tuple("ADD_ITEM", "NODES", "nodes_positive", null, "0"),
            tuple("ADD_ITEM", "NODES", "nodes_examined", null, "3"),
            tuple("DELETE_ITEM", "COMPLICATIONS", "complication_type", "PNEUMONIA", null),
            tuple("DELETE_ITEM", "COMPLICATIONS", "clavien_dindo", "II", null));
    assertThat(audit).allSatisfy(row -> assertThat(row.get("username")).isEqualTo("update-test"));
    assertThat(count("select count(*) from case_audit where series_id = ?"))
        .isEqualTo(auditBefore + audit.size());

    Map<String, Object> derived =
        jdbc.queryForMap(
            "select nodes_positive_total, nodes_examined_total, complication_count,"
                + " worst_clavien_dindo, updated_by from surgical_case where id = ?",
            x1);
    assertThat(derived.get("nodes_examined_total")).isEqualTo(20);
    assertThat(derived.get("complication_count")).isEqualTo(0);
    assertThat(derived.get("worst_clavien_dindo")).isNull();
    Map<String, Object> patient =
        jdbc.queryForMap(
            "select age_years, comorbidities, version, missing_reasons::text as missing from"
                + " case_patient where case_id = ?",
            x1);
    assertThat(patient.get("age_years")).isEqualTo(62);
    assertThat(patient.get("comorbidities"))
        .as("a column the file does not have is kept")
        .isEqualTo("COPD");
    assertThat(patient.get("version")).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select missing_reasons::text from case_operation where case_id = ?",
                String.class,
                x1))
        .isEqualTo("{\"blood_loss_ml\": \"UNKNOWN\"}");
    assertThat(
            jdbc.queryForList(
                "select node_field from case_node_group where case_id = ? order by position, id",
                String.class,
                x1))
        .containsExactly("THORACIC", "ABDOMINAL", "CERVICAL");

    ImportReport again = importService.check(series.getId(), "update.xlsx", file, true, admin);
    assertThat(again.unchangedCases()).isEqualTo(2);
    assertThat(again.committable()).isFalse();
  }

  @Test
  void withdrawnCasesAndCasesOfOtherSitesAreNotUpdated() {
    long y1 =
        jdbc.queryForObject(
            "select id from surgical_case where series_id = ? and study_code = 'Y1'",
            Long.class,
            series.getId());
    caseService.withdraw(y1, "consent withdrawn", admin);
    HospitalSite other = testAccounts.site();
    ImportFiles.Book book =
        new ImportFiles.Book().sheet("cases", List.of("study_code", "site_code", "age_years"));
    book.row("cases", List.of("X1", other.getCode(), "63"));
    book.row("cases", List.of("Y1", site.getCode(), "56"));
    ImportReport report =
        importService.check(series.getId(), "update.xlsx", ImportFiles.xlsx(book), true, admin);
    assertThat(report.problems())
        .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
        .containsExactly(
            tuple(2, "site_code", "import.site.not-in-series"),
            tuple(3, "study_code", "import.case.withdrawn"));
  }

  @Test
  void aCommitThatFailsWhileWritingNewCasesLeavesNothingBehind() {
    ImportFiles.Book book =
        new ImportFiles.Book()
            .sheet("cases", List.of("study_code", "site_code", "age_years"))
            .sheet("followup", List.of("study_code", "visit_month", "followup_notes"));
    for (int i = 0; i < 30; i++) {
      book.row("cases", List.of("N" + i, site.getCode(), "60"));
      book.row("followup", List.of("N" + i, "1", i == 20 ? "FAIL-HERE" : "ok"));
    }
    byte[] file = ImportFiles.xlsx(book);
    assertThat(importService.check(series.getId(), "new.xlsx", file, false, admin).problems())
        .isEmpty();
    Map<String, Long> before = tableCounts();
    withFailureInjected(
        () ->
            assertThatThrownBy(
                    () -> importService.commit(series.getId(), "new.xlsx", file, false, admin))
                .isInstanceOf(DataAccessException.class));
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  void aCommitThatFailsWhileUpdatingLeavesEveryCaseAsItWas() {
    ImportFiles.Book book =
        new ImportFiles.Book()
            .sheet("cases", List.of("study_code", "site_code", "age_years", "blood_loss_ml"))
            .sheet("followup", List.of("study_code", "visit_month", "followup_notes"));
    book.row("cases", List.of("X1", site.getCode(), "70", "300"));
    book.row("cases", List.of("Y1", site.getCode(), "71", "301"));
    book.row("cases", List.of("Z1", site.getCode(), "72", ""));
    book.row("followup", List.of("X1", "1", "ok"));
    book.row("followup", List.of("Z1", "1", "FAIL-HERE"));
    byte[] file = ImportFiles.xlsx(book);
    ImportReport dryRun = importService.check(series.getId(), "update.xlsx", file, true, admin);
    assertThat(dryRun.problems()).isEmpty();
    assertThat(dryRun.updatedCases()).isEqualTo(2);
    assertThat(dryRun.newCases()).isEqualTo(1);
    Map<String, Map<String, Object>> before = CaseSnapshots.of(jdbc, series.getId());
    Map<String, Long> counts = tableCounts();
    withFailureInjected(
        () ->
            assertThatThrownBy(
                    () -> importService.commit(series.getId(), "update.xlsx", file, true, admin))
                .isInstanceOf(DataAccessException.class));
    assertThat(CaseSnapshots.of(jdbc, series.getId())).isEqualTo(before);
    assertThat(tableCounts()).isEqualTo(counts);
  }

  /** A unique-constraint violation raised by the database when a follow-up note says FAIL-HERE. */
  private void withFailureInjected(Runnable test) {
    jdbc.execute(
        "create or replace function import_test_clash() returns trigger language plpgsql as $$"
            + " begin raise exception 'injected clash' using errcode = 'unique_violation'; end $$");
    jdbc.execute(
        "create trigger import_test_clash before insert on case_followup for each row"
            + " when (new.followup_notes = 'FAIL-HERE') execute function import_test_clash()");
    try {
      test.run();
    } finally {
      jdbc.execute("drop trigger import_test_clash on case_followup");
      jdbc.execute("drop function import_test_clash()");
    }
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class, series.getId());
  }

  private Map<String, Long> tableCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : ImportProblemsIntegrationTest.TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put(
        "case_pathology", jdbc.queryForObject("select count(*) from case_pathology", Long.class));
    return counts;
  }
}
