package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Surgeon, coordinator and admin against reports of their own and of another site: on-screen
 * reports for everyone (own sites only), exports for coordinators and admins, identifiers for
 * admins, 404 for a series the account cannot see.
 */
@IntegrationTest
class ReportAccessIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite siteA;
  HospitalSite siteB;
  CaseSeries series;
  String codeA;
  String codeB;
  SignedInAccount surgeonA;
  SignedInAccount coordinatorA;
  SignedInAccount admin;
  SignedInAccount outsider;

  static final List<String> PAGES = List.of("", "/patients", "/summary", "/quality");
  static final List<String> EXPORTS =
      List.of("/patients.csv", "/patients.xlsx", "/summary.csv", "/summary.xlsx", "/dataset.zip");

  @BeforeEach
  void setUp() {
    siteA = testAccounts.site();
    siteB = testAccounts.site();
    series = fixtures.series(siteA, siteB);
    codeA = studyCode(fixtures.newCase(series, siteA), "61");
    codeB = studyCode(fixtures.newCase(series, siteB), "73");
    surgeonA = TestAccounts.principal(testAccounts.account(Role.SURGEON, siteA));
    coordinatorA = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, siteA));
    admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    outsider = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, testAccounts.site()));
  }

  private String studyCode(long caseId, String age) {
    fixtures.save(caseId, Section.PATIENT, Map.of("age_years", age, "sex", "MALE"));
    return jdbc.queryForObject(
        "select study_code from surgical_case where id = ?", String.class, caseId);
  }

  private String url(String path) {
    return "/series/" + series.getId() + "/reports" + path;
  }

  private String body(String path, SignedInAccount account) throws Exception {
    return mvc.perform(get(url(path)).with(user(account)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aSurgeonSeesTheOnScreenReportsOfOwnSitesButExportsNothing() throws Exception {
    for (String page : PAGES) {
      mvc.perform(get(url(page)).with(user(surgeonA))).andExpect(status().isOk());
    }
    String patients = body("/patients", surgeonA);
    assertThat(patients).contains(codeA).doesNotContain(codeB);
    assertThat(patients).doesNotContain("id=\"download-xlsx\"");
    assertThat(body("/summary?vars=age_at_surgery", surgeonA)).contains("N = 1").contains("61.0");
    for (String export : EXPORTS) {
      mvc.perform(get(url(export)).with(user(surgeonA))).andExpect(status().isForbidden());
    }
    mvc.perform(get(url("/patients")).param("site", siteB.getId().toString()).with(user(surgeonA)))
        .andExpect(status().isForbidden());
    mvc.perform(get(url("/settings")).with(user(surgeonA))).andExpect(status().isForbidden());
    mvc.perform(post(url("/settings")).with(user(surgeonA)).with(csrf()).param("rows", "age"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aCoordinatorExportsTheCasesOfOwnSitesOnlyAndDeidentified() throws Exception {
    for (String page : PAGES) {
      mvc.perform(get(url(page)).with(user(coordinatorA))).andExpect(status().isOk());
    }
    for (String export : EXPORTS) {
      mvc.perform(get(url(export)).with(user(coordinatorA))).andExpect(status().isOk());
    }
    String csv =
        mvc.perform(get(url("/patients.csv")).with(user(coordinatorA)))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains(codeA).doesNotContain(codeB);
    byte[] zip =
        mvc.perform(get(url("/dataset.zip")).with(user(coordinatorA)))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<Map<String, String>> cases =
        ReportTestSupport.table(ReportTestSupport.unzip(zip).get("cases.csv"));
    assertThat(cases).extracting(row -> row.get("study_code")).containsExactly(codeA);
    assertThat(cases.get(0)).doesNotContainKey("patient_name");
    mvc.perform(get(url("/dataset.zip")).param("identified", "true").with(user(coordinatorA)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get(url("/dataset.zip"))
                .param("site", siteB.getId().toString())
                .with(user(coordinatorA)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get(url("/summary.csv"))
                .param("site", siteB.getId().toString())
                .with(user(coordinatorA)))
        .andExpect(status().isForbidden());
    mvc.perform(get(url("/settings")).with(user(coordinatorA))).andExpect(status().isOk());
  }

  @Test
  void anAdminSeesAndExportsEverySiteWithIdentifiersOnRequest() throws Exception {
    assertThat(body("/patients", admin)).contains(codeA).contains(codeB);
    assertThat(body("/patients?site=" + siteB.getId(), admin))
        .contains(codeB)
        .doesNotContain(codeA);
    byte[] zip =
        mvc.perform(get(url("/dataset.zip")).param("identified", "true").with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<Map<String, String>> cases =
        ReportTestSupport.table(ReportTestSupport.unzip(zip).get("cases.csv"));
    assertThat(cases)
        .extracting(row -> row.get("study_code"))
        .containsExactlyInAnyOrder(codeA, codeB);
    assertThat(cases.get(0))
        .containsKeys("patient_name", "hospital_record_number", "operation_date");
  }

  @Test
  void aSeriesTheAccountCannotSeeIsNotFoundForPagesAndExportsAlike() throws Exception {
    for (String path :
        List.of(
            "",
            "/patients",
            "/summary",
            "/quality",
            "/settings",
            "/dataset.zip",
            "/summary.csv",
            "/patients.xlsx")) {
      mvc.perform(get(url(path)).with(user(outsider))).andExpect(status().isNotFound());
    }
  }

  @Test
  void withdrawnCasesAreLeftOutOfEveryReport() throws Exception {
    long withdrawn = fixtures.newCase(series, siteA);
    String code = studyCode(withdrawn, "90");
    jdbc.update("update surgical_case set status = 'WITHDRAWN' where id = ?", withdrawn);
    assertThat(body("/patients", admin)).doesNotContain(code);
    assertThat(body("/summary?vars=age_at_surgery", admin))
        .contains("N = 2")
        .contains("61–73")
        .doesNotContain("61–90");
    byte[] zip =
        mvc.perform(get(url("/dataset.zip")).with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(ReportTestSupport.table(ReportTestSupport.unzip(zip).get("cases.csv")))
        .extracting(row -> row.get("study_code"))
        .doesNotContain(code);
  }

  @Test
  void coordinatorsChooseThePerPatientRows() throws Exception {
    mvc.perform(
            post(url("/settings"))
                .with(user(coordinatorA))
                .with(csrf())
                .param("rows", "age", "sex", "length_of_stay"))
        .andExpect(status().isFound());
    String patients = body("/patients", coordinatorA);
    assertThat(patients)
        .contains("Length of stay (days)")
        .contains("Age (years)")
        .doesNotContain("Conduit construction time")
        .doesNotContain("Table 2: Operative details");
  }
}
