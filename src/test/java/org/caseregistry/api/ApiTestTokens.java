package org.caseregistry.api;

import org.caseregistry.account.Account;
import org.caseregistry.account.ApiTokenService;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Personal API tokens for tests, issued by the same service as the token page uses. */
@Component
public class ApiTestTokens {

  private final ApiTokenService tokens;

  ApiTestTokens(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  public String issue(Account account) {
    return tokens.create(account.getId(), "test").secret();
  }

  public static RequestPostProcessor bearer(String token) {
    return request -> {
      request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
      return request;
    };
  }
}
