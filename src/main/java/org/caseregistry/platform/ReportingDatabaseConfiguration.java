package org.caseregistry.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The optional read replica ({@code registry.replica.url}, from {@code REGISTRY_REPLICA_URL}): a
 * pool of its own, read-only, that is not a {@link DataSource} bean, so that Flyway, JPA and every
 * write keep the one primary. Without it reports read the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReportingDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReportingDatabaseConfiguration.class);

  @Bean
  ReportingDatabase reportingDatabase(DataSource primary, Environment environment) {
    String url = environment.getProperty("registry.replica.url", "");
    if (url.isBlank()) {
      return new ReportingDatabase(primary, false);
    }
    HikariDataSource replica = new HikariDataSource();
    replica.setPoolName("replica");
    replica.setJdbcUrl(url);
    replica.setUsername(environment.getProperty("registry.replica.username"));
    replica.setPassword(environment.getProperty("registry.replica.password"));
    replica.setReadOnly(true);
    replica.setMaximumPoolSize(
        environment.getProperty("registry.replica.pool-size", Integer.class, 10));
    log.info("Reports, exports, dashboard and data quality read the replica {}", url);
    return new ReportingDatabase(replica, true);
  }
}
