package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every admin endpoint the application has, found from its own request mappings, checked for every
 * role: a new admin page without the right rule fails here.
 */
@IntegrationTest
class AdminPagesAuthorizationIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(HttpMethod method, String path) {}

  List<Endpoint> adminEndpoints(long someId) {
    List<Endpoint> endpoints = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/admin"))
                    .forEach(
                        pattern -> {
                          String path = pattern.replaceAll("\\{[^}]+}", String.valueOf(someId));
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
  void adminPagesAreForAdminsOnly() throws Exception {
    HospitalSite site = testAccounts.site();
    Account admin = testAccounts.account(Role.ADMIN);
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    // An id that exists nowhere: admin POSTs must not touch real records of other tests.
    List<Endpoint> endpoints = adminEndpoints(Long.MAX_VALUE);
    assertThat(endpoints)
        .extracting(Endpoint::path)
        .contains("/admin/sites", "/admin/sites/new", "/admin/accounts", "/admin/accounts/new");

    for (Endpoint endpoint : endpoints) {
      assertThat(status(endpoint, null)).as("anonymous %s", endpoint).isEqualTo(302);
      assertThat(status(endpoint, surgeon)).as("surgeon %s", endpoint).isEqualTo(403);
      assertThat(status(endpoint, coordinator)).as("coordinator %s", endpoint).isEqualTo(403);
      assertThat(status(endpoint, admin)).as("admin %s", endpoint).isIn(200, 302, 404);
    }
  }

  private int status(Endpoint endpoint, Account account) throws Exception {
    MockHttpServletRequestBuilder request = request(endpoint.method(), endpoint.path());
    if (endpoint.method() != HttpMethod.GET) {
      request.with(csrf());
    }
    if (account != null) {
      request.with(user(TestAccounts.principal(account)));
    }
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }
}
