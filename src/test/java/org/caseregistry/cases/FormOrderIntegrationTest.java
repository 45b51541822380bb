package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormChanges;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.FormVersion;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order of a series' form, one list of modules and custom sections: moved in the editor, stored
 * as a new version (older versions keep modules first), and followed by the case page, the
 * workspace navigation and the form JSON of the API.
 */
@IntegrationTest
class FormOrderIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens apiTokens;
  @Autowired CaseFixtures fixtures;
  @Autowired FormService formService;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  SignedInAccount coordinator;
  SignedInAccount surgeon;
  CaseSeries series;
  long caseId;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    coordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    series = fixtures.series(form(), site);
    caseId = fixtures.newCase(series, site);
  }

  static FormDefinition form() {
    SectionDefinition ecmo =
        new SectionDefinition(
            "ecmo",
            "ECMO course",
            "Diễn tiến ECMO",
            false,
            false,
            List.of(FieldDefinition.of("ecmo_days", FieldType.INTEGER, "ECMO days", null)));
    SectionDefinition outcome =
        new SectionDefinition(
            "outcome",
            "Outcome",
            null,
            false,
            false,
            List.of(FieldDefinition.of("alive_30", FieldType.YES_NO, "Alive at 30 days", null)));
    return new FormDefinition(
        List.of(Section.PATIENT, Section.OPERATION, Section.POSTOP), List.of(ecmo, outcome));
  }

  @Test
  void aSectionMovedBetweenTwoModulesIsANewVersionAndTheCasePageShowsItThere() throws Exception {
    long seriesId = series.getId();
    int before = formService.currentVersion(seriesId);
    assertThat(formService.current(seriesId).orderedKeys())
        .containsExactly("patient", "operation", "postop", "ecmo", "outcome");

    mvc.perform(
            post("/series/" + seriesId + "/form/sections/ecmo/up")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", String.valueOf(before)))
        .andExpect(status().isFound());

    FormDefinition after = formService.current(seriesId);
    assertThat(formService.currentVersion(seriesId)).isEqualTo(before + 1);
    assertThat(after.orderedKeys())
        .containsExactly("patient", "operation", "ecmo", "postop", "outcome");
    assertThat(after.modules()).containsExactly(Section.PATIENT, Section.OPERATION, Section.POSTOP);
    List<FormVersion> history = formService.history(seriesId, CaseFixtures.system());
    assertThat(history.get(0).changes())
        .containsExactly(new FormChanges.Change("form.change.sections-reordered", List.of()));
    // The older version was stored without an order and keeps modules first.
    FormVersion first = history.get(1);
    assertThat(first.definition().order()).isNull();
    assertThat(first.definition().orderedKeys())
        .containsExactly("patient", "operation", "postop", "ecmo", "outcome");
    assertThat(
            jdbc.queryForObject(
                "select definition -> 'order' ->> 2 from series_form"
                    + " where series_id = ? and version = ?",
                String.class,
                seriesId,
                before + 1))
        .isEqualTo("ecmo");

    String page =
        mvc.perform(get("/cases/" + caseId).with(user(surgeon)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertInOrder(page, "id=\"operation\"", "id=\"custom-ecmo\"", "id=\"postop\"");
    assertInOrder(page, "id=\"postop\"", "id=\"custom-outcome\"");
    int navStart = page.indexOf("id=\"workspace-nav\"");
    String nav = page.substring(navStart, page.indexOf("</nav>", navStart));
    assertInOrder(nav, "id=\"nav-patient\"", "id=\"nav-operation\"", "id=\"nav-custom-ecmo\"");
    assertInOrder(nav, "id=\"nav-custom-ecmo\"", "id=\"nav-postop\"", "id=\"nav-custom-outcome\"");

    String editor =
        mvc.perform(get("/series/" + seriesId + "/form").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertInOrder(editor, "id=\"order-operation\"", "id=\"order-ecmo\"", "id=\"order-postop\"");
    assertInOrder(
        editor,
        "id=\"preview-module-operation\"",
        "id=\"preview-ecmo\"",
        "id=\"preview-module-postop\"");
  }

  @Test
  void theFormJsonGivesTheOrderAndAPutWithoutOneKeepsIt() throws Exception {
    long seriesId = series.getId();
    String token = apiTokens.issue(testAccounts.account(Role.COORDINATOR, site));
    String path = "/api/v1/series/" + seriesId + "/form";
    int version = formService.currentVersion(seriesId);
    mvc.perform(
            put(path)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(version, List.of("ecmo", "patient", "outcome"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(version + 1))
        .andExpect(jsonPath("$.form.order[0]").value("ecmo"))
        .andExpect(jsonPath("$.form.order[1]").value("patient"))
        // Modules left out of the order slot in after the module before them in the catalog.
        .andExpect(jsonPath("$.form.order[2]").value("operation"))
        .andExpect(jsonPath("$.form.order[3]").value("postop"))
        .andExpect(jsonPath("$.form.order[4]").value("outcome"));
    mvc.perform(get(path).with(bearer(token)))
        .andExpect(jsonPath("$.form.order[0]").value("ecmo"))
        .andExpect(jsonPath("$.form.sections[0].key").value("ecmo"));

    // Without an order (and a field added), the form keeps the one it has.
    mvc.perform(
            put(path)
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(version + 1, null).replace("ECMO days\"", "ECMO days (total)\"")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(version + 2))
        .andExpect(jsonPath("$.form.order[0]").value("ecmo"))
        .andExpect(jsonPath("$.form.order[4]").value("outcome"))
        .andExpect(jsonPath("$.form.sections[0].fields[0].labelEn").value("ECMO days (total)"));
    assertThat(formService.current(seriesId).orderedKeys())
        .containsExactly("ecmo", "patient", "operation", "postop", "outcome");
  }

  private static String json(int version, List<String> order) {
    String form = JSON.writeValueAsString(form().withOrder(order));
    if (order == null) {
      form = form.replace(",\"order\":null", "");
    }
    return "{\"version\": " + version + ", \"form\": " + form + "}";
  }

  private static void assertInOrder(String text, String... markers) {
    int from = -1;
    for (String marker : markers) {
      int at = text.indexOf(marker);
      assertThat(at).as(marker + " after the one before").isGreaterThan(from);
      from = at;
    }
  }
}
