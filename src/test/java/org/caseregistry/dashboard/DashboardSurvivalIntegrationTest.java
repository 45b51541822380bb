package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.survival.KaplanMeierCurve;
import org.caseregistry.dashboard.survival.LogRankTest;
import org.caseregistry.followup.VisitWindow;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Survival times, events and visit windows derived in SQL from dated and undated visits.
 *
 * <pre>
 * case  site  operation     visits                                        OS            RFS
 * A1    A     2020-01-01    02-01 well, 06-01 recurrence, 12-01 died      died 335 d    152 d
 * A2    A     2020-01-01    04-01 well (91 d), month 12 well              cens. 365.25  cens. 365.25
 * A3    A     today − 100   month 1 well                                  cens. 30.44   cens. 30.44
 * B1    B     2020-01-01    03-01 died (60 d)                             died 60       60
 * B2    B     –             month 3 metastasis, month 6 well              cens. 182.63  91.31
 * B3    B     today − 10    –                                             left out      left out
 * </pre>
 */
@IntegrationTest
class DashboardSurvivalIntegrationTest {

  private static final CurrentAccount ADMIN =
      new CurrentAccount(0, "dashboard-test", "Dashboard test", Role.ADMIN, Set.of());

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired DashboardService dashboards;

  private CaseSeries series;
  private HospitalSite siteA;
  private HospitalSite siteB;

  @BeforeEach
  void sixCases() {
    HospitalSite a = testAccounts.site();
    siteA = a;
    HospitalSite b = testAccounts.site();
    siteB = b;
    series = fixtures.series(a, b);
    LocalDate today = LocalDate.now();
    long a1 = operated(a, "2020-01-01");
    visit(a1, "visit_date", "2020-02-01", "WELL");
    visit(a1, "visit_date", "2020-06-01", "RECURRENCE");
    visit(a1, "visit_date", "2020-12-01", "DIED");
    long a2 = operated(a, "2020-01-01");
    visit(a2, "visit_date", "2020-04-01", "WELL");
    visit(a2, "visit_month", "12", "WELL");
    long a3 = operated(a, today.minusDays(100).toString());
    visit(a3, "visit_month", "1", "WELL");
    long b1 = operated(b, "2020-01-01");
    visit(b1, "visit_date", "2020-03-01", "DIED");
    long b2 = fixtures.newCase(series, b);
    visit(b2, "visit_month", "3", "METASTASIS");
    visit(b2, "visit_month", "6", "WELL");
    operated(b, today.minusDays(10).toString());
  }

  private long operated(HospitalSite site, String date) {
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.OPERATION, Map.of("operation_date", date));
    return caseId;
  }

  private void visit(long caseId, String when, String value, String status) {
    fixtures.addItem(caseId, Section.FOLLOWUP, Map.of(when, value, "followup_status", status));
  }

  private DashboardPresenter presenter(SurvivalSplit split) {
    DashboardService.Result result =
        dashboards.dashboard(series.getId(), null, split, EnumSet.allOf(Part.class), ADMIN);
    return new DashboardPresenter(
        result.data(),
        split,
        result.today(),
        (key, args) -> key,
        new Numbers(java.util.Locale.ENGLISH));
  }

  /*
   * OS, all cases (5 with a usable visit): 30.44 c, 60 e (at risk 4), 182.63 c, 335 e (at risk 2),
   * 365.25 c → S = 3/4 after 60 and 3/4 × 1/2 = 0.375 after 335; median 335 days.
   * RFS: 30.44 c, 60 e (4), 91.31 e (3), 152 e (2), 365.25 c → 0.75, 0.5, 0.25; median 91.31 days.
   */
  @Test
  void overallAndRecurrenceFreeSurvivalOfAllCases() {
    KaplanMeierCurve overall = presenter(SurvivalSplit.NONE).curves(true).get("ALL");
    assertThat(overall.subjects()).isEqualTo(5);
    assertThat(overall.eventSteps())
        .extracting(KaplanMeierCurve.Step::time)
        .containsExactly(60.0, 335.0);
    assertThat(overall.eventSteps())
        .extracting(KaplanMeierCurve.Step::atRisk)
        .containsExactly(4, 2);
    assertThat(overall.survivalAt(400)).isCloseTo(0.375, within(1e-12));
    assertThat(overall.median()).hasValue(335.0);
    assertThat(overall.steps())
        .extracting(KaplanMeierCurve.Step::time)
        .containsExactly(30.4375, 60.0, 182.625, 335.0, 365.25);

    KaplanMeierCurve recurrenceFree = presenter(SurvivalSplit.NONE).curves(false).get("ALL");
    assertThat(recurrenceFree.eventSteps())
        .extracting(KaplanMeierCurve.Step::time)
        .containsExactly(60.0, 91.3125, 152.0);
    assertThat(recurrenceFree.eventSteps())
        .extracting(KaplanMeierCurve.Step::survival)
        .containsExactly(0.75, 0.5, 0.25);
    assertThat(recurrenceFree.median()).hasValue(91.3125);
  }

  /*
   * By site, OS: A = {335 e, 365.25 c, 30.44 c}, B = {60 e, 182.63 c}; B3 has no visit.
   * Log-rank: at 60, nA = 2, nB = 2, d = 1 (B): E_A = 0.5, V = 1·3/3·(2·2)/4² = 0.25;
   * at 335, nA = 2, nB = 0: E_A = 1, V = 0. O_A − E_A = 1 − 1.5 = −0.5, chi-square = 0.25 / 0.25
   * = 1.00 with 1 df, p = erfc(√0.5) = 0.3173.
   */
  @Test
  void splitBySiteWithTheLogRankTest() {
    DashboardService.Result result =
        dashboards.dashboard(
            series.getId(), null, SurvivalSplit.SITE, EnumSet.of(Part.SURVIVAL), ADMIN);
    // Groups come sorted by site code; order them A, B.
    List<DashboardData.SurvivalGroup> groups =
        result.data().survival().groups().stream()
            .sorted(java.util.Comparator.comparing(g -> !g.key().equals(siteA.getCode())))
            .toList();
    assertThat(groups)
        .extracting(DashboardData.SurvivalGroup::key)
        .containsExactly(siteA.getCode(), siteB.getCode());
    assertThat(groups)
        .extracting(DashboardData.SurvivalGroup::withoutFollowUp)
        .containsExactly(0, 1);
    LogRankTest.Result test =
        LogRankTest.compare(groups.stream().map(DashboardData.SurvivalGroup::overall).toList())
            .orElseThrow();
    assertThat(test.chiSquare()).isCloseTo(1.0, within(1e-9));
    assertThat(test.degreesOfFreedom()).isEqualTo(1);
    assertThat(test.pValue()).isCloseTo(0.3173, within(0.00005));
    assertThat(
            presenter(SurvivalSplit.SITE).view().panels().stream()
                .filter(p -> p.name().equals("overall-survival"))
                .findFirst()
                .orElseThrow()
                .notes())
        .contains("dashboard.survival.log-rank");
  }

  /*
   * Windows (1: 0–2 months, 3: over 2–4.5, 6: over 4.5–9, 12: over 9–18):
   * A1: 31 d well | none, closed → lost | 152 d = 4.99 months recurrence | 335 d died
   * A2: none, closed → lost | 91 d well | none, closed → lost | month 12 well
   * A3 (operated 100 days ago): month 1 well | 3, 6, 12 not closed → not yet due
   * B1: 60 d = 1.97 months died | died, carried forward ×3
   * B2 (no operation date): none → cannot tell | month 3 metastasis | month 6 well | cannot tell
   * B3 (operated 10 days ago): not yet due ×4
   */
  @Test
  void visitWindowsWithNotYetDueAndLost() {
    Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp =
        dashboards
            .dashboard(series.getId(), null, SurvivalSplit.NONE, EnumSet.of(Part.FOLLOW_UP), ADMIN)
            .data()
            .followUp();
    assertThat(followUp.get(VisitWindow.MONTH_1))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                FollowUpCategory.WELL,
                2,
                FollowUpCategory.LOST,
                1,
                FollowUpCategory.DIED,
                1,
                FollowUpCategory.NO_OPERATION_DATE,
                1,
                FollowUpCategory.NOT_YET_DUE,
                1));
    assertThat(followUp.get(VisitWindow.MONTH_3))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                FollowUpCategory.LOST,
                1,
                FollowUpCategory.WELL,
                1,
                FollowUpCategory.NOT_YET_DUE,
                2,
                FollowUpCategory.DIED,
                1,
                FollowUpCategory.METASTASIS,
                1));
    assertThat(followUp.get(VisitWindow.MONTH_6))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                FollowUpCategory.RECURRENCE,
                1,
                FollowUpCategory.LOST,
                1,
                FollowUpCategory.NOT_YET_DUE,
                2,
                FollowUpCategory.DIED,
                1,
                FollowUpCategory.WELL,
                1));
    assertThat(followUp.get(VisitWindow.MONTH_12))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                FollowUpCategory.DIED,
                2,
                FollowUpCategory.WELL,
                1,
                FollowUpCategory.NOT_YET_DUE,
                2,
                FollowUpCategory.NO_OPERATION_DATE,
                1));
  }

  @Test
  void enrolmentIsDatedByOperationElseByRecord() {
    List<DashboardData.EnrolmentCount> enrolment =
        dashboards
            .dashboard(series.getId(), null, SurvivalSplit.NONE, EnumSet.of(Part.ENROLMENT), ADMIN)
            .data()
            .enrolment();
    assertThat(enrolment.stream().mapToInt(DashboardData.EnrolmentCount::byOperationDate).sum())
        .isEqualTo(5);
    assertThat(enrolment.stream().mapToInt(DashboardData.EnrolmentCount::byRecordDate).sum())
        .isEqualTo(1);
    assertThat(enrolment)
        .anySatisfy(
            row -> {
              assertThat(row.month()).isEqualTo(LocalDate.of(2020, 1, 1));
              assertThat(row.byOperationDate()).isEqualTo(2);
            });
  }
}
