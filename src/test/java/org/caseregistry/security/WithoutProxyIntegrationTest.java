package org.caseregistry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import org.caseregistry.testing.TestDatabaseConfiguration;
import org.caseregistry.testing.TestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Without a proxy configured (the default), forwarded headers are anybody's to forge and are not
 * believed: a request that claims HTTPS over plain HTTP gets no Secure cookie and no HSTS. The
 * Permissions-Policy header is sent on pages and API alike. (Same context as the browser tests.)
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = TestProperties.DATABASE)
@Import(TestDatabaseConfiguration.class)
class WithoutProxyIntegrationTest {

  @LocalServerPort int port;

  @Test
  void forwardedHeadersAreIgnoredUnlessConfigured() throws Exception {
    HttpResponse<String> page = TransportHeaders.get(port, "/login", "X-Forwarded-Proto", "https");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(TransportHeaders.sessionCookie(page))
        .hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void everyAnswerForbidsDeviceFeatures() throws Exception {
    for (String path : new String[] {"/login", "/api/v1/series", "/"}) {
      HttpResponse<String> response = TransportHeaders.get(port, path);
      assertThat(response.headers().firstValue("Permissions-Policy"))
          .as(path)
          .hasValueSatisfying(policy -> assertThat(policy).contains("geolocation=()"));
    }
  }
}
