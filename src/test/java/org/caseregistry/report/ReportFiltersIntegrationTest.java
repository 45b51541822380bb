package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report filters are one bound record: a date that is not a date is a message next to its field
 * on a page and a 400 for a download, never a 500; good filters still filter.
 */
@IntegrationTest
class ReportFiltersIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aBadDateIsAMessageOnThePageAndA400ForADownload() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    fixtures.newCase(series, site);
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    String base = "/series/" + series.getId() + "/reports";

    for (String page : new String[] {"/patients", "/summary", "/quality"}) {
      String html =
          mvc.perform(
                  get(base + page)
                      .param("lang", "en")
                      .param("from", "2026-13-45")
                      .param("to", "2026-12-31")
                      .param("site", site.getId().toString())
                      .with(user(coordinator)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html)
          .as(page)
          .contains("id=\"from-error\"")
          .contains("Not a date: write it as yyyy-mm-dd.")
          .doesNotContain("id=\"to-error\"")
          .contains("value=\"2026-12-31\"");
    }
    mvc.perform(get(base + "/patients.csv").param("to", "yesterday").with(user(coordinator)))
        .andExpect(status().isBadRequest());
    mvc.perform(get(base + "/dataset.zip").param("site", "BVE").with(user(coordinator)))
        .andExpect(status().isBadRequest());
    // The dashboard binds the same record: a site that is not a number is a 400, not a 500.
    mvc.perform(
            get("/series/" + series.getId() + "/dashboard")
                .param("site", "BVE")
                .with(user(coordinator)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get(base + "/patients")
                .param("from", "2026-01-01")
                .param("locked", "true")
                .with(user(coordinator)))
        .andExpect(status().isOk());
  }
}
