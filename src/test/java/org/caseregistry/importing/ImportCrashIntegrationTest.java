package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * The application dies in the middle of an import: its database session is cut while the import's
 * transaction has written part of the cases. The registry then holds none of them; run again, the
 * import writes all of them.
 */
@IntegrationTest
class ImportCrashIntegrationTest {

  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anImportCutOffHalfwayLeavesNothingAndCanBeRunAgain() throws Exception {
    HospitalSite first = testAccounts.site();
    HospitalSite second = testAccounts.site();
    CaseSeries series = fixtures.series(first, second);
    byte[] file =
        ImportFiles.xlsx(
            ImportPerformanceIntegrationTest.generate(first.getCode(), second.getCode()));
    CurrentAccount admin = new CurrentAccount(0, "crash-test", "Crash", Role.ADMIN, Set.of());

    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<ImportReport> running =
          pool.submit(() -> importService.commit(series.getId(), "10k.xlsx", file, false, admin));
      int terminated = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (terminated == 0 && !running.isDone() && System.nanoTime() < deadline) {
        // A session of this database, other than ours, inside a transaction that has written.
        terminated =
            jdbc.queryForObject(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname ="
                    + " current_database() and pid <> pg_backend_pid() and backend_xid is not null",
                Integer.class);
        Thread.sleep(20);
      }
      assertThat(terminated).as("the import was caught while writing").isPositive();
      try {
        running.get(2, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException expected) {
        // The import's connection was cut: it fails, as a crashed application would.
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("select count(*) from surgical_case where series_id = ?", series.getId()))
        .isZero();
    assertThat(count("select count(*) from case_audit where series_id = ?", series.getId()))
        .isZero();

    ImportReport again = importService.commit(series.getId(), "10k.xlsx", file, false, admin);
    assertThat(again.written()).isTrue();
    assertThat(count("select count(*) from surgical_case where series_id = ?", series.getId()))
        .isEqualTo(ImportPerformanceIntegrationTest.CASES);
  }

  private long count(String sql, long seriesId) {
    return jdbc.queryForObject(sql, Long.class, seriesId);
  }
}
