package org.caseregistry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.testing.TestDatabaseConfiguration;
import org.caseregistry.testing.TestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deployed behind a TLS-terminating proxy ({@code REGISTRY_FORWARD_HEADERS_STRATEGY=native}), on a
 * real server: a request the proxy marks as HTTPS gets a Secure session cookie and HSTS, and the
 * client address the proxy reports is the one sign-in throttling counts.
 */
@SpringBootTest(
    webEnvironment = RANDOM_PORT,
    properties = {TestProperties.DATABASE, "server.forward-headers-strategy=native"})
@Import(TestDatabaseConfiguration.class)
class BehindTlsProxyIntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
    HttpResponse<String> page = TransportHeaders.get(port, "/login", "X-Forwarded-Proto", "https");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(TransportHeaders.sessionCookie(page))
        .hasValueSatisfying(cookie -> assertThat(cookie).contains("; Secure").contains("HttpOnly"));
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    assertThat(page.headers().firstValue("Permissions-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
  }

  @Test
  void plainHttpGetsNeitherSecureCookieNorHsts() throws Exception {
    HttpResponse<String> page = TransportHeaders.get(port, "/login");
    assertThat(TransportHeaders.sessionCookie(page))
        .hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void throttlingCountsTheClientTheProxyReports() throws Exception {
    HttpResponse<String> page = TransportHeaders.get(port, "/login", "X-Forwarded-Proto", "https");
    String cookie = TransportHeaders.sessionCookie(page).orElseThrow().split(";")[0];
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    String username = "proxy-client-" + System.nanoTime();
    HttpResponse<String> failed =
        TransportHeaders.post(
            port,
            "/login",
            "username="
                + username
                + "&password=wrong-password&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8),
            "Cookie",
            cookie,
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-For",
            "203.0.113.61");
    assertThat(failed.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.queryForList(
                "select client_address from sign_in_throttle where username = ?",
                String.class,
                username))
        .containsExactly("203.0.113.61");
  }
}
