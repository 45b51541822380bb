package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data-quality page: fields that do not apply are not counted as missing (also when stored
 * empty before the branching rule), counts link to the case list filtered to the cases concerned,
 * most incomplete first, complete variables folded away.
 */
@IntegrationTest
class DataQualityLinksIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void countsLinkToTheCasesConcernedAndFieldsThatDoNotApplyAreNotMissing() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long none = fixtures.newCase(series, site);
    fixtures.save(
        none,
        Section.NEOADJUVANT,
        Map.of("neoadjuvant_therapy", "NONE", "neoadjuvant_regimen", "typed anyway"));
    long chemo = fixtures.newCase(series, site);
    fixtures.save(chemo, Section.NEOADJUVANT, Map.of("neoadjuvant_therapy", "CHEMOTHERAPY"));
    long old = fixtures.newCase(series, site);
    fixtures.save(old, Section.NEOADJUVANT, Map.of("neoadjuvant_therapy", "NONE"));
    // As stored before the rule existed: empty, without a reason.
    jdbc.update("update case_neoadjuvant set missing_reasons = '{}' where case_id = ?", old);
    // The server decided: what was typed into a field that does not apply is not kept.
    assertThat(
            jdbc.queryForObject(
                "select neoadjuvant_regimen from case_neoadjuvant where case_id = ?",
                String.class,
                none))
        .isNull();

    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    String page = body("/series/" + series.getId() + "/reports/quality", coordinator);
    String regimen = row(page, "neoadjuvant_regimen");
    // Overall: not entered 1 (the chemotherapy case), unknown 0, not applicable 2.
    assertThat(regimen)
        .contains(
            "missing=neoadjuvant_regimen&amp;reason=NOT_ENTERED\">1</a>",
            "missing=neoadjuvant_regimen&amp;reason=NOT_APPLICABLE\">2</a>");
    // The most incomplete variables come first: sex (3 not entered) before the regimen (1).
    assertThat(page.indexOf("data-variable=\"sex\"")).isLessThan(page.indexOf(regimen));
    assertThat(page).contains("id=\"complete-variables\"");
    assertThat(page)
        .containsPattern(
            "(?s)<details[^>]*id=\"complete-variables\".*data-variable=\"neoadjuvant_therapy\"");

    String list =
        body(
            "/series/"
                + series.getId()
                + "/cases?status=ACTIVE&missing=neoadjuvant_regimen&reason=NOT_ENTERED",
            coordinator);
    assertThat(list).contains("id=\"missing-filter\"").contains("1 case<");
    assertThat(list).contains("/cases/" + chemo + "\"");
    assertThat(list).doesNotContain("/cases/" + none + "\"").doesNotContain("/cases/" + old + "\"");
    String notApplicable =
        body(
            "/series/"
                + series.getId()
                + "/cases?missing=neoadjuvant_regimen&reason=NOT_APPLICABLE",
            coordinator);
    assertThat(notApplicable).contains("2 cases<");
    // A filter naming no variable is ignored, not an error.
    assertThat(body("/series/" + series.getId() + "/cases?missing=nope&reason=X", coordinator))
        .contains("3 cases<")
        .doesNotContain("id=\"missing-filter\"");
  }

  private static String row(String page, String variable) {
    int start = page.indexOf("data-variable=\"" + variable + "\"");
    assertThat(start).as(variable).isPositive();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private String body(String url, SignedInAccount account) throws Exception {
    return mvc.perform(get(url).with(user(account)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
