package org.caseregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Import through the API with the page's dry run, and the OpenAPI document describing it and the
 * custom-section endpoints with their schemas.
 */
@IntegrationTest
class ApiImportIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens apiTokens;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  String surgeon;
  String coordinator;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(FormTemplate.ICU_CASE_SERIES.definition(), site);
    surgeon = apiTokens.issue(testAccounts.account(Role.SURGEON, site));
    coordinator = apiTokens.issue(testAccounts.account(Role.COORDINATOR, site));
  }

  private MockMultipartFile csv(String... lines) {
    return new MockMultipartFile(
        "file",
        "cases.csv",
        "text/csv",
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private long cases() {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ?", Long.class, series.getId());
  }

  @Test
  void theDryRunListsEveryProblemAndTheCommitWritesAllOrNothing() throws Exception {
    String path = "/api/v1/series/" + series.getId() + "/import";
    MockMultipartFile bad =
        csv("study_code,site_code,age_years", "E1," + site.getCode() + ",300", "E1,XX,40");
    mvc.perform(multipart(path + "/check").file(bad).with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.written").value(false))
        .andExpect(jsonPath("$.problems.length()").value(2))
        .andExpect(jsonPath("$.problems[0].sheet").value("cases"))
        .andExpect(jsonPath("$.problems[0].row").value(2))
        .andExpect(jsonPath("$.problems[0].column").value("age_years"))
        .andExpect(jsonPath("$.problems[0].value").value("300"))
        .andExpect(jsonPath("$.problems[1].row").value(3))
        .andExpect(jsonPath("$.problems[1].code").value("import.study-code.duplicate"))
        .andExpect(jsonPath("$.rowCounts.cases").value(2));
    mvc.perform(multipart(path).file(bad).with(bearer(surgeon)))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.written").value(false))
        .andExpect(jsonPath("$.problems.length()").value(2));
    assertThat(cases()).isZero();

    MockMultipartFile good = csv("study_code,site_code,age_years", "E1," + site.getCode() + ",61");
    mvc.perform(multipart(path + "/check").file(good).with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems.length()").value(0))
        .andExpect(jsonPath("$.newCases").value(1));
    assertThat(cases()).isZero();
    // A coordinator corrects cases but creates none: the same rule as on the page.
    mvc.perform(multipart(path).file(good).with(bearer(coordinator)))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.problems[0].code").value("import.case.create-not-allowed"));
    mvc.perform(multipart(path).file(good).with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.written").value(true))
        .andExpect(jsonPath("$.newCases").value(1));
    assertThat(cases()).isEqualTo(1);
    mvc.perform(multipart("/api/v1/series/999999/import/check").file(good).with(bearer(surgeon)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theOpenApiDocumentDescribesCustomSectionsTheFormAndImport() throws Exception {
    var signedIn =
        user(TestAccounts.principal(testAccounts.account(Role.SURGEON, testAccounts.site())));
    String forms = "$.paths['/api/v1/cases/{caseId}/forms/{key}']";
    String items = "$.paths['/api/v1/cases/{caseId}/forms/{key}/items']";
    String item = "$.paths['/api/v1/cases/{caseId}/forms/{key}/items/{itemId}']";
    String form = "$.paths['/api/v1/series/{seriesId}/form']";
    String json = "application/json";
    mvc.perform(get("/v3/api-docs").with(signedIn))
        .andExpect(status().isOk())
        .andExpect(jsonPath(forms + ".get.responses['200'].content", hasKey(json)))
        .andExpect(
            jsonPath(forms + ".put.requestBody.content['application/json'].schema.$ref")
                .value("#/components/schemas/SectionRequest"))
        .andExpect(jsonPath(forms + ".put.responses", hasKey("422")))
        .andExpect(
            jsonPath(items + ".post.requestBody.content['application/json'].schema.$ref")
                .value("#/components/schemas/SectionRequest"))
        .andExpect(jsonPath(item + ".get.responses['200'].content", hasKey(json)))
        .andExpect(jsonPath(item + ".put.responses", hasKey("409")))
        .andExpect(jsonPath(item + ".delete.responses", hasKey("200")))
        .andExpect(jsonPath(form + ".get.responses['200'].content", hasKey(json)))
        .andExpect(jsonPath(form + ".get.responses['200'].content", hasKey("text/csv")))
        .andExpect(jsonPath(form + ".put.requestBody.content", hasKey(json)))
        .andExpect(jsonPath(form + ".put.requestBody.content", hasKey("text/csv")))
        .andExpect(
            jsonPath(
                "$.paths['/api/v1/series/{seriesId}/import/check'].post.requestBody.content",
                hasKey("multipart/form-data")))
        .andExpect(
            jsonPath("$.paths['/api/v1/series/{seriesId}/import'].post.responses", hasKey("422")))
        .andExpect(jsonPath("$.components.schemas", hasKey("SectionRequest")))
        .andExpect(jsonPath("$.components.schemas", hasKey("FormJson")))
        .andExpect(jsonPath("$.components.schemas", hasKey("ImportJson")))
        .andExpect(jsonPath("$.components.schemas.ImportJson.properties", hasKey("problems")))
        .andExpect(jsonPath("$.components.schemas.ProblemJson.properties", hasKey("column")));
  }
}
