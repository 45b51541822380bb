package org.caseregistry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The default database of a fresh machine keeps its data across restarts of the application. */
class EmbeddedDatabaseIntegrationTest {

  @Test
  void dataSurvivesARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("registry-embedded-test");
    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, 0);
    EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
        Connection connection = first.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (note text)");
      statement.execute("insert into kept values ('BN1')");
    }
    try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
        Connection connection = second.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select note from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("BN1");
    }
  }

  @Test
  void isOnByDefaultAndOffWhenAnExternalDatabaseIsConfigured() {
    var condition = new EmbeddedDatabaseConfiguration.EmbeddedDatabaseWanted();
    assertThat(condition.matches(contextWith(new MockEnvironment()), null)).isTrue();
    assertThat(
            condition.matches(
                contextWith(
                    new MockEnvironment()
                        .withProperty("spring.datasource.url", "jdbc:postgresql://db/registry")),
                null))
        .isFalse();
    assertThat(
            condition.matches(
                contextWith(
                    new MockEnvironment()
                        .withProperty("registry.embedded-database.enabled", "false")),
                null))
        .isFalse();
  }

  private static org.springframework.context.annotation.ConditionContext contextWith(
      MockEnvironment environment) {
    var context =
        org.mockito.Mockito.mock(org.springframework.context.annotation.ConditionContext.class);
    org.mockito.Mockito.when(context.getEnvironment()).thenReturn(environment);
    return context;
  }
}
