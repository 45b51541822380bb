package org.caseregistry.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL for the whole test run: a Testcontainers PostgreSQL 17 where a Docker engine is
 * reachable, otherwise the same embedded PostgreSQL 17 the application uses by default.
 */
public final class SharedPostgres {

  private static Boolean dockerAvailable;
  private static PostgreSQLContainer container;
  private static EmbeddedPostgres embedded;

  private SharedPostgres() {}

  public static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      boolean available;
      try {
        available = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException noDocker) {
        available = false;
      }
      dockerAvailable = available;
    }
    return dockerAvailable;
  }

  public static synchronized PostgreSQLContainer container() {
    if (container == null) {
      container = new PostgreSQLContainer("postgres:17-alpine");
      container.start();
    }
    return container;
  }

  public static synchronized EmbeddedPostgres embedded() {
    if (embedded == null) {
      try {
        embedded =
            EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("registry-test-pg"))
                .setCleanDataDirectory(true)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::closeEmbedded));
    }
    return embedded;
  }

  private static void closeEmbedded() {
    try {
      embedded.close();
    } catch (IOException ignored) {
      // The JVM is exiting; the temporary data directory goes with it.
    }
  }
}
