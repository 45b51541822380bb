package org.caseregistry.testing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.caseregistry.CaseRegistryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts a whole application instance as production runs it (its own Tomcat on a free port, its own
 * beans, sessions in PostgreSQL), on the run's shared PostgreSQL or on a database given. Test
 * configurations are left out, so that nothing of MockMvc's set-up takes part.
 */
public final class AppInstances {

  private AppInstances() {}

  /** An instance on the run's shared PostgreSQL. */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>();
    if (SharedPostgres.dockerAvailable()) {
      PostgreSQLContainer container = SharedPostgres.container();
      all.put("spring.datasource.url", container.getJdbcUrl());
      all.put("spring.datasource.username", container.getUsername());
      all.put("spring.datasource.password", container.getPassword());
    } else {
      all.put(
          "spring.datasource.url", SharedPostgres.embedded().getJdbcUrl("postgres", "postgres"));
      all.put("spring.datasource.username", "postgres");
      all.put("spring.datasource.password", "postgres");
    }
    all.putAll(properties);
    return startOn(all);
  }

  /** An instance with exactly these properties (a datasource among them). */
  public static ConfigurableApplicationContext startOn(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>();
    all.put("registry.embedded-database.enabled", "false");
    all.put("server.port", "0");
    all.putAll(properties);
    // As command-line arguments: they win over application.properties, as the environment does.
    String[] arguments =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CaseRegistryApplication.class)
        .initializers(
            context ->
                context
                    .getBeanFactory()
                    .registerSingleton(
                        NoTestConfigurations.class.getName(), new NoTestConfigurations()))
        .run(arguments);
  }

  /** The port an instance's Tomcat listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** Keeps the test suite's own configurations (MockMvc sessions, test database) out. */
  private static final class NoTestConfigurations extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NoTestConfigurations;
    }

    @Override
    public int hashCode() {
      return NoTestConfigurations.class.hashCode();
    }
  }
}
