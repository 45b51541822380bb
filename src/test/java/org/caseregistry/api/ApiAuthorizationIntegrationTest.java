package org.caseregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint the application has, found from its own request mappings, refuses a request
 * without a token with a 401 problem: a new endpoint that escapes the rule fails here.
 */
@IntegrationTest
class ApiAuthorizationIntegrationTest {

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(HttpMethod method, String path) {}

  List<Endpoint> apiEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/api"))
                    .forEach(
                        pattern -> {
                          // Section names are path variables too: a real one reaches further.
                          String path =
                              pattern
                                  .replace("{section}", "complications")
                                  .replaceAll("\\{[^}]+}", "1");
                          Stream<RequestMethod> methods =
                              info.getMethodsCondition().getMethods().isEmpty()
                                  ? Stream.of(RequestMethod.GET)
                                  : info.getMethodsCondition().getMethods().stream();
                          methods.forEach(
                              method ->
                                  endpoints.add(
                                      new Endpoint(HttpMethod.valueOf(method.name()), path)));
                        }));
    return endpoints;
  }

  @Test
  void everyApiEndpointRefusesARequestWithoutAToken() throws Exception {
    List<Endpoint> endpoints = apiEndpoints();
    assertThat(endpoints)
        .contains(
            new Endpoint(HttpMethod.GET, "/api/v1/series"),
            new Endpoint(HttpMethod.GET, "/api/v1/series/1/cases"),
            new Endpoint(HttpMethod.POST, "/api/v1/series/1/cases"),
            new Endpoint(HttpMethod.GET, "/api/v1/cases/1"),
            new Endpoint(HttpMethod.PUT, "/api/v1/cases/1/sections/complications"),
            new Endpoint(HttpMethod.POST, "/api/v1/cases/1/sections/complications/items"),
            new Endpoint(HttpMethod.PUT, "/api/v1/cases/1/sections/complications/items/1"),
            new Endpoint(HttpMethod.DELETE, "/api/v1/cases/1/sections/complications/items/1"),
            new Endpoint(HttpMethod.POST, "/api/v1/cases/1/withdraw"));

    for (Endpoint endpoint : endpoints) {
      MockHttpServletResponse response =
          mvc.perform(
                  request(endpoint.method(), endpoint.path())
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"values\": {}, \"version\": 0, \"reason\": \"x\"}"))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as("anonymous %s", endpoint).isEqualTo(401);
      assertThat(MediaType.parseMediaType(response.getContentType()))
          .as("anonymous %s", endpoint)
          .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      assertThat(response.getContentAsString()).contains("\"status\":401");
      assertThat(response.getRedirectedUrl()).isNull();
    }
  }
}
