package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.caseregistry.testing.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bulk path reads and writes with a number of statements that does not grow with the number of
 * cases (beyond one more per 1,000 updated or 20,000 inserted rows): no case is reloaded one by
 * one, no row is written one by one.
 */
@IntegrationTest
class ImportStatementsIntegrationTest {

  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired StatementCounter statements;

  final CurrentAccount admin =
      new CurrentAccount(0, "statements", "Statements", Role.ADMIN, Set.of());

  @Test
  void creatingAndUpdatingTenOrTwoHundredCasesCostsTheSameStatements() {
    assertThat(statementsFor(10)).isEqualTo(statementsFor(200));
  }

  /**
   * Statements of: dry run, commit of new cases, dry run and commit of an update of all of them.
   */
  private List<Long> statementsFor(int cases) {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    byte[] created = file(site, cases, "60");
    byte[] updated = file(site, cases, "61");
    statements.reset();
    importService.check(series.getId(), "a.xlsx", created, false, admin);
    long check = statements.count();
    statements.reset();
    assertThat(importService.commit(series.getId(), "a.xlsx", created, false, admin).written())
        .isTrue();
    long create = statements.count();
    statements.reset();
    importService.check(series.getId(), "b.xlsx", updated, true, admin);
    long checkUpdate = statements.count();
    statements.reset();
    assertThat(importService.commit(series.getId(), "b.xlsx", updated, true, admin).updatedCases())
        .isEqualTo(cases);
    long update = statements.count();
    return List.of(check, create, checkUpdate, update);
  }

  private static byte[] file(HospitalSite site, int cases, String age) {
    ImportFiles.Book book =
        new ImportFiles.Book()
            .sheet("cases", List.of("study_code", "site_code", "age_years", "operation_date"))
            .sheet("nodes", List.of("study_code", "node_field", "nodes_positive", "nodes_examined"))
            .sheet("followup", List.of("study_code", "visit_month"));
    for (int i = 0; i < cases; i++) {
      book.row("cases", List.of("S" + i, site.getCode(), age, "2022-01-0" + (1 + i % 9)));
      book.row("nodes", List.of("S" + i, "THORACIC", "0", age.equals("60") ? "10" : "11"));
      if (age.equals("61")) {
        book.row("nodes", List.of("S" + i, "ABDOMINAL", "0", "5"));
      }
      book.row("followup", List.of("S" + i, "1"));
    }
    return ImportFiles.xlsx(book);
  }
}
