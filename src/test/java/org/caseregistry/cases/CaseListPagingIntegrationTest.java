package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case list pages by key ("next" after the last case, "previous" before the first) through
 * every sort and finds exactly the cases that offset pages find; its total comes from the counts
 * the triggers keep, which follow inserts, withdrawals, warnings and deletes.
 */
@IntegrationTest
class CaseListPagingIntegrationTest {

  @Autowired CaseList caseList;
  @Autowired CaseService caseService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void nextAndPreviousByKeyVisitEveryCaseOnceInEverySort() {
    HospitalSite site = testAccounts.site();
    HospitalSite other = testAccounts.site();
    CaseSeries series = fixtures.series(site, other);
    for (int i = 0; i < 60; i++) {
      fixtures.newCase(series, i % 3 == 0 ? other : site);
    }
    jdbc.update(
        "update surgical_case set warning_count = id % 3 where series_id = ?", series.getId());
    CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());
    for (String sort : new String[] {"code", "site", "updated", "warnings"}) {
      List<Long> byOffset = new ArrayList<>();
      for (int page = 1; page <= 3; page++) {
        caseList
            .find(series.getId(), new CaseList.Filter(null, null, null, sort, page), admin)
            .rows()
            .forEach(row -> byOffset.add(row.id()));
      }
      assertThat(byOffset).as(sort).hasSize(60).doesNotHaveDuplicates();

      List<Long> byKey = new ArrayList<>();
      List<CaseList.Page> pages = new ArrayList<>();
      CaseList.Page page =
          caseList.find(series.getId(), new CaseList.Filter(null, null, null, sort, 1), admin);
      while (true) {
        pages.add(page);
        page.rows().forEach(row -> byKey.add(row.id()));
        if (page.nextAfter() == null) {
          break;
        }
        page =
            caseList.find(
                series.getId(),
                new CaseList.Filter(
                    null, null, null, sort, page.page() + 1, page.nextAfter(), null),
                admin);
      }
      assertThat(byKey).as(sort).isEqualTo(byOffset);
      assertThat(pages).hasSize(3);
      assertThat(pages.get(2).page()).isEqualTo(3);
      assertThat(pages.get(0).previousBefore()).isNull();

      // Back from the last page by key: the same pages in reverse.
      CaseList.Page last = pages.get(2);
      CaseList.Page back =
          caseList.find(
              series.getId(),
              new CaseList.Filter(null, null, null, sort, 2, null, last.previousBefore()),
              admin);
      assertThat(back.rows()).as(sort).isEqualTo(pages.get(1).rows());
      CaseList.Page first =
          caseList.find(
              series.getId(),
              new CaseList.Filter(null, null, null, sort, 1, null, back.previousBefore()),
              admin);
      assertThat(first.rows()).isEqualTo(pages.get(0).rows());
      assertThat(first.previousBefore()).isNull();
    }
  }

  @Test
  void aCaseOfAnotherSiteCannotServeAsTheKeyToStartFrom() {
    HospitalSite site = testAccounts.site();
    HospitalSite other = testAccounts.site();
    CaseSeries series = fixtures.series(site, other);
    for (int i = 0; i < 30; i++) {
      fixtures.newCase(series, site);
    }
    long hidden = fixtures.newCase(series, other);
    CurrentAccount surgeon =
        new CurrentAccount(0, "surgeon", "Surgeon", Role.SURGEON, Set.of(site.getId()));
    CaseList.Page first =
        caseList.find(series.getId(), new CaseList.Filter(null, null, null, null, 1), surgeon);
    // Starting "after" a case the surgeon may not see gives the first page, not its position.
    CaseList.Page probed =
        caseList.find(
            series.getId(), new CaseList.Filter(null, null, null, null, 2, hidden, null), surgeon);
    assertThat(probed.rows()).isEqualTo(first.rows());
  }

  @Test
  void theTotalFollowsEveryChangeWithoutCountingTheSeries() {
    HospitalSite site = testAccounts.site();
    HospitalSite other = testAccounts.site();
    CaseSeries series = fixtures.series(site, other);
    CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());
    CurrentAccount surgeon =
        new CurrentAccount(0, "surgeon", "Surgeon", Role.SURGEON, Set.of(site.getId()));
    long a = fixtures.newCase(series, site);
    long b = fixtures.newCase(series, site);
    fixtures.newCase(series, other);
    assertThat(total(series, admin, null)).isEqualTo(3);
    assertThat(total(series, surgeon, null)).isEqualTo(2);
    jdbc.update("update surgical_case set warning_count = 2 where id = ?", a);
    assertThat(total(series, admin, "FLAGGED")).isEqualTo(1);
    jdbc.update("update surgical_case set status = 'WITHDRAWN' where id = ?", b);
    assertThat(total(series, admin, "WITHDRAWN")).isEqualTo(1);
    assertThat(total(series, admin, "ACTIVE")).isEqualTo(2);
    jdbc.update("update surgical_case set sign_off = 'LOCKED' where id = ?", a);
    assertThat(total(series, admin, null)).isEqualTo(3);
    jdbc.update("delete from surgical_case where id = ?", a);
    assertThat(total(series, admin, null)).isEqualTo(2);
    assertThat(total(series, admin, "FLAGGED")).isZero();
    // The kept counts are what counting the table gives.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select series_id, site_id, status, warning_count > 0,"
                    + " sign_off, count(*) from surgical_case group by 1, 2, 3, 4, 5 except"
                    + " select series_id, site_id, status, flagged, sign_off, n from case_count"
                    + " where n <> 0) wrong",
                Long.class))
        .isZero();
  }

  @Test
  void aSearchCountsItsMatchesOnlyUpToTheLimit() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    jdbc.update(
        "insert into surgical_case (series_id, site_id, study_code) select ?, ?, 'Q' || g from"
            + " generate_series(1, ?) g",
        series.getId(),
        site.getId(),
        CaseList.SEARCH_COUNT_LIMIT + 30);
    CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());
    CaseList.Page page =
        caseList.find(series.getId(), new CaseList.Filter(null, null, "q", null, 1), admin);
    assertThat(page.totalExact()).isFalse();
    assertThat(page.total()).isEqualTo(CaseList.SEARCH_COUNT_LIMIT);
    assertThat(page.nextAfter()).isNotNull();
    CaseList.Page few =
        caseList.find(series.getId(), new CaseList.Filter(null, null, "q100", null, 1), admin);
    assertThat(few.totalExact()).isTrue();
    assertThat(few.total()).isEqualTo(11); // Q100 and Q1000 to Q1009
  }

  private long total(CaseSeries series, CurrentAccount account, String status) {
    return caseList
        .find(series.getId(), new CaseList.Filter(null, status, null, null, 1), account)
        .total();
  }
}
