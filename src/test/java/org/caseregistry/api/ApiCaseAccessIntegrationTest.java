package org.caseregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The API applies the pages' rules, role by role and site by site: a case of another site answers
 * 404 (its existence not even confirmed), a role that may not do something 403, and both as problem
 * JSON.
 */
@IntegrationTest
class ApiCaseAccessIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens apiTokens;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite ownSite;
  HospitalSite otherSite;
  CaseSeries series;
  long ownCase;
  long otherCase;
  String surgeon;
  String coordinator;
  String admin;

  @BeforeEach
  void setUp() {
    ownSite = testAccounts.site();
    otherSite = testAccounts.site();
    series = fixtures.series(ownSite, otherSite);
    ownCase = fixtures.newCase(series, ownSite);
    otherCase = fixtures.newCase(series, otherSite);
    surgeon = apiTokens.issue(testAccounts.account(Role.SURGEON, ownSite));
    coordinator = apiTokens.issue(testAccounts.account(Role.COORDINATOR, ownSite));
    admin = apiTokens.issue(testAccounts.account(Role.ADMIN));
  }

  @Test
  void surgeonsReadAndWriteTheirSitesCasesOnly() throws Exception {
    readable(surgeon, ownCase);
    writable(surgeon, ownCase);
    hidden(surgeon, otherCase);
  }

  @Test
  void coordinatorsReadAndCorrectTheirSitesCasesOnly() throws Exception {
    readable(coordinator, ownCase);
    writable(coordinator, ownCase);
    hidden(coordinator, otherCase);
  }

  @Test
  void adminsReadAndWriteTheCasesOfEverySite() throws Exception {
    readable(admin, ownCase);
    writable(admin, ownCase);
    readable(admin, otherCase);
    writable(admin, otherCase);
  }

  @Test
  void surgeonsAndAdminsCreateCasesCoordinatorsDoNot() throws Exception {
    create(surgeon, ownSite, "BN-S1")
        .andExpect(status().isCreated())
        .andExpect(
            header().string("Location", matchesPattern("http://localhost/api/v1/cases/\\d+")))
        .andExpect(jsonPath("$.studyCode").value("BN-S1"))
        .andExpect(jsonPath("$.site.id").value(ownSite.getId()))
        .andExpect(jsonPath("$.sections.patient.version").value(0));
    create(surgeon, otherSite, "BN-S2")
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("siteId"))
        .andExpect(jsonPath("$.errors[0].code").value("case.site.not-allowed"));
    forbidden(create(coordinator, ownSite, "BN-C1"));
    create(admin, otherSite, "BN-A1").andExpect(status().isCreated());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from surgical_case where series_id = ?",
                Integer.class,
                series.getId()))
        .isEqualTo(4);
  }

  @Test
  void coordinatorsAndAdminsWithdrawCasesSurgeonsDoNot() throws Exception {
    forbidden(withdraw(surgeon, ownCase));
    hidden(withdraw(coordinator, otherCase));
    withdraw(coordinator, ownCase)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"))
        .andExpect(jsonPath("$.editable").value(false))
        .andExpect(jsonPath("$.withdrawal.reason").value("Consent withdrawn"));
    // Read-only while withdrawn, for everyone; withdrawing twice is a conflict.
    forbidden(savePatient(surgeon, ownCase, 0));
    withdraw(admin, ownCase).andExpect(status().isConflict());
    withdraw(admin, otherCase).andExpect(status().isOk());
  }

  @Test
  void seriesAndCaseListsShowOnlyWhatTheAccountSees() throws Exception {
    CaseSeries elsewhere = fixtures.series(otherSite);
    mvc.perform(get("/api/v1/series").with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id").value(hasItem(series.getId().intValue())))
        .andExpect(jsonPath("$.items[*].id").value(not(hasItem(elsewhere.getId().intValue()))));
    hidden(mvc.perform(get("/api/v1/series/" + elsewhere.getId()).with(bearer(surgeon))));
    hidden(
        mvc.perform(get("/api/v1/series/" + elsewhere.getId() + "/cases").with(bearer(surgeon))));
    hidden(create(surgeon, ownSite, "BN-X", elsewhere.getId()));

    mvc.perform(get("/api/v1/series/" + series.getId() + "/cases").with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(ownCase));
    mvc.perform(get("/api/v1/series/" + series.getId() + "/cases").with(bearer(admin)))
        .andExpect(jsonPath("$.total").value(2));
    mvc.perform(get("/api/v1/series/" + elsewhere.getId()).with(bearer(admin)))
        .andExpect(status().isOk());
  }

  private void readable(String token, long caseId) throws Exception {
    mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(caseId));
    mvc.perform(get("/api/v1/cases/" + caseId + "/sections/patient").with(bearer(token)))
        .andExpect(status().isOk());
  }

  private void writable(String token, long caseId) throws Exception {
    int version = currentPatientVersion(caseId);
    savePatient(token, caseId, version)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sections.patient.version").value(version + 1));
    String item =
        mvc.perform(
                post("/api/v1/cases/" + caseId + "/sections/followup/items")
                    .with(bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"values\": {\"visit_month\": 3, \"followup_status\": \"WELL\"}}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    mvc.perform(delete(item).with(bearer(token)).header("If-Match", "\"1\""))
        .andExpect(status().isOk());
  }

  private void hidden(String token, long caseId) throws Exception {
    hidden(mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token))));
    hidden(mvc.perform(get("/api/v1/cases/" + caseId + "/sections/patient").with(bearer(token))));
    hidden(savePatient(token, caseId, 0));
    hidden(
        mvc.perform(
            post("/api/v1/cases/" + caseId + "/sections/followup/items")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"visit_month\": 3}}")));
    hidden(withdraw(token, caseId));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_patient where case_id = ?", Integer.class, caseId))
        .isZero();
  }

  private ResultActions savePatient(String token, long caseId, int version) throws Exception {
    return mvc.perform(
        put("/api/v1/cases/" + caseId + "/sections/patient")
            .with(bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"values\": {\"sex\": \"FEMALE\", \"age_years\": 61}, \"version\": "
                    + version
                    + "}"));
  }

  private ResultActions create(String token, HospitalSite site, String code) throws Exception {
    return create(token, site, code, series.getId());
  }

  private ResultActions create(String token, HospitalSite site, String code, long seriesId)
      throws Exception {
    return mvc.perform(
        post("/api/v1/series/" + seriesId + "/cases")
            .with(bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"studyCode\": \"" + code + "\", \"siteId\": " + site.getId() + "}"));
  }

  private ResultActions withdraw(String token, long caseId) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + caseId + "/withdraw")
            .with(bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Consent withdrawn\"}"));
  }

  private int currentPatientVersion(long caseId) {
    return jdbc
        .queryForList("select version from case_patient where case_id = ?", Integer.class, caseId)
        .stream()
        .findFirst()
        .orElse(0);
  }

  private static void hidden(ResultActions result) throws Exception {
    result
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.sections").doesNotExist());
  }

  private static void forbidden(ResultActions result) throws Exception {
    result
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403));
  }
}
