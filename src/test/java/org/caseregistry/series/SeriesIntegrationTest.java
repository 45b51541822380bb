package org.caseregistry.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SeriesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseSeriesRepository seriesRepository;
  @Autowired JdbcTemplate jdbc;

  HospitalSite mySite;
  HospitalSite otherSite;
  SignedInAccount coordinator;
  SignedInAccount surgeon;
  SignedInAccount outsider;

  @BeforeEach
  void setUp() {
    mySite = testAccounts.site();
    otherSite = testAccounts.site();
    coordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, mySite));
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, mySite));
    outsider = TestAccounts.principal(testAccounts.account(Role.SURGEON, otherSite));
  }

  @Test
  void aCoordinatorCreatesASeriesWithItsOwnSitesAndItIsAudited() throws Exception {
    String title = TestAccounts.unique("Esophagectomy ");
    mvc.perform(
            post("/series/new")
                .with(user(coordinator))
                .with(csrf())
                .param("title", title)
                .param("status", "ACTIVE")
                .param("periodStart", "2021-06-01")
                .param("periodEnd", "2022-05-31")
                .param("siteIds", mySite.getId().toString()))
        .andExpect(status().isFound());
    CaseSeries created = seriesRepository.findByTitleIgnoreCase(title).orElseThrow();
    assertThat(
            jdbc.queryForObject(
                "select r.username from case_series_aud a join revinfo r on r.rev = a.rev where"
                    + " a.id = ?",
                String.class,
                created.getId()))
        .isEqualTo(coordinator.username());
    mvc.perform(get("/series").with(user(surgeon)))
        .andExpect(content().string(containsString(title)));
    mvc.perform(get("/series").with(user(outsider)))
        .andExpect(content().string(not(containsString(title))));
    mvc.perform(get("/series/" + created.getId() + "/cases").with(user(outsider)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aCoordinatorCannotAddAnotherSiteAndDatesMustBeInOrder() throws Exception {
    mvc.perform(
            post("/series/new")
                .with(user(coordinator))
                .with(csrf())
                .param("title", TestAccounts.unique("S "))
                .param("status", "ACTIVE")
                .param("periodStart", "2022-06-01")
                .param("periodEnd", "2021-05-31")
                .param("siteIds", otherSite.getId().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("You can only add sites you belong to.")))
        .andExpect(content().string(containsString("The end lies before the start.")));
  }

  @Test
  void surgeonsCannotManageSeries() throws Exception {
    mvc.perform(get("/series/new").with(user(surgeon))).andExpect(status().isForbidden());
    mvc.perform(
            post("/series/new")
                .with(user(surgeon))
                .with(csrf())
                .param("title", "x")
                .param("status", "ACTIVE")
                .param("siteIds", mySite.getId().toString()))
        .andExpect(status().isForbidden());
  }
}
