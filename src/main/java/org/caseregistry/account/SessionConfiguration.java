package org.caseregistry.account;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC (configured by Spring Boot) behind {@link SessionAccessWrites}: a signed-in
 * request that changes nothing in its session costs no write.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /** How far a session's stored last-access time may lag behind (and its expiry come early). */
  static final String ACCESS_WRITE_INTERVAL = "registry.session.access-write-interval";

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
