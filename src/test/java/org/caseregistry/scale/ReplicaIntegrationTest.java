package org.caseregistry.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseregistry.testing.HttpBrowser.csrf;
import static org.caseregistry.testing.HttpBrowser.fields;
import static org.caseregistry.testing.HttpBrowser.location;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.ReportingDatabase;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.AppInstances;
import org.caseregistry.testing.HttpBrowser;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports on a read replica fed by PostgreSQL's own logical replication: two embedded PostgreSQL
 * servers, a publication of every table on the primary and a subscription on the replica. The
 * summary table reads the replica (it does not see a write while replication is paused, though the
 * case page on the primary does), sees the write once it is replicated, and the replica's role
 * cannot write.
 */
class ReplicaIntegrationTest {

  private static final String READER = "registry_reader";
  private static final String READER_PASSWORD = "reader-password-1";
  private static final Pattern GROUP_SIZE = Pattern.compile("N = (\\d+)");

  private static EmbeddedPostgres primary;
  private static EmbeddedPostgres replica;
  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void startPrimaryReplicaAndApplication() throws Exception {
    primary =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("registry-primary"))
            .setCleanDataDirectory(true)
            .setServerConfig("wal_level", "logical")
            .start();
    replica =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("registry-replica"))
            .setCleanDataDirectory(true)
            .start();
    // The replica has the same schema, empty, and a role that may only read.
    Flyway.configure()
        .dataSource(replica.getPostgresDatabase())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    JdbcTemplate onReplica = new JdbcTemplate(replica.getPostgresDatabase());
    onReplica.execute(
        "do $$ declare t text; begin for t in select tablename from pg_tables where schemaname ="
            + " 'public' and tablename <> 'flyway_schema_history' loop execute 'truncate table '"
            + " || quote_ident(t) || ' cascade'; end loop; end $$");
    onReplica.execute("create role " + READER + " login password '" + READER_PASSWORD + "'");
    onReplica.execute("grant usage on schema public to " + READER);
    onReplica.execute("grant select on all tables in schema public to " + READER);
    onReplica.execute("alter role " + READER + " set default_transaction_read_only = on");

    app =
        AppInstances.startOn(
            Map.of(
                "spring.datasource.url",
                primary.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres",
                "registry.replica.url",
                replica.getJdbcUrl(READER, "postgres"),
                "registry.replica.username",
                READER,
                "registry.replica.password",
                READER_PASSWORD,
                "registry.demo-data.enabled",
                "false"));
    port = AppInstances.port(app);

    new JdbcTemplate(primary.getPostgresDatabase())
        .execute("create publication registry for all tables");
    onReplica.execute(
        "create subscription registry connection 'host=localhost port="
            + primary.getPort()
            + " dbname=postgres user=postgres password=postgres' publication registry");
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (replica != null) {
      try {
        new JdbcTemplate(replica.getPostgresDatabase()).execute("drop subscription registry");
      } finally {
        replica.close();
      }
    }
    if (primary != null) {
      primary.close();
    }
  }

  @Test
  void reportsReadTheReplicaAndSeeAWriteOnceItIsReplicated() throws Exception {
    TestAccounts accounts = app.getBean(TestAccounts.class);
    CaseFixtures fixtures = app.getBean(CaseFixtures.class);
    HospitalSite site = accounts.site();
    CaseSeries series = fixtures.series(site);
    long first = fixtures.newCase(series, site);
    fixtures.save(first, Section.PATIENT, Map.of("age_years", "60"));
    Account admin = accounts.account(Role.ADMIN);
    JdbcTemplate onReplica = new JdbcTemplate(replica.getPostgresDatabase());
    awaitOnReplica(() -> cases(onReplica, series) == 1 && accountExists(onReplica, admin));
    assertThat(app.getBean(ReportingDatabase.class).isReplica()).isTrue();

    HttpBrowser client = new HttpBrowser();
    HttpResponse<String> login = client.get(port, "/login");
    HttpResponse<String> signedIn =
        client.post(
            port,
            "/login",
            fields(
                "_csrf",
                csrf(login),
                "username",
                admin.getUsername(),
                "password",
                TestAccounts.PASSWORD));
    assertThat(location(signedIn)).doesNotContain("error");
    String summary = "/series/" + series.getId() + "/reports/summary?vars=age_years";
    // The replica applies the primary's transactions in order but a little later: the report
    // shows the case once the last of them (the patient section) has arrived.
    awaitOnReplica(() -> groupSizes(client.get(port, summary)).equals(Set.of(1)));
    assertThat(groupSizes(client.get(port, summary))).containsExactly(1);

    // Replication paused: a new case is on the primary only.
    onReplica.execute("alter subscription registry disable");
    awaitOnReplica(
        () ->
            onReplica.queryForObject(
                    "select count(*) from pg_stat_subscription where subname = 'registry' and pid"
                        + " is not null",
                    Long.class)
                == 0);
    long second = fixtures.newCase(series, site);
    fixtures.save(second, Section.PATIENT, Map.of("age_years", "70"));
    // The case page reads the primary: the write is there at once.
    assertThat(client.get(port, "/cases/" + second).statusCode()).isEqualTo(200);
    // The report reads the replica, which has not seen it yet.
    assertThat(groupSizes(client.get(port, summary))).containsExactly(1);
    assertThat(cases(onReplica, series)).isOne();

    // Once replicated, the report shows it.
    onReplica.execute("alter subscription registry enable");
    awaitOnReplica(() -> cases(onReplica, series) == 2);
    awaitOnReplica(() -> groupSizes(client.get(port, summary)).equals(Set.of(2)));
    assertThat(client.get(port, summary).body()).contains("65.0");
  }

  @Test
  void theReplicaRoleCannotWrite() throws SQLException {
    ReportingDatabase reporting = app.getBean(ReportingDatabase.class);
    assertThatThrownBy(
            () ->
                reporting
                    .jdbc()
                    .getJdbcTemplate()
                    .update("insert into hospital_site (code, name) values ('RX', 'Replica')"))
        .isInstanceOf(DataAccessException.class);
    // Not only read-only by the pool's setting: the role may not insert even when it asks to.
    try (Connection connection =
            DriverManager.getConnection(
                replica.getJdbcUrl(READER, "postgres"), READER, READER_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("set session characteristics as transaction read write");
      assertThatThrownBy(
              () -> statement.execute("insert into hospital_site (code, name) values ('RY', 'R')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  private static long cases(JdbcTemplate jdbc, CaseSeries series) {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ?", Long.class, series.getId());
  }

  private static boolean accountExists(JdbcTemplate jdbc, Account account) {
    return jdbc.queryForObject(
            "select count(*) from account where id = ?", Long.class, account.getId())
        == 1;
  }

  private static Set<Integer> groupSizes(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    Set<Integer> sizes = new TreeSet<>();
    Matcher matcher = GROUP_SIZE.matcher(page.body());
    while (matcher.find()) {
      sizes.add(Integer.parseInt(matcher.group(1)));
    }
    return sizes;
  }

  private static void awaitOnReplica(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not replicated within 60 s");
      }
      Thread.sleep(100);
    }
  }
}
