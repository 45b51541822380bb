package org.caseregistry.api;

import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Account;
import org.caseregistry.account.ApiTokenService;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Who gets into the API: a valid bearer token only. No token, a bad one, a revoked one, one of a
 * deactivated account, or a signed-in browser session: 401 problem JSON, never a redirect.
 */
@IntegrationTest
class ApiAuthenticationIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens apiTokens;
  @Autowired ApiTokenService tokenService;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  Account surgeon;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(site);
    surgeon = testAccounts.account(Role.SURGEON, site);
  }

  @Test
  void aValidTokenActsAsItsAccount() throws Exception {
    String token = apiTokens.issue(surgeon);
    mvc.perform(get("/api/v1/series/" + series.getId()).with(bearer(token)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.id").value(series.getId()))
        .andExpect(jsonPath("$.sites[0].code").value(site.getCode()));
  }

  @Test
  void withoutATokenTheAnswerIs401ProblemJsonNotARedirect() throws Exception {
    expectUnauthorized(mvc.perform(get("/api/v1/series")))
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"case-registry\""))
        .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
    expectUnauthorized(
        mvc.perform(
            post("/api/v1/series/" + series.getId() + "/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")));
  }

  @Test
  void aBadTokenOrAnotherSchemeIs401() throws Exception {
    String wellFormedButUnknown = "crg_" + "A".repeat(43);
    for (String authorization :
        new String[] {
          "Bearer " + wellFormedButUnknown,
          "Bearer not-a-token",
          "Bearer ",
          "Basic dXNlcjpwYXNzd29yZA==",
          "crg_" + "A".repeat(43)
        }) {
      expectUnauthorized(
              mvc.perform(get("/api/v1/series").header(HttpHeaders.AUTHORIZATION, authorization)))
          .andExpect(
              header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
    }
  }

  @Test
  void aRevokedTokenStopsWorkingAtOnce() throws Exception {
    ApiTokenService.IssuedToken issued = tokenService.create(surgeon.getId(), "script");
    mvc.perform(get("/api/v1/series").with(bearer(issued.secret()))).andExpect(status().isOk());
    tokenService.revoke(surgeon.getId(), issued.token().getId());
    expectUnauthorized(mvc.perform(get("/api/v1/series").with(bearer(issued.secret()))));
  }

  @Test
  void aDeactivatedAccountsTokensStopWorking() throws Exception {
    String token = apiTokens.issue(surgeon);
    mvc.perform(get("/api/v1/series").with(bearer(token))).andExpect(status().isOk());
    testAccounts.deactivate(surgeon);
    expectUnauthorized(mvc.perform(get("/api/v1/series").with(bearer(token))));
  }

  @Test
  void anAccountThatMustChangeItsPasswordIsRefusedUntilItHas() throws Exception {
    String token = apiTokens.issue(surgeon);
    jdbc.update("update account set must_change_password = true where id = ?", surgeon.getId());
    mvc.perform(get("/api/v1/series").with(bearer(token)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("change its password")));
  }

  @Test
  void aSignedInBrowserSessionDoesNotOpenTheApi() throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/series").session(session)).andExpect(status().isOk());
    expectUnauthorized(mvc.perform(get("/api/v1/series").session(session)));
  }

  @Test
  void theApiNeedsNoCsrfTokenButThePagesStillDo() throws Exception {
    String token = apiTokens.issue(surgeon);
    long caseId = fixtures.newCase(series, site);
    // No CSRF token: the API takes the write, because nothing but the bearer token authenticates.
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/sections/patient")
                .with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"sex\": \"MALE\"}, \"version\": 0}"))
        .andExpect(status().isOk());
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(
            post("/cases/" + caseId + "/sections/tumour")
                .session(session)
                .param("values[histology]", "SQUAMOUS")
                .param("version", "0"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/account/tokens").session(session).param("name", "no csrf"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aTokenOpensNothingButTheApi() throws Exception {
    String token = apiTokens.issue(surgeon);
    mvc.perform(get("/series").with(bearer(token))).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/v3/api-docs").with(bearer(token))).andExpect(redirectedUrl("/login"));
  }

  private ResultActions expectUnauthorized(ResultActions result) throws Exception {
    return result
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.title").value("Unauthorized"))
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(header().doesNotExist(HttpHeaders.LOCATION))
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
  }
}
