package org.caseregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Reading and writing a case through the API: the whole case with codes, missing reasons, versions,
 * items, derived values and warnings; validation problems by variable name; stale versions refused
 * without overwriting anything; malformed requests as problems; paging.
 */
@IntegrationTest
class ApiCaseEditingIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens apiTokens;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  long caseId;
  String token;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(site);
    caseId = fixtures.newCase(series, site);
    token = apiTokens.issue(testAccounts.account(Role.SURGEON, site));
  }

  @Test
  void theWholeCaseComesWithCodesMissingReasonsVersionsItemsDerivedValuesAndWarnings()
      throws Exception {
    save(
            "patient",
            "{\"values\": {\"sex\": \"MALE\", \"age_years\": 95, \"height_cm\": 160,"
                + " \"weight_kg\": \"47,4\", \"birth_year\": null},"
                + " \"missing\": {\"birth_year\": \"UNKNOWN\"}, \"version\": 0}")
        .andExpect(status().isOk())
        .andExpect(header().exists(HttpHeaders.ETAG))
        .andExpect(jsonPath("$.sections.patient.list").value(false))
        .andExpect(jsonPath("$.sections.patient.version").value(1))
        .andExpect(jsonPath("$.sections.patient.values.sex").value("MALE"))
        .andExpect(jsonPath("$.sections.patient.values.age_years").value(95))
        .andExpect(jsonPath("$.sections.patient.values.height_cm").value(160))
        .andExpect(jsonPath("$.sections.patient.values.weight_kg").value(47.4))
        .andExpect(jsonPath("$.sections.patient.values.birth_year").value(nullValue()))
        .andExpect(jsonPath("$.sections.patient.missing.birth_year").value("UNKNOWN"))
        .andExpect(jsonPath("$.derived.bmi").value(18.52))
        .andExpect(jsonPath("$.derived.ageAtSurgery").value(95))
        .andExpect(
            jsonPath("$.warnings[?(@.code == 'unusual-value')].variable")
                .value(hasItem("age_years")))
        .andExpect(
            jsonPath("$.warnings[?(@.code == 'unusual-value')].message")
                .value(
                    hasItem(
                        "Age at surgery (years): 95 lies outside the usual range 18–90: please"
                            + " check.")));

    save(
            "tumour",
            "{\"values\": {\"histology\": \"SQUAMOUS_CELL_CARCINOMA\", \"ct\": \"T2\","
                + " \"cn\": \"N0\", \"cm\": \"M0\"}, \"version\": 0}")
        .andExpect(jsonPath("$.derived.clinicalStage.classification").value("cTNM"))
        .andExpect(jsonPath("$.derived.clinicalStage.stage").value("II"))
        .andExpect(jsonPath("$.derived.clinicalStage.reason").value(nullValue()))
        .andExpect(jsonPath("$.derived.pathologicalStage").value(nullValue()));

    String location =
        mvc.perform(
                post("/api/v1/cases/" + caseId + "/sections/complications/items")
                    .with(bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"values\": {\"complication_type\": \"PNEUMONIA\","
                            + " \"clavien_dindo\": \"II\", \"onset_pod\": 3}}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.sections.complications.list").value(true))
            .andExpect(jsonPath("$.sections.complications.items", hasSize(1)))
            .andExpect(jsonPath("$.sections.complications.items[0].version").value(1))
            .andExpect(
                jsonPath("$.sections.complications.items[0].values.clavien_dindo").value("II"))
            .andExpect(jsonPath("$.derived.cci").value(20.9))
            .andExpect(jsonPath("$.derived.worstClavienDindo").value("II"))
            .andExpect(jsonPath("$.derived.complicationCount").value(1))
            .andExpect(jsonPath("$.warnings[*].code").value(hasItem("section-empty")))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.LOCATION);
    long itemId =
        jdbc.queryForObject(
            "select id from case_complication where case_id = ?", Long.class, caseId);
    assertThat(location)
        .endsWith("/api/v1/cases/" + caseId + "/sections/complications/items/" + itemId);
    mvc.perform(get(location).with(bearer(token)))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
        .andExpect(jsonPath("$.id").value(itemId))
        .andExpect(jsonPath("$.values.onset_pod").value(3));

    save(
            "pathology",
            "{\"values\": {\"path_prefix\": \"P\", \"pt\": \"TX\", \"pn\": \"N0\", \"pm\": \"M0\"},"
                + " \"version\": 0}")
        .andExpect(jsonPath("$.derived.pathologicalStage.classification").value("pTNM"))
        .andExpect(jsonPath("$.derived.pathologicalStage.stage").value(nullValue()))
        .andExpect(jsonPath("$.derived.pathologicalStage.reason").value("t-unknown"))
        .andExpect(
            jsonPath("$.derived.pathologicalStage.message").value(containsString("T is unknown")))
        .andExpect(
            jsonPath("$.derived.sectionsFilled")
                .value(containsInAnyOrder("patient", "tumour", "complications", "pathology")));
  }

  @Test
  void theCaseHasAnEntityTagThatChangesWithEverySave() throws Exception {
    String etag =
        mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.sections.patient.version").value(0))
            .andExpect(jsonPath("$.sections.followup.items", hasSize(0)))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.ETAG);
    assertThat(etag).startsWith("W/\"");
    mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token)).header("If-None-Match", etag))
        .andExpect(status().isNotModified());
    save("postop", "{\"values\": {\"any_complication\": \"NO\"}, \"version\": 0}");
    mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token)).header("If-None-Match", etag))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, not(etag)));
  }

  @Test
  void invalidValuesAre422WithTheVariableNamesAndNothingIsSaved() throws Exception {
    save(
            "patient",
            "{\"values\": {\"age_years\": 130, \"height_cm\": \"abc\", \"sex\": \"ROBOT\","
                + " \"comorbidities\": \"Tăng huyết áp\"}, \"version\": 0}")
        .andExpect(status().is(422))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'age_years')].code")
                .value(hasItem("value.out-of-range")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'age_years')].message")
                .value(hasItem("Must be between 0 and 120.")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'height_cm')].code").value(hasItem("value.not-number")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'sex')].code").value(hasItem("value.unknown-code")));

    save("patient", "{\"values\": {\"weight_kg\": true, \"shoe_size\": 42}, \"version\": 0}")
        .andExpect(status().is(422))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'weight_kg')].code")
                .value(hasItem("not-text-or-number")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'shoe_size')].code")
                .value(hasItem("unknown-variable")));

    save(
            "patient",
            "{\"values\": {}, \"missing\": {\"age_years\": \"NOT_APPLICABLE\"}, \"version\": 0}")
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("age_years"));

    // Rules that look at the rest of the case speak of the other variable by its label.
    fixtures.save(caseId, Section.OPERATION, Map.of("operation_date", "2022-03-10"));
    save("postop", "{\"values\": {\"discharge_date\": \"2022-03-01\"}, \"version\": 0}")
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("discharge_date"))
        .andExpect(jsonPath("$.errors[0].code").value("error.date-before"))
        .andExpect(jsonPath("$.errors[0].message").value("Cannot be before Operation date."));
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/sections/nodes/items")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"values\": {\"node_field\": \"THORACIC\", \"nodes_positive\": 5,"
                        + " \"nodes_examined\": 3}}"))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("nodes_positive"));

    assertThat(count("select count(*) from case_patient where case_id = ?")).isZero();
    assertThat(count("select count(*) from case_postop where case_id = ?")).isZero();
    assertThat(count("select count(*) from case_node_group where case_id = ?")).isZero();
  }

  @Test
  void aStaleSectionVersionIsRefusedAndOverwritesNothing() throws Exception {
    save("patient", "{\"values\": {\"age_years\": 60}, \"version\": 0}").andExpect(status().isOk());

    save("patient", "{\"values\": {\"age_years\": 70}, \"version\": 0}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("Nothing was overwritten")));
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/sections/patient")
                .with(bearer(token))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"age_years\": 71}}"))
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.status").value(412));
    save("patient", "{\"values\": {\"age_years\": 72}}")
        .andExpect(status().isPreconditionRequired());
    mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token)))
        .andExpect(jsonPath("$.sections.patient.values.age_years").value(60))
        .andExpect(jsonPath("$.sections.patient.version").value(1));

    String sectionTag =
        mvc.perform(get("/api/v1/cases/" + caseId + "/sections/patient").with(bearer(token)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.ETAG);
    assertThat(sectionTag).isEqualTo("\"1\"");
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/sections/patient")
                .with(bearer(token))
                .header(HttpHeaders.IF_MATCH, sectionTag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"age_years\": 73}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sections.patient.values.age_years").value(73));
  }

  @Test
  void aStaleItemVersionIsRefusedAndOverwritesNothing() throws Exception {
    long itemId =
        fixtures.addItem(
            caseId, Section.FOLLOWUP, Map.of("visit_month", "6", "followup_status", "WELL"));
    String item = "/api/v1/cases/" + caseId + "/sections/followup/items/" + itemId;
    mvc.perform(
            put(item)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"values\": {\"visit_month\": 12, \"followup_status\": \"REFLUX\"},"
                        + " \"version\": 1}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sections.followup.items[0].version").value(2));
    mvc.perform(
            put(item)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"visit_month\": 24}, \"version\": 1}"))
        .andExpect(status().isConflict());
    mvc.perform(delete(item).with(bearer(token)).header(HttpHeaders.IF_MATCH, "\"1\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(delete(item).with(bearer(token))).andExpect(status().isPreconditionRequired());
    mvc.perform(get(item).with(bearer(token)))
        .andExpect(jsonPath("$.values.visit_month").value(12))
        .andExpect(jsonPath("$.values.followup_status").value("REFLUX"));
    mvc.perform(delete(item).with(bearer(token)).param("version", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sections.followup.items", hasSize(0)));
    mvc.perform(get(item).with(bearer(token))).andExpect(status().isNotFound());
    mvc.perform(
            put(item)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {}, \"version\": 2}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void malformedRequestsAndUnknownPathsAreProblemsToo() throws Exception {
    problem(save("patient", "{\"values\": {\"age_years\": 60"), 400);
    problem(save("patient", "{\"values\": {\"age_years\": 60}, \"version\": \"one\"}"), 400);
    problem(save("patient", "{\"valeus\": {\"age_years\": 60}, \"version\": 0}"), 400)
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("valeus", "values")));
    problem(save("nonsense", "{\"values\": {}, \"version\": 0}"), 404);
    problem(save("complications", "{\"values\": {}, \"version\": 0}"), 404);
    problem(
        mvc.perform(
            post("/api/v1/cases/" + caseId + "/sections/patient/items")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {}}")),
        404);
    problem(
        mvc.perform(
            put("/api/v1/cases/" + caseId + "/sections/patient")
                .with(bearer(token))
                .contentType(MediaType.TEXT_PLAIN)
                .content("age_years=60")),
        415);
    problem(mvc.perform(get("/api/v1/cases/not-a-number").with(bearer(token))), 400);
    problem(mvc.perform(get("/api/v1/cases/" + Long.MAX_VALUE).with(bearer(token))), 404);
    problem(mvc.perform(get("/api/v1/no-such-thing").with(bearer(token))), 404);
    problem(mvc.perform(delete("/api/v1/series").with(bearer(token))), 405);
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/withdraw")
                .with(bearer(apiTokens.issue(testAccounts.account(Role.COORDINATOR, site))))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"  \"}"))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(count("select count(*) from case_patient where case_id = ?")).isZero();
  }

  @Test
  void theCaseListIsPagedFilteredAndBounded() throws Exception {
    for (int i = 0; i < 4; i++) {
      fixtures.newCase(series, site);
    }
    String cases = "/api/v1/series/" + series.getId() + "/cases";
    mvc.perform(get(cases).with(bearer(token)).param("size", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.total").value(5))
        .andExpect(jsonPath("$.totalPages").value(3))
        .andExpect(jsonPath("$.items[0].siteCode").value(site.getCode()))
        .andExpect(jsonPath("$.items[0].status").value("ACTIVE"));
    mvc.perform(get(cases).with(bearer(token)).param("size", "2").param("page", "3"))
        .andExpect(jsonPath("$.items", hasSize(1)));
    mvc.perform(get(cases).with(bearer(token)).param("size", "2").param("page", "4"))
        .andExpect(jsonPath("$.items", hasSize(0)))
        .andExpect(jsonPath("$.total").value(5));

    String studyCode =
        JsonPath.read(
            mvc.perform(get("/api/v1/cases/" + caseId).with(bearer(token)))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.studyCode");
    mvc.perform(get(cases).with(bearer(token)).param("q", studyCode.toLowerCase()))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(caseId));
    mvc.perform(get(cases).with(bearer(token)).param("status", "WITHDRAWN"))
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(get(cases).with(bearer(token)).param("site", site.getId().toString()))
        .andExpect(jsonPath("$.total").value(5));

    problem(mvc.perform(get(cases).with(bearer(token)).param("size", "101")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    problem(mvc.perform(get(cases).with(bearer(token)).param("size", "0")), 400);
    problem(mvc.perform(get(cases).with(bearer(token)).param("page", "0")), 400);
    problem(mvc.perform(get(cases).with(bearer(token)).param("status", "DRAFT")), 400)
        .andExpect(jsonPath("$.errors[0].field").value("status"));
  }

  private ResultActions save(String section, String json) throws Exception {
    return mvc.perform(
        put("/api/v1/cases/" + caseId + "/sections/" + section)
            .with(bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static ResultActions problem(ResultActions result, int status) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").exists())
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(content().string(not(containsString("<html"))));
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class, caseId);
  }
}
