package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The report outputs through the REST API, with tokens and the same rules as the pages. */
@IntegrationTest
class ReportApiIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens tokens;
  @Autowired JdbcTemplate jdbc;

  private long demoSeries() {
    return jdbc.queryForObject(
        "select id from case_series where title = '[Demo] Whole-stomach reconstruction after"
            + " thoracoscopic esophagectomy, 2021–2022'",
        Long.class);
  }

  private Account member(Role role) {
    long hospitalE =
        jdbc.queryForObject("select id from hospital_site where code = 'BVE'", Long.class);
    long thanhNhan =
        jdbc.queryForObject("select id from hospital_site where code = 'BVTN'", Long.class);
    return testAccounts.account(
        role, testAccounts.reloadSite(hospitalE), testAccounts.reloadSite(thanhNhan));
  }

  @Test
  void tablesComeAsJsonWithTheSameFiguresAsThePages() throws Exception {
    String coordinator = tokens.issue(member(Role.COORDINATOR));
    String base = "/api/v1/series/" + demoSeries() + "/reports";
    String summary =
        mvc.perform(
                get(base + "/summary").param("vars", "age_at_surgery").with(bearer(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(summary).contains("57.5");
    String patients =
        mvc.perform(get(base + "/patients").with(bearer(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(patients).contains("BN6").contains("7.2");
    String quality =
        mvc.perform(get(base + "/quality").with(bearer(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(quality).contains("pn-mismatch").contains("p-after-neoadjuvant");
    mvc.perform(get(base + "/dataset.zip").with(bearer(coordinator))).andExpect(status().isOk());
  }

  @Test
  void surgeonsReadButDoNotExportAndOtherSitesSeeNothing() throws Exception {
    String base = "/api/v1/series/" + demoSeries() + "/reports";
    String surgeon = tokens.issue(member(Role.SURGEON));
    mvc.perform(get(base + "/summary").with(bearer(surgeon))).andExpect(status().isOk());
    mvc.perform(get(base + "/dataset.zip").with(bearer(surgeon))).andExpect(status().isForbidden());
    String outsider = tokens.issue(testAccounts.account(Role.COORDINATOR, testAccounts.site()));
    mvc.perform(get(base + "/summary").with(bearer(outsider))).andExpect(status().isNotFound());
    mvc.perform(get(base + "/summary.csv").with(bearer(outsider))).andExpect(status().isNotFound());
    mvc.perform(get(base + "/summary")).andExpect(status().isUnauthorized());
  }
}
