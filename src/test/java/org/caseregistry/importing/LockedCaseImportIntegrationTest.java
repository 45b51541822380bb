package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.SignOffService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An import that would update a locked case is refused for that case; nothing is written. */
@IntegrationTest
class LockedCaseImportIntegrationTest {

  @Autowired ImportService importService;
  @Autowired SignOffService signOffs;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  final CurrentAccount admin =
      new CurrentAccount(0, "lock-import", "Lock import test", Role.ADMIN, Set.of());

  @Test
  void aLockedCaseIsRefusedByTheImportAndStaysAsItWas() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    ImportFiles.Book first =
        new ImportFiles.Book().sheet("cases", List.of("study_code", "site_code", "age_years"));
    first.row("cases", List.of("L1", site.getCode(), "61"));
    first.row("cases", List.of("L2", site.getCode(), "70"));
    assertThat(
            importService
                .commit(series.getId(), "first.xlsx", ImportFiles.xlsx(first), false, admin)
                .written())
        .isTrue();
    long locked =
        jdbc.queryForObject(
            "select id from surgical_case where series_id = ? and study_code = 'L1'",
            Long.class,
            series.getId());
    signOffs.lock(locked, admin);

    ImportFiles.Book update =
        new ImportFiles.Book().sheet("cases", List.of("study_code", "site_code", "age_years"));
    update.row("cases", List.of("L1", site.getCode(), "62"));
    update.row("cases", List.of("L2", site.getCode(), "71"));
    ImportReport report =
        importService.commit(series.getId(), "update.xlsx", ImportFiles.xlsx(update), true, admin);

    assertThat(report.written()).isFalse();
    assertThat(report.problems())
        .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
        .containsExactly(tuple(2, "study_code", "import.case.locked"));
    assertThat(
            jdbc.queryForList(
                "select p.age_years from case_patient p join surgical_case c on c.id = p.case_id"
                    + " where c.series_id = ? order by c.study_code",
                Integer.class,
                series.getId()))
        .containsExactly(61, 70);
  }
}
