package org.caseregistry.account;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session JDBC (configured by Spring Boot) behind {@link SessionAccessWrites}: a signed-in
 * request that changes nothing in its session costs no write. Its statements run in plain JDBC
 * transactions rather than the application's JPA ones: reading the session on every request through
 * the JPA transaction manager opened a Hibernate session each time, which cost more than the read
 * (4% of a case-list page's CPU). Called inside an application transaction, they join it (the JPA
 * transaction manager exposes its connection to JDBC).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /** How far a session's stored last-access time may lag behind (and its expiry come early). */
  static final String ACCESS_WRITE_INTERVAL = "registry.session.access-write-interval";

  /**
   * The transactions of Spring Session's statements. Spring Session asks for this bean by its name;
   * it is no candidate for anything else, so Spring Boot's own {@code TransactionTemplate} (over
   * the JPA transaction manager) stays what everyone else gets.
   */
  @Bean(defaultCandidate = false)
  TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Bean
  static BeanPostProcessor sessionAccessWrites(Environment environment) {
    Duration interval =
        environment.getProperty(ACCESS_WRITE_INTERVAL, Duration.class, Duration.ofMinutes(1));
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository sessions
            ? new SessionAccessWrites(sessions, interval)
            : bean;
      }
    };
  }
}
