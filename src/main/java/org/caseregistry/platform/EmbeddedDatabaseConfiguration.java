package org.caseregistry.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs a real PostgreSQL 17 inside the application when no external database is configured, so that
 * a fresh machine needs nothing but a JDK. The data directory survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.EmbeddedDatabaseWanted.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
    Path dataDirectory = properties.dataDir().toAbsolutePath();
    int port = properties.port();
    Files.createDirectories(dataDirectory);
    log.info("Starting the embedded PostgreSQL: data in {}, port {}", dataDirectory, port);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60));
    if (port != 0) { // 0: any free port
      requireFree(port);
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info(
        "Embedded PostgreSQL is running on localhost:{} (database postgres, user postgres); its"
            + " data lives in {}. Set SPRING_DATASOURCE_URL to use an external PostgreSQL instead.",
        postgres.getPort(),
        dataDirectory);
    return postgres;
  }

  /**
   * Refuses to start on a port another PostgreSQL already holds: the application would otherwise
   * connect to that server and its data, not to the data directory it names.
   */
  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException taken) {
      throw new IllegalStateException(
          "Port "
              + port
              + " is already in use, perhaps by another registry's database. Stop it, or set"
              + " REGISTRY_DB_PORT to a free port (0 picks any).",
          taken);
    }
  }

  @Bean
  JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
    return new EmbeddedPostgresConnection(postgres);
  }

  /** On unless switched off, or unless an external datasource URL is configured. */
  static class EmbeddedDatabaseWanted implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment environment = context.getEnvironment();
      String enabled = environment.getProperty("registry.embedded-database.enabled");
      if (enabled != null) {
        return Boolean.parseBoolean(enabled);
      }
      return !environment.containsProperty("spring.datasource.url");
    }
  }
}
