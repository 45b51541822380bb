package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.followup.VisitWindow;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard of the seed paper's demo series, as loaded at every start. */
@IntegrationTest
class DashboardIntegrationTest {

  static final String DEMO_TITLE =
      "[Demo] Whole-stomach reconstruction after thoracoscopic esophagectomy, 2021–2022";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestAccounts testAccounts;
  @Autowired DashboardService dashboards;

  private static final CurrentAccount ADMIN =
      new CurrentAccount(0, "dashboard-test", "Dashboard test", Role.ADMIN, Set.of());

  private long demoSeries() {
    return jdbc.queryForObject(
        "select id from case_series where title = ?", Long.class, DEMO_TITLE);
  }

  private long demoSite(String code) {
    return jdbc.queryForObject("select id from hospital_site where code = ?", Long.class, code);
  }

  private DashboardData demo(Long site) {
    return dashboards
        .dashboard(demoSeries(), site, SurvivalSplit.NONE, EnumSet.allOf(Part.class), ADMIN)
        .data();
  }

  @Test
  void theOneComplicationIsBn4sDelayedConduitEmptyingInTheGastrointestinalCategory() {
    DashboardData.Complications complications = demo(null).complications();
    assertThat(complications.byItem())
        .containsExactly(Map.entry("DELAYED_CONDUIT_EMPTYING", new Counts(1, 1)));
    assertThat(complications.byCategory())
        .containsExactly(Map.entry("GASTROINTESTINAL", new Counts(1, 1)));
    assertThat(complications.byGrade())
        .as("the paper gives no grade")
        .containsExactly(Map.entry("", new Counts(1, 1)));
    assertThat(complications.patientsByWorstGrade())
        .containsExactlyInAnyOrderEntriesOf(Map.of("UNGRADED", 1, "NONE", 5));
    assertThat(complications.leakPatients()).isZero();
    assertThat(complications.postopAnswered()).isEqualTo(6);
    // It is BN4's: the only case with a complication, and at BVE (BN1–BN4), not at BVTN.
    assertThat(
            jdbc.queryForList(
                "select c.study_code from case_complication cc join surgical_case c on c.id ="
                    + " cc.case_id where c.series_id = ?",
                String.class,
                demoSeries()))
        .containsExactly("BN4");
    assertThat(demo(demoSite("BVE")).complications().byItem())
        .containsKey("DELAYED_CONDUIT_EMPTYING");
    assertThat(demo(demoSite("BVTN")).complications().byItem()).isEmpty();
  }

  @Test
  void followUpWindowsOfTheSeedPaper() {
    Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp = demo(null).followUp();
    assertThat(followUp.get(VisitWindow.MONTH_1))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(FollowUpCategory.WELL, 5, FollowUpCategory.REFLUX, 1));
    assertThat(followUp.get(VisitWindow.MONTH_3))
        .containsExactlyInAnyOrderEntriesOf(Map.of(FollowUpCategory.WELL, 6));
    assertThat(followUp.get(VisitWindow.MONTH_6))
        .as("no dates published: cannot tell whether due")
        .containsExactlyInAnyOrderEntriesOf(Map.of(FollowUpCategory.NO_OPERATION_DATE, 6));
    assertThat(followUp.get(VisitWindow.MONTH_12))
        .containsExactlyInAnyOrderEntriesOf(Map.of(FollowUpCategory.NO_OPERATION_DATE, 6));
  }

  @Test
  void casesCompletenessEnrolmentAndDistributions() {
    DashboardData data = demo(null);
    assertThat(data.cases()).isEqualTo(6);
    assertThat(data.sectionsFilled().values()).allMatch(n -> n == 6);
    assertThat(data.enrolment())
        .extracting(DashboardData.EnrolmentCount::site)
        .containsOnly("BVE", "BVTN");
    assertThat(data.enrolment().stream().mapToInt(DashboardData.EnrolmentCount::byRecordDate).sum())
        .as("no operation dates: dated by the record")
        .isEqualTo(6);
    assertThat(data.cci().known()).isEqualTo(5);
    assertThat(data.cci().missing()).as("BN4's complication has no grade").isEqualTo(1);
    assertThat(data.cci().bins()[0]).isEqualTo(5);
    assertThat(data.lengthOfStay().known()).isZero();
    assertThat(data.lengthOfStay().missing()).isEqualTo(6);
    DashboardData.SurvivalGroup all = data.survival().groups().get(0);
    assertThat(all.overall())
        .as("everyone alive, censored at the 3-month visit")
        .containsExactly(new org.caseregistry.dashboard.survival.SurvivalTime(91.3125, 0, 6));
    assertThat(all.withoutFollowUp()).isZero();
    assertThat(demo(demoSite("BVTN")).cases()).isEqualTo(2);
  }

  @Test
  void thePageInEnglishAndVietnamese() throws Exception {
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String path = "/series/" + demoSeries() + "/dashboard";
    String english =
        mvc.perform(get(path).param("lang", "en").with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(english)
        .contains("Dashboard: " + DEMO_TITLE.replace("–", "–"))
        .contains("Follow-up status at each visit window")
        .contains("Overall survival")
        .contains("<title id=\"chart-overall-survival-title\">Overall survival</title>")
        .contains("Delayed conduit emptying")
        .contains("0 of 6 patients")
        .doesNotContain("style=");
    String vietnamese =
        mvc.perform(get(path).param("lang", "vi").with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(vietnamese)
        .contains("Tổng quan")
        .contains("Sống còn toàn bộ")
        .contains("Trào ngược");

    mvc.perform(get(path + "/charts/follow-up.svg").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
        .andExpect(
            header()
                .string(
                    "Content-Disposition", org.hamcrest.Matchers.containsString("follow-up.svg")));
    mvc.perform(get(path + "/charts/overall-survival.png").param("split", "site").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/png"));
    mvc.perform(get(path + "/charts/no-such-chart.svg").with(user(admin)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theSeriesPageLinksToTheDashboard() throws Exception {
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String page =
        mvc.perform(get("/series/" + demoSeries() + "/cases").with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("href=\"/series/" + demoSeries() + "/dashboard\"");
  }
}
