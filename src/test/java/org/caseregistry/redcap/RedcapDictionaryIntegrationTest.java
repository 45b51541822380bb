package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A REDCap data dictionary uploaded into a series through the page and the API: dry run listing
 * every row not taken as it is, explicit apply as a new form version, download giving back the same
 * file; only the series' coordinators and admins change the form.
 */
@IntegrationTest
class RedcapDictionaryIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired FormService formService;
  @Autowired ApiTestTokens tokens;

  HospitalSite site;
  CaseSeries series;
  SignedInAccount coordinator;
  SignedInAccount surgeon;
  SignedInAccount otherCoordinator;
  String coordinatorToken;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(site);
    var coordinatorAccount = testAccounts.account(Role.COORDINATOR, site);
    coordinator = TestAccounts.principal(coordinatorAccount);
    coordinatorToken = tokens.issue(coordinatorAccount);
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    otherCoordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, testAccounts.site()));
  }

  private String url(CaseSeries target, String path) {
    return "/series/" + target.getId() + "/redcap" + path;
  }

  private static MockMultipartFile file(String resource) throws Exception {
    return new MockMultipartFile(
        "file", resource, "text/csv", DictionaryReaderTest.resource(resource));
  }

  private static MockMultipartFile file(byte[] bytes) {
    return new MockMultipartFile("file", "dictionary.csv", "text/csv", bytes);
  }

  /** Uploads and applies a dictionary through the pages as the coordinator. */
  private void uploadAndApply(CaseSeries target, MockMultipartFile dictionary) throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult dryRun =
        mvc.perform(
                multipart(url(target, "/dictionary"))
                    .file(dictionary)
                    .session(session)
                    .with(user(coordinator))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"apply-form\"")))
            .andReturn();
    String token = token(dryRun);
    mvc.perform(
            post(url(target, "/dictionary/apply"))
                .param("token", token)
                .session(session)
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(redirectedUrl(url(target, "")));
  }

  /** The token of the page's hidden field, as the browser sends it back. */
  static String token(MvcResult page) throws Exception {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
            .matcher(page.getResponse().getContentAsString());
    return matcher.find() ? matcher.group(1) : "none";
  }

  private byte[] download(CaseSeries target) throws Exception {
    return mvc.perform(get(url(target, "/dictionary.csv")).with(user(coordinator)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString("text/csv")))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  @Test
  void aCoordinatorReadsTheDryRunAppliesItAndDownloadsWhatWasTaken() throws Exception {
    MockHttpSession session = new MockHttpSession();
    int before = formService.currentVersion(series.getId());

    MvcResult dryRun =
        mvc.perform(
                multipart(url(series, "/dictionary"))
                    .file(file("ecmo-dictionary.csv"))
                    .session(session)
                    .with(user(coordinator))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"dictionary-problems\"")))
            .andExpect(content().string(containsString("consent_form")))
            .andExpect(
                content()
                    .string(containsString("The field type &quot;slider&quot; is not supported.")))
            .andExpect(content().string(containsString("@HIDDEN-SURVEY @READONLY")))
            .andExpect(content().string(containsString("id=\"apply-form\"")))
            .andReturn();
    assertThat(formService.currentVersion(series.getId())).isEqualTo(before);
    String token = token(dryRun);

    mvc.perform(
            post(url(series, "/dictionary/apply"))
                .param("token", token)
                .session(session)
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(redirectedUrl(url(series, "")));

    assertThat(formService.currentVersion(series.getId())).isEqualTo(before + 1);
    assertThat(formService.current(series.getId()).modules()).isEmpty();
    assertThat(formService.current(series.getId()).field("vasopressors")).isPresent();
    assertThat(new String(download(series), "UTF-8"))
        .isEqualTo(
            new String(DictionaryReaderTest.resource("ecmo-dictionary-as-taken.csv"), "UTF-8"));
    // A used token is gone: applying twice applies nothing.
    mvc.perform(
            post(url(series, "/dictionary/apply"))
                .param("token", token)
                .session(session)
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"dictionary-error\"")));
  }

  @Test
  void theEsophagectomyDemoFormDownloadsAsADictionaryThatMakesANewSeriesTheSame() throws Exception {
    byte[] demo = download(series);
    assertThat(formService.current(series.getId()))
        .isEqualTo(FormTemplate.ESOPHAGECTOMY.definition());
    CaseSeries other = fixtures.series(site);
    uploadAndApply(other, file("ecmo-dictionary.csv"));
    assertThat(formService.current(other.getId()).modules()).isEmpty();

    uploadAndApply(other, file(demo));

    assertThat(formService.current(other.getId()))
        .isEqualTo(FormTemplate.ESOPHAGECTOMY.definition());
    assertThat(download(other)).isEqualTo(demo);
  }

  @Test
  void aDictionaryThatWouldOrphanStoredValuesIsRefusedInTheDryRun() throws Exception {
    long caseId = fixtures.newCase(series, site);
    fixtures.addItem(
        caseId,
        Section.NODES,
        Map.of("node_field", "THORACIC", "nodes_positive", "0", "nodes_examined", "5"));

    mvc.perform(
            multipart(url(series, "/dictionary"))
                .file(file("ecmo-dictionary.csv"))
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"not-applicable\"")))
        .andExpect(content().string(not(containsString("id=\"apply-form\""))));
    assertThat(formService.current(series.getId()).hasModule(Section.NODES)).isTrue();
  }

  @Test
  void aRefusedDictionaryOffersNoApply() throws Exception {
    byte[] clash =
        (DictionaryReaderTest.HEADING
                + "record_id,main,,text,Record ID,,,,,,,,,,,,,\n"
                + "age_years,main,,text,Age,,,integer,,,,,,,,,,\n")
            .getBytes("UTF-8");

    mvc.perform(
            multipart(url(series, "/dictionary"))
                .file(file(clash))
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("belongs to a variable of a built-in module")))
        .andExpect(content().string(not(containsString("id=\"apply-form\""))));
  }

  @Test
  void onlyTheSeriesCoordinatorsAndAdminsUploadAndEveryoneOfItsSitesDownloads() throws Exception {
    mvc.perform(
            multipart(url(series, "/dictionary"))
                .file(file("ecmo-dictionary.csv"))
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart(url(series, "/dictionary"))
                .file(file("ecmo-dictionary.csv"))
                .with(user(otherCoordinator))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(
            multipart(url(series, "/dictionary"))
                .file(file("ecmo-dictionary.csv"))
                .with(user(coordinator)))
        .andExpect(status().isForbidden());
    mvc.perform(get(url(series, "/dictionary.csv")).with(user(surgeon))).andExpect(status().isOk());
    mvc.perform(get(url(series, "")).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"dictionary-form\""))));
    mvc.perform(get(url(series, "/dictionary.csv")).with(user(otherCoordinator)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theApiReadsAndWritesTheDictionaryWithADryRunAndIfMatch() throws Exception {
    String path = "/api/v1/series/" + series.getId() + "/form";
    byte[] dictionary = DictionaryReaderTest.resource("ecmo-dictionary.csv");
    MvcResult read =
        mvc.perform(get(path).accept("text/csv").with(bearer(coordinatorToken)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("text/csv")))
            .andExpect(content().string(containsString("\nrecord_id,patient,,text,Record ID,")))
            .andReturn();
    String etag = read.getResponse().getHeader("ETag");

    mvc.perform(
            put(path)
                .param("dryRun", "true")
                .contentType("text/csv")
                .content(dictionary)
                .with(bearer(coordinatorToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applicable").value(true))
        .andExpect(jsonPath("$.rows[2].row").value(12))
        .andExpect(jsonPath("$.rows[2].field").value("consent_form"))
        .andExpect(jsonPath("$.rows[2].severity").value("SKIPPED"))
        .andExpect(jsonPath("$.rows[2].message").value("The field type \"file\" is not supported."))
        .andExpect(jsonPath("$.sections[0]").value("demographics"));
    int before = formService.currentVersion(series.getId());
    assertThat(before).isEqualTo(Integer.parseInt(etag.replace("\"", "")));

    mvc.perform(
            put(path).contentType("text/csv").content(dictionary).with(bearer(coordinatorToken)))
        .andExpect(status().isPreconditionRequired());
    mvc.perform(
            put(path)
                .contentType("text/csv")
                .content(dictionary)
                .header("If-Match", etag)
                .with(bearer(coordinatorToken)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(before + 1));
    mvc.perform(
            put(path)
                .contentType("text/csv")
                .content(dictionary)
                .header("If-Match", etag)
                .with(bearer(coordinatorToken)))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(
            put(path)
                .contentType("text/csv")
                .content(
                    (DictionaryReaderTest.HEADING
                            + "record_id,main,,text,Record ID,,,,,,,,,,,,,\n"
                            + "age_years,main,,text,Age,,,integer,,,,,,,,,,\n")
                        .getBytes("UTF-8"))
                .header("If-Match", "\"" + (before + 1) + "\"")
                .with(bearer(coordinatorToken)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("age_years"))
        .andExpect(jsonPath("$.errors[0].code").value("redcap.problem.builtin_clash"));
    assertThat(formService.currentVersion(series.getId())).isEqualTo(before + 1);
  }
}
