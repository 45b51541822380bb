package org.caseregistry.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.testing.HttpBrowser.csrf;
import static org.caseregistry.testing.HttpBrowser.fields;
import static org.caseregistry.testing.HttpBrowser.input;
import static org.caseregistry.testing.HttpBrowser.location;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.AppInstances;
import org.caseregistry.testing.HttpBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application instances on one PostgreSQL, as behind a load balancer: one client, one cookie
 * jar, its requests alternating between the instances. Sign-in, CSRF token, flash messages and an
 * import waiting for its commit all live in the database, so either instance serves any request;
 * and an account deactivated through one instance is signed out on both.
 */
class TwoInstancesIntegrationTest {

  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;
  private static int portA;
  private static int portB;

  @BeforeAll
  static void startTwoInstances() {
    Map<String, Object> properties = Map.of("registry.demo-data.enabled", "false");
    a = AppInstances.start(properties);
    b = AppInstances.start(properties);
    portA = AppInstances.port(a);
    portB = AppInstances.port(b);
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void aClientMovesBetweenInstancesWithOneSessionAndIsSignedOutOnBoth() {
    TestAccounts accounts = a.getBean(TestAccounts.class);
    CaseFixtures fixtures = a.getBean(CaseFixtures.class);
    JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
    HospitalSite site = accounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    String studyCode =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, caseId);
    Account surgeon = accounts.account(Role.SURGEON, site);
    Account admin = accounts.account(Role.ADMIN);
    assertThat(portA).isNotEqualTo(portB);

    // Signs in on A.
    HttpBrowser client = new HttpBrowser();
    signIn(client, portA, surgeon);
    assertThat(client.get(portA, "/").statusCode()).isEqualTo(200);
    assertThat(client.get(portB, "/").statusCode()).isEqualTo(200);

    // Saves a section on B, with the form (and its CSRF token) B served.
    HttpResponse<String> form = client.get(portB, "/cases/" + caseId + "/sections/patient");
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> saved =
        client.post(
            portB,
            "/cases/" + caseId + "/sections/patient",
            fields(
                "_csrf", csrf(form),
                "version", input(form, "version"),
                "values[age_years]", "64"));
    assertThat(location(saved)).endsWith("/cases/" + caseId);
    // The flash message of B's redirect shows on A.
    assertThat(client.get(portA, "/cases/" + caseId).body())
        .contains("class=\"alert alert-success\" role=\"status\"");
    assertThat(age(jdbc, caseId)).isEqualTo(64);

    // Uploads an import's dry run on A, with the CSRF token of a page from B; commits it on B.
    HttpResponse<String> uploadPage = client.get(portB, "/series/" + series.getId() + "/import");
    String file =
        "\uFEFFstudy_code,site_code,age_years\r\n"
            + studyCode
            + ","
            + site.getCode()
            + ",65\r\nTWO-1,"
            + site.getCode()
            + ",40\r\n";
    HttpResponse<String> checked =
        client.upload(
            portA,
            "/series/" + series.getId() + "/import",
            Map.of("_csrf", csrf(uploadPage), "updateExisting", "true"),
            "file",
            "cases.csv",
            file.getBytes(StandardCharsets.UTF_8));
    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.body()).contains("id=\"commit-form\"");
    assertThat(age(jdbc, caseId)).isEqualTo(64);
    HttpResponse<String> committed =
        client.post(
            portB,
            "/series/" + series.getId() + "/import/commit",
            fields("_csrf", csrf(checked), "token", input(checked, "token")));
    assertThat(location(committed)).endsWith("/series/" + series.getId() + "/import/done");
    assertThat(client.get(portA, "/series/" + series.getId() + "/import/done").statusCode())
        .isEqualTo(200);
    assertThat(age(jdbc, caseId)).isEqualTo(65);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from surgical_case where series_id = ? and study_code = 'TWO-1'",
                Long.class,
                series.getId()))
        .isOne();
    // Nothing of it waits in a JVM: the session holds no file, the upload table no longer either.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from import_upload where series_id = ? and file_bytes is not null",
                Long.class,
                series.getId()))
        .isZero();

    // An admin deactivates the account on A; the client is signed out on B and on A.
    HttpBrowser adminClient = new HttpBrowser();
    signIn(adminClient, portA, admin);
    Account current = accounts.reload(surgeon);
    HttpResponse<String> accountForm = adminClient.get(portA, "/admin/accounts/" + surgeon.getId());
    List<Map.Entry<String, String>> deactivate =
        fields(
            "_csrf", csrf(accountForm),
            "username", current.getUsername(),
            "fullName", current.getFullName(),
            "role", current.getRole().name(),
            "siteIds", String.valueOf(site.getId()),
            "_siteIds", "on",
            "_active", "on",
            "version", String.valueOf(current.getVersion()));
    HttpResponse<String> deactivated =
        adminClient.post(portA, "/admin/accounts/" + surgeon.getId(), deactivate);
    assertThat(location(deactivated)).endsWith("/admin/accounts");
    assertThat(accounts.reload(surgeon).isActive()).isFalse();

    assertThat(location(client.get(portB, "/"))).endsWith("/login?expired");
    assertThat(location(client.get(portA, "/"))).endsWith("/login");
    assertThat(location(client.get(portB, "/cases/" + caseId))).endsWith("/login");
  }

  private static void signIn(HttpBrowser client, int port, Account account) {
    HttpResponse<String> login = client.get(port, "/login");
    HttpResponse<String> signedIn =
        client.post(
            port,
            "/login",
            fields(
                "_csrf", csrf(login),
                "username", account.getUsername(),
                "password", TestAccounts.PASSWORD));
    assertThat(location(signedIn)).as("signed in").doesNotContain("error");
  }

  private static Integer age(JdbcTemplate jdbc, long caseId) {
    return jdbc.queryForObject(
        "select age_years from case_patient where case_id = ?", Integer.class, caseId);
  }
}
