package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The small wording fixes of issue 14, each as a reader sees it. */
@IntegrationTest
class CasePageWordingIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anEmptyCaseSaysNotEnteredAndAnUnknownMarginSaysUnknown() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    SignedInAccount surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    String empty = body("/cases/" + caseId, surgeon);
    assertThat(text(empty, "derived-clinical-stage")).startsWith("not entered");
    assertThat(text(empty, "derived-pathological-stage")).startsWith("not entered");
    assertThat(empty).doesNotContain("??");

    fixtures.save(
        caseId, Section.TUMOUR, Map.of("histology", "UNKNOWN", "ct", "T2", "cn", "N0", "cm", "M0"));
    fixtures.save(caseId, Section.PATHOLOGY, Map.of("resection_margin", "UNKNOWN"));
    String page = body("/cases/" + caseId, surgeon);
    // Recorded as unknown, so not derivable (cT2 N0 differs between the histologies).
    assertThat(text(page, "derived-clinical-stage")).startsWith("not derivable");
    assertThat(text(page, "value-resection_margin")).isEqualTo("Unknown");
    // The number of cases in the list, singular.
    assertThat(body("/series/" + series.getId() + "/cases", surgeon)).contains("1 case<");
  }

  @Test
  void aSurgeonOfOneSiteHasItPreselectedAndTheForcedPasswordPageSaysWhy() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    String form = body("/series/" + series.getId() + "/cases/new", principal(surgeon));
    assertThat(form)
        .containsPattern("<option value=\"" + site.getId() + "\" selected=\"selected\"");
    assertThat(body("/account/password", principal(surgeon))).doesNotContain("id=\"password-why\"");
    jdbc.update("update account set must_change_password = true where id = ?", surgeon.getId());
    assertThat(body("/account/password", principal(surgeon)))
        .contains("id=\"password-why\"")
        .contains("one-time password");
  }

  @Test
  void theAdminStartPageListsTheFirstStepsInOrder() throws Exception {
    String home = body("/", principal(testAccounts.account(Role.ADMIN)));
    assertThat(home).contains("id=\"first-steps\"");
    assertThat(home.indexOf("/admin/sites\">Create the hospital sites"))
        .isPositive()
        .isLessThan(home.indexOf("/admin/accounts\">Create the accounts"));
    assertThat(home.indexOf("/admin/accounts\">Create the accounts"))
        .isLessThan(home.indexOf("/series/new\">Create a case series"));
    assertThat(home).contains("BVE and BVTN");
    HospitalSite site = testAccounts.site();
    assertThat(body("/", principal(testAccounts.account(Role.SURGEON, site))))
        .doesNotContain("id=\"first-steps\"");
  }

  private static SignedInAccount principal(Account account) {
    return TestAccounts.principal(account);
  }

  private static String text(String page, String id) {
    int start = page.indexOf('>', page.indexOf("id=\"" + id + "\"")) + 1;
    return page.substring(start, page.indexOf('<', start)).strip();
  }

  private String body(String url, SignedInAccount account) throws Exception {
    return mvc.perform(get(url).with(user(account)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
