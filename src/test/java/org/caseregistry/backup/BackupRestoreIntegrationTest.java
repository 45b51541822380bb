package org.caseregistry.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.caseregistry.testing.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A backup of the test database restored into a new, freshly migrated database holds exactly the
 * same rows in every table, and the same derived values the reports read.
 */
@IntegrationTest
class BackupRestoreIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRestoredBackupIsIdenticalTableByTable() throws Exception {
    ByteArrayOutputStream backup = new ByteArrayOutputStream();
    LogicalBackup.Summary written = new LogicalBackup(dataSource).write(backup);
    assertThat(written.rows()).containsKeys("surgical_case", "case_audit", "account", "revinfo");
    assertThat(written.rows().get("surgical_case")).isPositive();

    DataSource fresh = freshDatabase();
    LogicalBackup.Summary restored =
        new LogicalBackup(fresh).restore(new ByteArrayInputStream(backup.toByteArray()));
    assertThat(restored.rows()).isEqualTo(written.rows());

    JdbcTemplate restoredJdbc = new JdbcTemplate(fresh);
    List<String> tables;
    try (Connection connection = dataSource.getConnection()) {
      tables = BackupTables.tablesParentsFirst(connection);
    }
    for (String table : tables) {
      assertThat(fingerprint(restoredJdbc, table)).as(table).isEqualTo(fingerprint(jdbc, table));
    }
    // The sequences carry on where they were: a new case gets a new id, not a used one.
    Long nextOriginal = jdbc.queryForObject("select max(id) from surgical_case", Long.class);
    restoredJdbc.update(
        "insert into surgical_case (series_id, site_id, study_code) select series_id, site_id,"
            + " 'after-restore' from surgical_case limit 1");
    assertThat(restoredJdbc.queryForObject("select max(id) from surgical_case", Long.class))
        .isGreaterThan(nextOriginal);
    // And the report figures read the same.
    String summary =
        "select count(*) || '/' || round(avg(bmi), 2) || '/' || sum(nodes_positive_total) from"
            + " surgical_case where status = 'ACTIVE' and study_code <> 'after-restore'";
    assertThat(restoredJdbc.queryForObject(summary, String.class))
        .isEqualTo(jdbc.queryForObject(summary, String.class));
  }

  @Test
  void restoreRefusesADatabaseThatHoldsData() throws Exception {
    ByteArrayOutputStream backup = new ByteArrayOutputStream();
    new LogicalBackup(dataSource).write(backup);
    assertThatThrownBy(
            () ->
                new LogicalBackup(dataSource)
                    .restore(new ByteArrayInputStream(backup.toByteArray())))
        .hasMessageContaining("not empty");
  }

  @Test
  void aFailedRestoreLeavesNothingBehind() throws Exception {
    ByteArrayOutputStream backup = new ByteArrayOutputStream();
    new LogicalBackup(dataSource).write(backup);
    byte[] truncated = java.util.Arrays.copyOf(backup.toByteArray(), backup.size() / 2);
    DataSource fresh = freshDatabase();
    assertThatThrownBy(() -> new LogicalBackup(fresh).restore(new ByteArrayInputStream(truncated)))
        .isInstanceOf(Exception.class);
    assertThat(new JdbcTemplate(fresh).queryForObject("select count(*) from account", Long.class))
        .isZero();
    assertThat(
            new JdbcTemplate(fresh)
                .queryForObject("select count(*) from hospital_site", Long.class))
        .isZero();
  }

  private DataSource freshDatabase() throws Exception {
    String name = "restore_" + Long.toHexString(System.nanoTime());
    jdbc.execute("create database " + name);
    String url;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }
    String user;
    try (Connection connection = dataSource.getConnection()) {
      user = connection.getMetaData().getUserName();
    }
    DriverManagerDataSource fresh = new DriverManagerDataSource(url, user, passwordOf(user));
    Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();
    return fresh;
  }

  /** The embedded test database trusts local connections; Testcontainers uses "test". */
  private static String passwordOf(String user) {
    return "postgres".equals(user) ? "postgres" : "test";
  }

  private static Map<String, Object> fingerprint(JdbcTemplate jdbc, String table) {
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put(
        "rows+md5",
        jdbc.queryForObject(
            "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                + " from \""
                + table
                + "\" t",
            String.class));
    return fingerprint;
  }
}
