package org.caseregistry.api;

import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Custom sections and the series' form through the API: values by field name, branching and
 * calculations by the server, problems by field, stale versions refused, the form as JSON with its
 * version, changed only by coordinators and admins.
 */
@IntegrationTest
class ApiCustomSectionsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens apiTokens;
  @Autowired CaseFixtures fixtures;

  HospitalSite site;
  CaseSeries series;
  long caseId;
  String surgeon;
  String coordinator;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(FormTemplate.ICU_CASE_SERIES.definition(), site);
    caseId = fixtures.newCase(series, site);
    surgeon = apiTokens.issue(testAccounts.account(Role.SURGEON, site));
    coordinator = apiTokens.issue(testAccounts.account(Role.COORDINATOR, site));
  }

  @Test
  void aCustomSectionIsSavedByFieldNameWithBranchingAndCalculationsOnTheServer() throws Exception {
    String path = "/api/v1/cases/" + caseId + "/forms/ecmo";
    mvc.perform(
            put(path)
                .with(bearer(surgeon))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"values\": {\"ecmo_mode\": \"9\", \"ecmo_start\": \"2024-03-01\"},"
                        + " \"missing\": {}, \"version\": 0}"))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("ecmo_mode"));
    mvc.perform(
            put(path)
                .with(bearer(surgeon))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"ecmo_days\": 3}, \"missing\": {}, \"version\": 0}"))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].code").value("calculated"));
    mvc.perform(
            put(path)
                .with(bearer(surgeon))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"values\": {\"ecmo_mode\": \"1\", \"ecmo_start\": \"2024-03-01\","
                        + " \"ecmo_end\": \"2024-03-05\", \"ecmo_compl\": [\"2\", \"4\"],"
                        + " \"ecmo_bleeding_site\": \"groin\", \"ecmo_weaned\": 1},"
                        + " \"missing\": {}, \"version\": 0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sections.ecmo.version").value(1))
        .andExpect(jsonPath("$.sections.ecmo.values.ecmo_days").value(4))
        .andExpect(jsonPath("$.sections.ecmo.values.ecmo_compl[1]").value("4"))
        .andExpect(jsonPath("$.sections.ecmo.values.ecmo_bleeding_site").doesNotExist())
        .andExpect(jsonPath("$.sections.ecmo.missing.ecmo_bleeding_site").value("NOT_APPLICABLE"));
    // The version read is the one to save against: a second save with version 0 is stale.
    mvc.perform(
            put(path)
                .with(bearer(surgeon))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"ecmo_mode\": \"2\"}, \"missing\": {}, \"version\": 0}"))
        .andExpect(status().isConflict());
    mvc.perform(get(path).with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.values.ecmo_mode").value("1"));
    mvc.perform(get("/api/v1/cases/" + caseId + "/forms/nosuch").with(bearer(surgeon)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theFormComesAsJsonAndOnlyCoordinatorsAndAdminsReplaceIt() throws Exception {
    String path = "/api/v1/series/" + series.getId() + "/form";
    mvc.perform(get(path).with(bearer(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.form.modules[0]").value("PATIENT"))
        .andExpect(jsonPath("$.form.sections[1].key").value("ecmo"));
    String onlyPatient =
        "{\"version\": 1, \"form\": {\"modules\": [\"PATIENT\"], \"sections\": []}}";
    mvc.perform(
            put(path)
                .with(bearer(surgeon))
                .contentType(MediaType.APPLICATION_JSON)
                .content(onlyPatient))
        .andExpect(status().isForbidden());
    mvc.perform(
            put(path)
                .with(bearer(coordinator))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"version\": 1, \"form\": {\"modules\": [\"PATIENT\"], \"sections\":"
                        + " [{\"key\": \"Bad Key\", \"labelEn\": \"X\", \"labelVi\": null,"
                        + " \"repeating\": false, \"retired\": false, \"fields\": []}]}}"))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("sections[0].key"));
    mvc.perform(
            put(path)
                .with(bearer(coordinator))
                .contentType(MediaType.APPLICATION_JSON)
                .content(onlyPatient))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    mvc.perform(
            put(path)
                .with(bearer(coordinator))
                .contentType(MediaType.APPLICATION_JSON)
                .content(onlyPatient))
        .andExpect(status().isConflict());
  }
}
