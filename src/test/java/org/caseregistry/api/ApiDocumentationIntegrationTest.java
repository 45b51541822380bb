package org.caseregistry.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI description and its Swagger UI: for signed-in accounts only, describing only the API
 * and its bearer token, the UI served from the webjar under its own content security policy.
 */
@IntegrationTest
class ApiDocumentationIntegrationTest {

  private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;

  SignedInAccount surgeon;

  @BeforeEach
  void setUp() {
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, testAccounts.site()));
  }

  @Test
  void theDocumentationIsForSignedInAccountsOnly() throws Exception {
    for (String path :
        new String[] {
          "/v3/api-docs",
          "/v3/api-docs/swagger-config",
          "/swagger-ui.html",
          "/swagger-ui/index.html",
          "/swagger-ui/swagger-ui-bundle.js"
        }) {
      mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
    }
  }

  @Test
  void theDescriptionCoversTheApiAndItsBearerTokenOnly() throws Exception {
    mvc.perform(get("/v3/api-docs").with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("Case Registry REST API"))
        .andExpect(jsonPath("$.components.securitySchemes.personal-api-token.type").value("http"))
        .andExpect(
            jsonPath("$.components.securitySchemes.personal-api-token.scheme").value("bearer"))
        .andExpect(jsonPath("$.security[0]", hasKey("personal-api-token")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/series/{seriesId}/cases")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/cases/{caseId}/sections/{section}")))
        .andExpect(jsonPath("$.paths", not(hasKey("/admin/sites"))))
        .andExpect(jsonPath("$.paths", not(hasKey("/account/tokens"))))
        .andExpect(
            jsonPath(
                "$.paths['/api/v1/cases/{caseId}/sections/{section}'].put.responses",
                hasKey("412")))
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/cases/{caseId}/sections/{section}'].put.responses['422'].content")
                .value(hasKey("application/problem+json")))
        .andExpect(jsonPath("$.paths['/api/v1/series'].get.responses", hasKey("401")))
        .andExpect(jsonPath("$.components.schemas.Problem.properties", hasKey("errors")))
        // The signed-in account is a handler parameter filled by the server, never by a client.
        .andExpect(jsonPath("$.components.schemas", not(hasKey("CurrentAccount"))))
        .andExpect(jsonPath("$.paths..parameters[?(@.name == 'account')]").isEmpty());
  }

  @Test
  void theSwaggerUiComesFromTheWebjarAndMayUseInlineStylesOnly() throws Exception {
    mvc.perform(get("/swagger-ui.html").with(user(surgeon)))
        .andExpect(redirectedUrl("/swagger-ui/index.html"));
    mvc.perform(get("/swagger-ui/index.html").with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("swagger-ui-bundle.js")))
        .andExpect(content().string(not(containsString("http"))))
        .andExpect(
            header()
                .string(
                    CONTENT_SECURITY_POLICY, containsString("style-src 'self' 'unsafe-inline'")))
        .andExpect(header().string(CONTENT_SECURITY_POLICY, not(containsString("script-src"))))
        .andExpect(header().string(CONTENT_SECURITY_POLICY, containsString("default-src 'self'")));
    mvc.perform(get("/swagger-ui/swagger-ui-bundle.js").with(user(surgeon)))
        .andExpect(status().isOk());
    // Every other page keeps the strict policy.
    mvc.perform(get("/").with(user(surgeon)))
        .andExpect(header().string(CONTENT_SECURITY_POLICY, not(containsString("unsafe-inline"))));
  }
}
