package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many editors at once: nothing is lost, and nobody silently overwrites anybody. */
@IntegrationTest
class ConcurrentEditingIntegrationTest {

  @Autowired CaseService caseService;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  @Test
  void editorsOfDifferentCasesLoseNothing() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    int cases = 24;
    int editsPerCase = 5;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      ids.add(fixtures.newCase(series, site));
    }
    List<Callable<Void>> editors = new ArrayList<>();
    for (long caseId : ids) {
      editors.add(
          () -> {
            for (int edit = 1; edit <= editsPerCase; edit++) {
              SectionForm form =
                  SectionForm.of(
                      Section.OPERATION,
                      caseService.section(caseId, Section.OPERATION, CaseFixtures.system()));
              form.getValues().put("conduit_time_min", String.valueOf(20 + edit));
              caseService.saveSection(caseId, Section.OPERATION, form, CaseFixtures.system());
              SectionForm item = new SectionForm();
              item.getValues()
                  .putAll(
                      Map.of(
                          "node_field",
                          "THORACIC",
                          "nodes_positive",
                          "0",
                          "nodes_examined",
                          String.valueOf(edit)));
              caseService.saveItem(caseId, Section.NODES, null, item, CaseFixtures.system());
            }
            return null;
          });
    }
    runAll(editors, 8);
    for (long caseId : ids) {
      assertThat(
              jdbc.queryForObject(
                  "select conduit_time_min from case_operation where case_id = ?",
                  Integer.class,
                  caseId))
          .isEqualTo(20 + editsPerCase);
      assertThat(
              jdbc.queryForObject(
                  "select version from case_operation where case_id = ?", Integer.class, caseId))
          .isEqualTo(editsPerCase);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from case_node_group where case_id = ?", Integer.class, caseId))
          .isEqualTo(editsPerCase);
      assertThat(
              jdbc.queryForObject(
                  "select nodes_examined_total from surgical_case where id = ?",
                  Integer.class,
                  caseId))
          .isEqualTo(15);
    }
  }

  @Test
  void editorsOfTheSameSectionGetConflictsNeverASilentOverwrite() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.OPERATION, Map.of("conduit_time_min", "30"));
    int editors = 12;
    AtomicInteger saved = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int editor = 0; editor < editors; editor++) {
      int value = 40 + editor;
      tasks.add(
          () -> {
            // Everyone loaded version 1 before anyone saved.
            SectionForm form = new SectionForm();
            form.getValues().put("conduit_time_min", String.valueOf(value));
            form.setVersion(1);
            try {
              caseService.saveSection(caseId, Section.OPERATION, form, CaseFixtures.system());
              saved.incrementAndGet();
            } catch (EditConflictException conflict) {
              conflicts.incrementAndGet();
            }
            return null;
          });
    }
    runAll(tasks, editors);
    assertThat(saved.get()).isEqualTo(1);
    assertThat(conflicts.get()).isEqualTo(editors - 1);
    Integer stored =
        jdbc.queryForObject(
            "select conduit_time_min from case_operation where case_id = ?", Integer.class, caseId);
    assertThat(stored).isBetween(40, 40 + editors - 1);
    assertThat(
            jdbc.queryForObject(
                "select version from case_operation where case_id = ?", Integer.class, caseId))
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_audit where case_id = ? and field = 'conduit_time_min'"
                    + " and new_value = ?",
                Integer.class,
                caseId,
                stored.toString()))
        .isEqualTo(1);
  }

  @Test
  void derivedValuesCountEveryConcurrentChangeToOneCase() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int editor = 1; editor <= 10; editor++) {
      int positive = editor;
      tasks.add(
          () -> {
            SectionForm item = new SectionForm();
            item.getValues()
                .putAll(
                    Map.of(
                        "node_field",
                        "ABDOMINAL",
                        "nodes_positive",
                        String.valueOf(positive),
                        "nodes_examined",
                        "20"));
            caseService.saveItem(caseId, Section.NODES, null, item, CaseFixtures.system());
            return null;
          });
    }
    runAll(tasks, 10);
    assertThat(
            jdbc.queryForObject(
                "select nodes_positive_total from surgical_case where id = ?",
                Integer.class,
                caseId))
        .isEqualTo(55);
    assertThat(
            jdbc.queryForObject(
                "select nodes_examined_total from surgical_case where id = ?",
                Integer.class,
                caseId))
        .isEqualTo(200);
  }

  /**
   * A save that is still open holds the case: a second save waits for it and then counts its
   * change, instead of computing the case's totals from a snapshot that misses it.
   */
  @Test
  void aSecondSaveOfTheSameCaseWaitsForTheFirstAndCountsIt() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    java.util.concurrent.CountDownLatch firstSaved = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch releaseFirst = new java.util.concurrent.CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          pool.submit(
              () ->
                  transactions.executeWithoutResult(
                      status -> {
                        addNodes(caseId, 3);
                        firstSaved.countDown();
                        await(releaseFirst);
                      }));
      await(firstSaved);
      Future<?> second = pool.submit(() -> addNodes(caseId, 4));
      Thread.sleep(500);
      assertThat(second.isDone()).as("the second save waits for the first").isFalse();
      releaseFirst.countDown();
      first.get(1, TimeUnit.MINUTES);
      second.get(1, TimeUnit.MINUTES);
    } finally {
      releaseFirst.countDown();
      pool.shutdownNow();
    }
    assertThat(
            jdbc.queryForObject(
                "select nodes_positive_total from surgical_case where id = ?",
                Integer.class,
                caseId))
        .isEqualTo(7);
  }

  private void addNodes(long caseId, int positive) {
    SectionForm item = new SectionForm();
    item.getValues()
        .putAll(
            Map.of(
                "node_field",
                "ABDOMINAL",
                "nodes_positive",
                String.valueOf(positive),
                "nodes_examined",
                "20"));
    caseService.saveItem(caseId, Section.NODES, null, item, CaseFixtures.system());
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private static void runAll(List<Callable<Void>> tasks, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> futures = pool.invokeAll(tasks);
      for (Future<Void> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
