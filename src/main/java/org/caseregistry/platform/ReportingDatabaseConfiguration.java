package org.caseregistry.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The optional read replica ({@code registry.replica.url}, from {@code REGISTRY_REPLICA_URL}): a
 * pool of its own, read-only, that is not a {@link DataSource} bean, so that Flyway, JPA and every
 * write keep the one primary. Without it reports read the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReportingDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReportingDatabaseConfiguration.class);

  @Bean
  ReportingDatabase reportingDatabase(
      DataSource primary, PlatformTransactionManager transactions, ReplicaProperties properties) {
    if (!properties.configured()) {
      return ReportingDatabase.primary(primary, transactions);
    }
    HikariDataSource replica = new HikariDataSource();
    replica.setPoolName("replica");
    replica.setJdbcUrl(properties.url());
    replica.setUsername(properties.username());
    replica.setPassword(properties.password());
    replica.setReadOnly(true);
    replica.setMaximumPoolSize(properties.poolSize());
    log.info("Reports, exports, dashboard and data quality read the replica {}", properties.url());
    return ReportingDatabase.replica(replica);
  }
}
