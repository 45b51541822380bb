package org.caseregistry.report;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares: the DataSource bean is wrapped so that every
 * connection it hands out counts {@code prepareStatement}, {@code prepareCall} and {@code
 * createStatement}. Imported only by the test that needs it.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounting {

  static final AtomicLong STATEMENTS = new AtomicLong();

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Counting)
            ? new Counting(dataSource)
            : bean;
      }
    };
  }

  static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counted(super.getConnection(username, password));
    }

    private static Connection counted(Connection connection) {
      InvocationHandler handler = (proxy, method, args) -> {
        String name = method.getName();
        if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
          STATEMENTS.incrementAndGet();
        }
        try {
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getTargetException();
        }
      };
      return (Connection) Proxy.newProxyInstance(
          Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
  }
}
