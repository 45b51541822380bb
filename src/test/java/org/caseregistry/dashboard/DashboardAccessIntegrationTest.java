package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Everyone who sees a series sees its dashboard, counted over their own sites only; a series or a
 * site they cannot see answers 404, for the page and for every chart download.
 */
@IntegrationTest
class DashboardAccessIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired CaseService caseService;

  private HospitalSite siteA;
  private HospitalSite siteB;
  private CaseSeries series;
  private long firstCaseOfA;

  @BeforeEach
  void seriesWithTwoCasesAtAAndThreeAtB() {
    siteA = testAccounts.site();
    siteB = testAccounts.site();
    series = fixtures.series(siteA, siteB);
    firstCaseOfA = fixtures.newCase(series, siteA);
    fixtures.newCase(series, siteA);
    for (int i = 0; i < 3; i++) {
      fixtures.newCase(series, siteB);
    }
  }

  private String path() {
    return "/series/" + series.getId() + "/dashboard";
  }

  private SignedInAccount account(Role role, HospitalSite... sites) {
    return TestAccounts.principal(testAccounts.account(role, sites));
  }

  private String casesShown(SignedInAccount account, String query) throws Exception {
    DashboardView view =
        (DashboardView)
            mvc.perform(get(path() + query).with(user(account)))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("view");
    return view.keyFigures().get(0).value();
  }

  @Test
  void eachReaderCountsTheCasesOfTheirOwnSites() throws Exception {
    assertThat(casesShown(account(Role.ADMIN), "")).isEqualTo("5");
    assertThat(casesShown(account(Role.ADMIN), "?site=" + siteB.getId())).isEqualTo("3");
    assertThat(casesShown(account(Role.SURGEON, siteA), "")).isEqualTo("2");
    assertThat(casesShown(account(Role.COORDINATOR, siteB), "")).isEqualTo("3");
    assertThat(casesShown(account(Role.COORDINATOR, siteA, siteB), "?site=" + siteA.getId()))
        .isEqualTo("2");
  }

  @Test
  void aSiteFilterCannotRevealAnotherSite() throws Exception {
    SignedInAccount surgeonOfA = account(Role.SURGEON, siteA);
    String other = "?site=" + siteB.getId();
    mvc.perform(get(path() + other).with(user(surgeonOfA))).andExpect(status().isNotFound());
    mvc.perform(get(path() + "/charts/enrolment.svg" + other).with(user(surgeonOfA)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get(path() + "/charts/overall-survival.png" + other + "&split=site")
                .with(user(surgeonOfA)))
        .andExpect(status().isNotFound());
    // Not a site of the series: 404 even for an admin.
    HospitalSite outside = testAccounts.site();
    mvc.perform(get(path() + "?site=" + outside.getId()).with(user(account(Role.ADMIN))))
        .andExpect(status().isNotFound());
    // The enrolment chart, split by site, names only the reader's own site.
    String svg =
        mvc.perform(get(path() + "/charts/enrolment.svg").with(user(surgeonOfA)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(svg).contains(siteA.getCode()).doesNotContain(siteB.getCode());
  }

  @Test
  void anotherSitesSeriesIsNotFound() throws Exception {
    SignedInAccount stranger = account(Role.COORDINATOR, testAccounts.site());
    mvc.perform(get(path()).with(user(stranger))).andExpect(status().isNotFound());
    mvc.perform(get(path() + "/charts/follow-up.svg").with(user(stranger)))
        .andExpect(status().isNotFound());
    mvc.perform(get(path() + "/charts/cci.png").with(user(stranger)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/series/999999999/dashboard").with(user(account(Role.ADMIN))))
        .andExpect(status().isNotFound());
  }

  @Test
  void signedOutReadersAreSentToSignIn() throws Exception {
    mvc.perform(get(path()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get(path() + "/charts/enrolment.svg")).andExpect(status().is3xxRedirection());
  }

  @Test
  void withdrawnCasesAreLeftOut() throws Exception {
    SignedInAccount admin = account(Role.ADMIN);
    assertThat(casesShown(admin, "?site=" + siteA.getId())).isEqualTo("2");
    caseService.withdraw(firstCaseOfA, "Consent withdrawn", CaseFixtures.system());
    assertThat(casesShown(admin, "?site=" + siteA.getId())).isEqualTo("1");
    assertThat(casesShown(admin, "")).isEqualTo("4");
  }
}
