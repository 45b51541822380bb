package org.caseregistry.testing;

import org.caseregistry.platform.EmbeddedPostgresConnection;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Points every test application context at the run's one shared PostgreSQL. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

  /** Not stopped with a context: other cached contexts share it; Testcontainers reaps it. */
  @Bean(destroyMethod = "")
  @ServiceConnection
  @Conditional(DockerAvailable.class)
  PostgreSQLContainer postgresContainer() {
    return SharedPostgres.container();
  }

  @Bean
  @Conditional(DockerUnavailable.class)
  JdbcConnectionDetails embeddedPostgresConnection() {
    return new EmbeddedPostgresConnection(SharedPostgres.embedded());
  }

  static class DockerAvailable implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return SharedPostgres.dockerAvailable();
    }
  }

  static class DockerUnavailable implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !SharedPostgres.dockerAvailable();
    }
  }
}
