package org.caseregistry.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.query.QueryService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The REST API's matrix: every /api endpoint, from the application's own mappings, for every caller
 * with a personal token (surgeon, coordinator, admin; of the record's site or another) and without
 * one. An API endpoint without a rule here fails the build.
 */
@IntegrationTest
class ApiAuthorizationMatrixIntegrationTest {

  enum Caller {
    SURGEON_OWN,
    SURGEON_OTHER,
    COORDINATOR_OWN,
    COORDINATOR_OTHER,
    ADMIN
  }

  /** Past authorization (2xx, or a validation or version answer), refused, hidden, or unsigned. */
  enum Outcome {
    ALLOWED,
    FORBIDDEN,
    NOT_FOUND,
    UNAUTHORIZED
  }

  private static final Outcome A = Outcome.ALLOWED;
  private static final Outcome F = Outcome.FORBIDDEN;
  private static final Outcome N = Outcome.NOT_FOUND;

  record Rule(Outcome[] outcomes, String body) {}

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  /**
   * Marks an endpoint variant that reads or writes {@code text/csv} (the REDCap dictionary), told
   * apart from the JSON variant of the same path by content negotiation.
   */
  private static final String CSV_VARIANT = " text/csv";

  /** The file uploaded to the import endpoints, as the part "file" of a multipart request. */
  private static final String IMPORT_FILE = "study_code,site_code\n";

  private static void rule(String endpoint, String body, Outcome... outcomes) {
    RULES.put(endpoint, new Rule(outcomes, body));
  }

  static {
    rule("GET /api/v1/series", null, A, A, A, A, A);
    rule("GET /api/v1/series/{seriesId}", null, A, N, A, N, A);
    rule("GET /api/v1/series/{seriesId}/cases", null, A, N, A, N, A);
    rule(
        "POST /api/v1/series/{seriesId}/cases",
        "{\"studyCode\": \"{code}\", \"siteId\": {siteId}}",
        A,
        N,
        F,
        F,
        A);
    rule("GET /api/v1/cases/{caseId}", null, A, N, A, N, A);
    rule("GET /api/v1/cases/{caseId}/sections/{section}", null, A, N, A, N, A);
    rule(
        "PUT /api/v1/cases/{caseId}/sections/{section}",
        "{\"values\": {\"sex\": \"MALE\"}, \"missing\": {}, \"version\": 0}",
        A,
        N,
        A,
        N,
        A);
    rule(
        "POST /api/v1/cases/{caseId}/sections/{section}/items",
        "{\"values\": {\"node_field\": \"ABDOMINAL\", \"nodes_positive\": 0, \"nodes_examined\":"
            + " 3}, \"missing\": {}}",
        A,
        N,
        A,
        N,
        A);
    rule("GET /api/v1/cases/{caseId}/sections/{section}/items/{itemId}", null, A, N, A, N, A);
    rule(
        "PUT /api/v1/cases/{caseId}/sections/{section}/items/{itemId}",
        "{\"values\": {\"node_field\": \"THORACIC\", \"nodes_positive\": 0, \"nodes_examined\": 6},"
            + " \"missing\": {}, \"version\": 1}",
        A,
        N,
        A,
        N,
        A);
    rule("DELETE /api/v1/cases/{caseId}/sections/{section}/items/{itemId}", null, A, N, A, N, A);
    rule(
        "POST /api/v1/cases/{caseId}/withdraw",
        "{\"reason\": \"Consent withdrawn\"}",
        F,
        N,
        A,
        N,
        A);
    // A series' own form as JSON, and the custom sections of a case.
    rule("GET /api/v1/series/{seriesId}/form", null, A, N, A, N, A);
    rule(
        "PUT /api/v1/series/{seriesId}/form",
        "{\"version\": 1, \"form\": {\"modules\": [\"PATIENT\"], \"sections\": []}}",
        F,
        F,
        A,
        N,
        A);
    rule("GET /api/v1/cases/{caseId}/forms/{key}", null, A, N, A, N, A);
    rule(
        "PUT /api/v1/cases/{caseId}/forms/{key}",
        "{\"values\": {\"extra_score\": 3}, \"missing\": {}, \"version\": 0}",
        A,
        N,
        A,
        N,
        A);
    rule(
        "POST /api/v1/cases/{caseId}/forms/{key}/items",
        "{\"values\": {\"dose_mg\": 1.5}, \"missing\": {}}",
        A,
        N,
        A,
        N,
        A);
    rule("GET /api/v1/cases/{caseId}/forms/{key}/items/{itemId}", null, A, N, A, N, A);
    rule(
        "PUT /api/v1/cases/{caseId}/forms/{key}/items/{itemId}",
        "{\"values\": {\"dose_mg\": 2}, \"missing\": {}, \"version\": 1}",
        A,
        N,
        A,
        N,
        A);
    rule("DELETE /api/v1/cases/{caseId}/forms/{key}/items/{itemId}", null, A, N, A, N, A);
    rule("GET /api/v1/cases/{caseId}/queries", null, A, N, A, N, A);
    rule("POST /api/v1/cases/{caseId}/queries", "{\"question\": \"Is pN right?\"}", F, F, A, N, A);
    rule("GET /api/v1/queries", null, A, A, A, A, A);
    rule("GET /api/v1/queries/{queryId}", null, A, N, A, N, A);
    rule("POST /api/v1/queries/{queryId}/answer", "{\"message\": \"Checked.\"}", A, N, F, F, A);
    rule("POST /api/v1/queries/{queryId}/close", "{}", F, F, A, N, A);
    rule("POST /api/v1/queries/{queryId}/reopen", "{\"message\": \"Why?\"}", F, F, A, N, A);
    for (String table : new String[] {"patients", "summary", "quality"}) {
      rule("GET /api/v1/series/{seriesId}/reports/" + table, null, A, N, A, N, A);
    }
    for (String export :
        new String[] {
          "patients.csv", "patients.xlsx", "summary.csv", "summary.xlsx", "dataset.zip"
        }) {
      rule("GET /api/v1/series/{seriesId}/reports/" + export, null, F, N, A, N, A);
    }
    // Import through the API (a multipart upload): the series' sites; each case is judged as on
    // the import page (here a file without cases, so every caller past the series may run it).
    rule("POST /api/v1/series/{seriesId}/import/check", IMPORT_FILE, A, N, A, N, A);
    rule("POST /api/v1/series/{seriesId}/import", IMPORT_FILE, A, N, A, N, A);
    // The form as a REDCap data dictionary: read by the series' sites, changed (here: a dry run)
    // by its coordinators and admins.
    rule("GET /api/v1/series/{seriesId}/form" + CSV_VARIANT, null, A, N, A, N, A);
    rule(
        "PUT /api/v1/series/{seriesId}/form" + CSV_VARIANT,
        "\"Variable / Field Name\",\"Form Name\"\nrecord_id,main,,text,Record ID\n",
        F,
        N,
        A,
        N,
        A);
  }

  private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  /** Every built-in module plus a single and a repeating custom section. */
  private static final FormDefinition FORM =
      new FormDefinition(
          FormTemplate.ESOPHAGECTOMY_MODULES,
          List.of(
              new SectionDefinition(
                  "extra",
                  "Extra",
                  null,
                  false,
                  false,
                  List.of(FieldDefinition.of("extra_score", FieldType.INTEGER, "Score", null))),
              new SectionDefinition(
                  "doses",
                  "Doses",
                  null,
                  true,
                  false,
                  List.of(FieldDefinition.of("dose_mg", FieldType.DECIMAL, "Dose", null)))));

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired ApiTestTokens tokens;
  @Autowired QueryService queries;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointHasARuleAndEveryCallerGetsWhatTheRuleSays() throws Exception {
    List<String> endpoints = endpoints();
    assertThat(new TreeSet<>(endpoints))
        .as("API endpoints without a rule")
        .isSubsetOf(RULES.keySet());
    HospitalSite own = testAccounts.site();
    HospitalSite other = testAccounts.site();
    fixtures.series(other);
    Map<Caller, String> callers = new EnumMap<>(Caller.class);
    callers.put(Caller.SURGEON_OWN, tokens.issue(testAccounts.account(Role.SURGEON, own)));
    callers.put(Caller.SURGEON_OTHER, tokens.issue(testAccounts.account(Role.SURGEON, other)));
    callers.put(Caller.COORDINATOR_OWN, tokens.issue(testAccounts.account(Role.COORDINATOR, own)));
    callers.put(
        Caller.COORDINATOR_OTHER, tokens.issue(testAccounts.account(Role.COORDINATOR, other)));
    callers.put(Caller.ADMIN, tokens.issue(testAccounts.account(Role.ADMIN)));
    List<String> failures = new ArrayList<>();
    for (String endpoint : endpoints) {
      Rule rule = RULES.get(endpoint);
      Outcome anonymous = call(endpoint, rule, own, null);
      if (anonymous != Outcome.UNAUTHORIZED) {
        failures.add(endpoint + " without a token: " + anonymous);
      }
      for (Caller caller : Caller.values()) {
        Outcome actual = call(endpoint, rule, own, callers.get(caller));
        if (actual != rule.outcomes()[caller.ordinal()]) {
          failures.add(
              endpoint
                  + " as "
                  + caller
                  + ": expected "
                  + rule.outcomes()[caller.ordinal()]
                  + ", got "
                  + actual);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /** A fresh series, case and item per call, so that no call sees what another changed. */
  private Outcome call(String endpoint, Rule rule, HospitalSite own, String token)
      throws Exception {
    CaseSeries series = fixtures.series(FORM, own);
    long caseId = fixtures.newCase(series, own);
    long itemId =
        fixtures.addItem(
            caseId,
            Section.NODES,
            Map.of("node_field", "THORACIC", "nodes_positive", "0", "nodes_examined", "5"));
    if (endpoint.contains("/forms/")) {
      itemId = fixtures.addCustomItem(caseId, "doses", Map.of("dose_mg", "2.5"));
    }
    long queryId =
        queries
            .open(
                caseId,
                new QueryService.OpenRequest(null, null, null, "Matrix?", null),
                CaseFixtures.system())
            .queryId();
    boolean csv = endpoint.endsWith(CSV_VARIANT);
    String plain = csv ? endpoint.substring(0, endpoint.length() - CSV_VARIANT.length()) : endpoint;
    String method = plain.substring(0, plain.indexOf(' '));
    String path =
        plain
            .substring(plain.indexOf(' ') + 1)
            .replace("{seriesId}", series.getId().toString())
            .replace("{caseId}", String.valueOf(caseId))
            .replace("{itemId}", String.valueOf(itemId))
            .replace("{queryId}", String.valueOf(queryId))
            .replace("{section}", endpoint.contains("/items") ? "nodes" : "patient")
            .replace("{key}", endpoint.contains("/items") ? "doses" : "extra");
    AbstractMockHttpServletRequestBuilder<?> request =
        IMPORT_FILE.equals(rule.body())
            ? multipart(path)
                .file(
                    new MockMultipartFile(
                        "file", "cases.csv", "text/csv", IMPORT_FILE.getBytes(UTF_8)))
            : request(HttpMethod.valueOf(method), path);
    if ("DELETE".equals(method)) {
      request.param("version", "1");
    }
    if (csv && rule.body() == null) {
      request.accept("text/csv");
    } else if (csv) {
      request
          .param("dryRun", "true")
          .contentType("text/csv")
          .accept(MediaType.APPLICATION_JSON)
          .content(rule.body());
    } else if (rule.body() != null && !IMPORT_FILE.equals(rule.body())) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(
              rule.body()
                  .replace("{code}", TestAccounts.unique("M"))
                  .replace("{siteId}", own.getId().toString()));
    }
    if (token != null) {
      request.with(bearer(token));
    }
    int status = mvc.perform(request).andReturn().getResponse().getStatus();
    return switch (status) {
      case 401 -> Outcome.UNAUTHORIZED;
      case 403 -> Outcome.FORBIDDEN;
      case 404 -> Outcome.NOT_FOUND;
      default -> {
        if (status >= 500) {
          throw new AssertionError(endpoint + " answered " + status);
        }
        yield Outcome.ALLOWED;
      }
    };
  }

  private List<String> endpoints() {
    List<String> endpoints = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        boolean csv =
            info.getConsumesCondition().getConsumableMediaTypes().contains(TEXT_CSV)
                || info.getProducesCondition().getProducibleMediaTypes().contains(TEXT_CSV);
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          endpoints.add(method.name() + " " + pattern + (csv ? CSV_VARIANT : ""));
        }
      }
    }
    return endpoints;
  }
}
