package org.caseregistry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application, taken from its own request mappings, for every kind of caller:
 * anonymous, surgeon, coordinator and admin, of the record's own site and of another. An endpoint
 * without a rule here fails the build, so no page can be added without deciding who may use it.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTest {

  enum Caller {
    ANONYMOUS,
    SURGEON_OWN,
    SURGEON_OTHER,
    COORDINATOR_OWN,
    COORDINATOR_OTHER,
    ADMIN
  }

  enum Outcome {
    /** Served: 2xx, or a redirect that is not to the sign-in page. */
    ALLOWED,
    SIGN_IN,
    FORBIDDEN,
    NOT_FOUND
  }

  private static final Outcome A = Outcome.ALLOWED;
  private static final Outcome F = Outcome.FORBIDDEN;
  private static final Outcome N = Outcome.NOT_FOUND;

  /**
   * Expected outcomes in the order SURGEON_OWN, SURGEON_OTHER, COORDINATOR_OWN, COORDINATOR_OTHER,
   * ADMIN.
   */
  record Rule(Outcome[] outcomes, Map<String, String> params) {}

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  private static void rule(
      String endpoint,
      Outcome s,
      Outcome so,
      Outcome c,
      Outcome co,
      Outcome admin,
      String... params) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put(params[i], params[i + 1]);
    }
    RULES.put(endpoint, new Rule(new Outcome[] {s, so, c, co, admin}, map));
  }

  static {
    rule("GET /", A, A, A, A, A);
    rule("GET /account/password", A, A, A, A, A);
    rule("GET /account/tokens", A, A, A, A, A);
    rule("POST /account/tokens", A, A, A, A, A);
    // Someone else's (here: no) token: every caller gets 404.
    rule("POST /account/tokens/{tokenId}/revoke", N, N, N, N, N);
    rule("POST /account/password", A, A, A, A, A);
    for (String method : new String[] {"GET", "POST"}) {
      rule(method + " /admin/sites", F, F, F, F, A);
      rule(method + " /admin/sites/new", F, F, F, F, A);
      rule(method + " /admin/sites/{id}", F, F, F, F, A);
      rule(method + " /admin/accounts", F, F, F, F, A);
      rule(method + " /admin/accounts/new", F, F, F, F, A);
      rule(method + " /admin/accounts/{id}", F, F, F, F, A);
      rule(method + " /series/new", F, F, A, A, A);
      rule(method + " /series/{id}/edit", F, F, A, N, A);
      rule(method + " /series/{seriesId}/cases/new", A, N, F, F, A);
      rule(method + " /cases/{caseId}/header", A, N, A, N, A);
      rule(method + " /cases/{caseId}/sections/{slug}", A, N, A, N, A);
      rule(method + " /cases/{caseId}/sections", A, N, A, N, A);
      rule(method + " /cases/{caseId}/sections/{slug}/items/new", A, N, A, N, A);
      rule(method + " /cases/{caseId}/sections/{slug}/items/{itemId}", A, N, A, N, A);
      rule(method + " /cases/{caseId}/delete", F, F, F, F, A, "confirmation", "wrong");
    }
    rule("POST /admin/accounts/{id}/reset-password", F, F, F, F, A);
    // Reports: everyone of the series' sites reads them on screen; exports and settings are for
    // coordinators and admins.
    rule("GET /series/{seriesId}/reports", A, N, A, N, A);
    rule("GET /series/{seriesId}/reports/patients", A, N, A, N, A);
    rule("GET /series/{seriesId}/reports/summary", A, N, A, N, A);
    rule("GET /series/{seriesId}/reports/quality", A, N, A, N, A);
    for (String export :
        new String[] {
          "patients.csv", "patients.xlsx", "summary.csv", "summary.xlsx", "dataset.zip"
        }) {
      rule("GET /series/{seriesId}/reports/" + export, F, N, A, N, A);
    }
    rule("GET /series/{seriesId}/reports/settings", F, N, A, N, A);
    // The dashboard: everyone of the series' sites.
    rule("GET /series/{seriesId}/dashboard", A, N, A, N, A);
    rule("GET /series/{seriesId}/dashboard/charts/{chart}.svg", A, N, A, N, A);
    rule("GET /series/{seriesId}/dashboard/charts/{chart}.png", A, N, A, N, A);
    // Import: surgeons create and update their sites' cases, coordinators update, admins all;
    // the export in import format is for coordinators and admins.
    rule("GET /series/{seriesId}/import", A, N, A, N, A);
    rule("POST /series/{seriesId}/import", A, N, A, N, A);
    rule("POST /series/{seriesId}/import/commit", A, N, A, N, A, "token", "expired");
    rule("GET /series/{seriesId}/import/done", A, N, A, N, A);
    // The problems of the caller's own last check: without one there is nothing to download.
    rule("GET /series/{seriesId}/import/problems.csv", N, N, N, N, N);
    rule("GET /series/{seriesId}/import/template.xlsx", A, N, A, N, A);
    rule("GET /series/{seriesId}/import/template.zip", A, N, A, N, A);
    rule("GET /series/{seriesId}/import/export.xlsx", F, F, A, N, A);
    rule("GET /series/{seriesId}/import/export.zip", F, F, A, N, A);
    rule("POST /series/{seriesId}/reports/settings", F, N, A, N, A);
    // REDCap: the dictionary is read by the series' sites and changed by its coordinators and
    // admins; records are imported under the import's own rules (checked per case).
    rule("GET /series/{seriesId}/redcap", A, N, A, N, A);
    rule("GET /series/{seriesId}/redcap/dictionary.csv", A, N, A, N, A);
    rule("POST /series/{seriesId}/redcap/dictionary", F, N, A, N, A);
    rule("POST /series/{seriesId}/redcap/dictionary/apply", F, N, A, N, A, "token", "expired");
    rule("POST /series/{seriesId}/redcap/records", A, N, A, N, A);
    rule("POST /series/{seriesId}/redcap/records/commit", A, N, A, N, A, "token", "expired");
    rule("GET /series", A, A, A, A, A);
    rule("GET /series/{seriesId}/cases", A, N, A, N, A);
    rule("GET /cases/{caseId}", A, N, A, N, A);
    rule("GET /cases/{caseId}/history", A, N, A, N, A);
    rule("POST /cases/{caseId}/withdraw", F, F, A, N, A, "reason", "consent withdrawn");
    rule("POST /cases/{caseId}/restore", F, F, A, N, A);
    // A series' own form: its coordinators and admins edit it; surgeons enter its custom sections.
    rule("GET /series/{seriesId}/form", F, F, A, N, A);
    rule("GET /series/{seriesId}/form/history", F, F, A, N, A);
    rule("POST /series/{seriesId}/form/modules", F, F, A, N, A, "formVersion", "1");
    for (String method : List.of("GET", "POST")) {
      rule(method + " /series/{seriesId}/form/sections/new", F, F, A, N, A);
      rule(method + " /series/{seriesId}/form/sections/{key}", F, F, A, N, A);
      rule(method + " /series/{seriesId}/form/sections/{key}/fields/new", F, F, A, N, A);
      rule(method + " /series/{seriesId}/form/fields/{name}", F, F, A, N, A);
      rule(method + " /cases/{caseId}/forms/{key}", A, N, A, N, A);
      rule(method + " /cases/{caseId}/forms/{key}/items/new", A, N, A, N, A);
      rule(method + " /cases/{caseId}/forms/{key}/items/{itemId}", A, N, A, N, A);
    }
    rule("POST /series/{seriesId}/form/sections/{key}/{action}", F, F, A, N, A, "formVersion", "1");
    rule("POST /series/{seriesId}/form/fields/{name}/{action}", F, F, A, N, A, "formVersion", "1");
    rule("POST /cases/{caseId}/forms/{key}/items/{itemId}/delete", A, N, A, N, A, "version", "1");
    rule(
        "POST /cases/{caseId}/sections/{slug}/items/{itemId}/delete",
        A,
        N,
        A,
        N,
        A,
        "version",
        "1");
    // Field queries: coordinators and admins raise, close and re-open them; the surgeons of the
    // case's site (and admins) answer; everyone of the site reads them.
    rule("GET /cases/{caseId}/queries/new", F, F, A, N, A);
    rule("POST /cases/{caseId}/queries", F, F, A, N, A, "question", "Is pN right?");
    rule("GET /cases/{caseId}/queries/{queryId}", A, N, A, N, A);
    rule("POST /cases/{caseId}/queries/{queryId}/answer", A, N, F, N, A, "message", "Checked.");
    rule("POST /cases/{caseId}/queries/{queryId}/close", F, F, A, N, A);
    rule("POST /cases/{caseId}/queries/{queryId}/reopen", F, F, A, N, A, "message", "Why");
    rule("POST /cases/{caseId}/warnings/confirm", F, F, A, N, A, "code", "x", "reason", "ok");
    rule("GET /queries", A, A, A, A, A);
    rule("GET /series/{seriesId}/queries", A, N, A, N, A);
    rule("POST /series/{seriesId}/queries/bulk", F, F, A, N, A, "code", "pn", "question", "?");
    // Sign-off: surgeons complete, coordinators verify, re-open and lock, admins unlock.
    rule("POST /cases/{caseId}/sign-off/complete", A, N, F, F, A);
    rule("POST /cases/{caseId}/sign-off/verify", F, F, A, N, A);
    rule("POST /cases/{caseId}/sign-off/reopen", F, F, A, N, A);
    rule("POST /cases/{caseId}/sign-off/lock", F, F, A, N, A);
    rule("POST /cases/{caseId}/sign-off/unlock", F, F, F, F, A, "reason", "typo");
    // Frozen datasets: for those who may export (coordinators, admins).
    rule("GET /series/{seriesId}/frozen", F, F, A, N, A);
    rule("POST /series/{seriesId}/frozen", F, F, A, N, A, "name", "Matrix");
    rule("GET /series/{seriesId}/frozen/{datasetId}", F, F, A, N, A);
    rule("GET /series/{seriesId}/frozen/{datasetId}/files/{fileName:.+}", F, F, A, N, A);
    rule("POST /series/{seriesId}/frozen/{datasetId}/withdraw", F, F, A, N, A, "reason", "x");
  }

  /** Served to anyone; not part of the matrix. */
  private static final List<String> PUBLIC =
      List.of("GET /login", "POST /login", "GET /error", "POST /error");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired QueryService queries;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /**
   * A fresh series, case and list item per check, so that no check sees what an earlier one changed
   * (a withdrawal, a deletion); sites and accounts are shared, no check changes them.
   */
  private record World(
      HospitalSite site,
      CaseSeries series,
      long caseId,
      long itemId,
      long customItemId,
      long queryId,
      Account target,
      Map<Caller, Account> callers) {}

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

  private World world(HospitalSite own, Map<Caller, Account> callers) {
    CaseSeries series = fixtures.series(FORM, own);
    long caseId = fixtures.newCase(series, own);
    long customItemId = fixtures.addCustomItem(caseId, "doses", Map.of("dose_mg", "2.5"));
    long itemId =
        fixtures.addItem(
            caseId,
            Section.NODES,
            Map.of("node_field", "THORACIC", "nodes_positive", "0", "nodes_examined", "5"));
    // The account that admin pages act on (a password reset must not touch a caller).
    Account target = testAccounts.account(Role.SURGEON, own);
    long queryId =
        queries
            .open(
                caseId,
                new QueryService.OpenRequest(null, null, null, "Matrix?", null),
                CaseFixtures.system())
            .queryId();
    return new World(own, series, caseId, itemId, customItemId, queryId, target, callers);
  }

  @Test
  void everyEndpointHasARuleAndEveryCallerGetsWhatTheRuleSays() throws Exception {
    List<String> endpoints = endpoints();
    assertThat(new TreeSet<>(endpoints))
        .as("endpoints without a rule in this matrix")
        .isSubsetOf(new TreeSet<>(concat(RULES.keySet(), PUBLIC)));
    HospitalSite own = testAccounts.site();
    HospitalSite other = testAccounts.site();
    fixtures.series(other);
    Map<Caller, Account> callers = new EnumMap<>(Caller.class);
    callers.put(Caller.SURGEON_OWN, testAccounts.account(Role.SURGEON, own));
    callers.put(Caller.SURGEON_OTHER, testAccounts.account(Role.SURGEON, other));
    callers.put(Caller.COORDINATOR_OWN, testAccounts.account(Role.COORDINATOR, own));
    callers.put(Caller.COORDINATOR_OTHER, testAccounts.account(Role.COORDINATOR, other));
    callers.put(Caller.ADMIN, testAccounts.account(Role.ADMIN));
    List<String> failures = new ArrayList<>();
    for (String endpoint : endpoints) {
      if (PUBLIC.contains(endpoint)) {
        continue;
      }
      Rule rule = RULES.get(endpoint);
      for (Caller caller : Caller.values()) {
        World world = world(own, callers);
        Outcome expected =
            caller == Caller.ANONYMOUS ? Outcome.SIGN_IN : rule.outcomes()[caller.ordinal() - 1];
        Outcome actual = call(endpoint, rule, world, caller);
        if (actual != expected) {
          failures.add(endpoint + " as " + caller + ": expected " + expected + ", got " + actual);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private Outcome call(String endpoint, Rule rule, World world, Caller caller) throws Exception {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String path =
        endpoint
            .substring(endpoint.indexOf(' ') + 1)
            .replace("/forms/{key}/items/{itemId}", "/forms/doses/items/" + world.customItemId())
            .replace("/forms/{key}/items", "/forms/doses/items")
            .replace("{key}", "extra")
            .replace("{name}", "extra_score")
            .replace("{action}", "up")
            .replace("{seriesId}", world.series().getId().toString())
            .replace("{caseId}", String.valueOf(world.caseId()))
            .replace("{itemId}", String.valueOf(world.itemId()))
            .replace("{queryId}", String.valueOf(world.queryId()))
            .replace("{slug}", "nodes")
            .replace("{tokenId}", "987654321")
            .replace("{chart}", "enrolment")
            .replace("/sites/{id}", "/sites/" + world.site().getId())
            .replace("/accounts/{id}", "/accounts/" + world.target().getId())
            .replace("/series/{id}", "/series/" + world.series().getId());
    if (path.endsWith("/sections/nodes")) {
      path = path.replace("/sections/nodes", "/sections/patient");
    }
    if (path.contains("{datasetId}")) {
      path =
          path.replace("{datasetId}", frozenDataset(world)).replace("{fileName:.+}", "summary.csv");
    }
    MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
    rule.params().forEach(request::param);
    if (!"GET".equals(method)) {
      request.with(csrf());
    }
    if (caller != Caller.ANONYMOUS) {
      request.with(user(TestAccounts.principal(world.callers().get(caller))));
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    int status = response.getStatus();
    if (status == 302
        && response.getRedirectedUrl() != null
        && response.getRedirectedUrl().endsWith("/login")) {
      return Outcome.SIGN_IN;
    }
    if (status == 403) {
      return Outcome.FORBIDDEN;
    }
    if (status == 404) {
      return Outcome.NOT_FOUND;
    }
    if (status < 400) {
      return Outcome.ALLOWED;
    }
    throw new AssertionError(endpoint + " as " + caller + " answered " + status);
  }

  /** A dataset of the world's series frozen by the admin, for the frozen-dataset endpoints. */
  private String frozenDataset(World world) throws Exception {
    String location =
        mvc.perform(
                request(HttpMethod.POST, "/series/" + world.series().getId() + "/frozen")
                    .param("name", TestAccounts.unique("Frozen "))
                    .with(csrf())
                    .with(user(TestAccounts.principal(world.callers().get(Caller.ADMIN)))))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private List<String> endpoints() {
    List<String> endpoints = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")
            || pattern.startsWith("/v3/api-docs")
            || pattern.startsWith("/swagger-ui")) {
          continue; // the API has its own matrix, with tokens
        }
        var methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          endpoints.add("GET " + pattern);
          endpoints.add("POST " + pattern);
        }
        for (RequestMethod method : methods) {
          endpoints.add(method.name() + " " + pattern);
        }
      }
    }
    return endpoints;
  }

  private static List<String> concat(
      java.util.Collection<String> a, java.util.Collection<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
