package org.caseregistry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text in every text variable of every API body: stored as sent, refused cleanly, never a
 * 500.
 */
@IntegrationTest
class ApiHostileInputIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired ApiTestTokens tokens;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyTextVariableThroughTheApi() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    String token = tokens.issue(testAccounts.account(Role.SURGEON, site));
    JsonMapper json = JsonMapper.builder().build();
    long esophagusCase = fixtures.newCase(series, site);
    // The gastric modules belong to a gastric series' form (issue 13).
    long gastricCase = fixtures.newCase(fixtures.gastricSeries(site), site);
    for (Section section : Section.values()) {
      long caseId = section.isGastric() ? gastricCase : esophagusCase;
      for (Variable variable : CaseVariables.of(section)) {
        if (variable.type() != ValueType.TEXT) {
          continue;
        }
        for (String payload : HostileInputIntegrationTest.PAYLOADS) {
          String body =
              json.writeValueAsString(
                  java.util.Map.of(
                      "values", java.util.Map.of(variable.name(), payload),
                      "missing", java.util.Map.of(),
                      "version", currentVersion(section, caseId)));
          MockHttpServletResponse response =
              mvc.perform(
                      (section.isList()
                              ? post(
                                  "/api/v1/cases/"
                                      + caseId
                                      + "/sections/"
                                      + section.slug()
                                      + "/items")
                              : put("/api/v1/cases/" + caseId + "/sections/" + section.slug()))
                          .contentType(MediaType.APPLICATION_JSON)
                          .content(body)
                          .with(bearer(token)))
                  .andReturn()
                  .getResponse();
          assertThat(response.getStatus()).as(variable.name()).isLessThan(500);
          boolean acceptable =
              payload.length() <= variable.maxLength() && !payload.contains("\u0000");
          if (acceptable) {
            assertThat(response.getStatus()).as(variable.name()).isBetween(200, 201);
            String stored =
                jdbc.queryForObject(
                    "select "
                        + variable.name()
                        + " from "
                        + section.table()
                        + " where case_id = ?"
                        + (section.isList() ? " order by id desc limit 1" : ""),
                    String.class,
                    caseId);
            assertThat(stored).isEqualTo(payload.strip());
            assertThat(response.getContentType()).contains("json");
          } else {
            assertThat(response.getStatus()).as(variable.name()).isEqualTo(422);
            assertThat(response.getContentAsString()).contains(variable.name());
          }
        }
      }
    }
  }

  @Test
  void numbersBeyondAnyRangeAreRefusedAsNotANumberInRange() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    String token = tokens.issue(testAccounts.account(Role.SURGEON, site));
    long caseId = fixtures.newCase(series, site);
    for (String number : new String[] {"1e400", "-1e400", "1e20", "123456789e9999"}) {
      MockHttpServletResponse response =
          mvc.perform(
                  put("/api/v1/cases/" + caseId + "/sections/patient")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"values\": {\"weight_kg\": " + number + "}, \"version\": 0}")
                      .with(bearer(token)))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(number).isEqualTo(422);
      assertThat(response.getContentType()).contains("application/problem+json");
      assertThat(response.getContentAsString())
          .as(number)
          .contains("weight_kg")
          .contains("not-a-number-in-range");
    }
  }

  @Test
  void controlCharactersInAWithdrawalReasonAreRefusedAsOnThePage() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    String token = tokens.issue(testAccounts.account(Role.COORDINATOR, site));
    for (String reason : new String[] {"nul\u0000byte", "escape\u001b[31m", "bell\u0007"}) {
      long caseId = fixtures.newCase(series, site);
      MockHttpServletResponse response =
          mvc.perform(
                  post("/api/v1/cases/" + caseId + "/withdraw")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          JsonMapper.builder()
                              .build()
                              .writeValueAsString(java.util.Map.of("reason", reason)))
                      .with(bearer(token)))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(reason).isEqualTo(422);
      assertThat(response.getContentAsString()).contains("reason");
      assertThat(
              jdbc.queryForObject(
                  "select status from surgical_case where id = ?", String.class, caseId))
          .isEqualTo("ACTIVE");
    }
  }

  @Test
  void aStudyCodeCreatedConcurrentlyIsAConflictNotAServerError() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    String token = tokens.issue(testAccounts.account(Role.SURGEON, site));
    String code = TestAccounts.unique("RACE");
    MockHttpServletResponse response =
        ConcurrentInsert.whileUncommitted(
            jdbc,
            series.getId(),
            site.getId(),
            code,
            () ->
                mvc.perform(
                        post("/api/v1/series/" + series.getId() + "/cases")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"studyCode\": \""
                                    + code
                                    + "\", \"siteId\": "
                                    + site.getId()
                                    + "}")
                            .with(bearer(token)))
                    .andReturn()
                    .getResponse());
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentType()).contains("application/problem+json");
    assertThat(response.getContentAsString()).contains("studyCode");
    // Sequentially, the same answer.
    MockHttpServletResponse again =
        mvc.perform(
                post("/api/v1/series/" + series.getId() + "/cases")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"studyCode\": \"" + code + "\", \"siteId\": " + site.getId() + "}")
                    .with(bearer(token)))
            .andReturn()
            .getResponse();
    assertThat(again.getStatus()).isEqualTo(409);
  }

  @Test
  void reportApiErrorsAreProblems() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    String token = tokens.issue(testAccounts.account(Role.COORDINATOR, site));
    String base = "/api/v1/series/" + series.getId() + "/reports";
    String[] requests = {
      "/api/v1/series/999999999/reports/patients",
      "/api/v1/series/999999999/reports/summary",
      base + "/quality?site=999999999",
      base + "/patients?from=not-a-date",
      base + "/summary?site=abc",
      base + "/dataset.zip?identified=true",
      base + "/no-such-report"
    };
    for (String request : requests) {
      MockHttpServletResponse response =
          mvc.perform(get(request).with(bearer(token))).andReturn().getResponse();
      assertThat(response.getStatus()).as(request).isBetween(400, 499);
      assertThat(response.getContentType()).as(request).contains("application/problem+json");
      assertThat(response.getContentAsString())
          .as(request)
          .contains("\"status\":" + response.getStatus())
          .doesNotContain("\"timestamp\"")
          .doesNotContain("\"path\"");
    }
  }

  private int currentVersion(Section section, long caseId) {
    if (section.isList()) {
      return 0;
    }
    return jdbc
        .queryForList(
            "select version from " + section.table() + " where case_id = ?", Integer.class, caseId)
        .stream()
        .findFirst()
        .orElse(0);
  }
}
