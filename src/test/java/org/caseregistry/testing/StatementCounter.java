package org.caseregistry.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application prepares, so that tests can show a page costs a bounded
 * number of statements however many cases exist. Statements of the scheduled housekeeping (Spring
 * Session's expired-session cleanup every minute, the expired-upload cleanup) are not counted: they
 * run on the scheduler's threads whenever their time comes, not because of the request a test
 * measures, and once made a count one too high on a loaded machine.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

  private static final Set<String> STATEMENT_METHODS =
      Set.of("prepareStatement", "createStatement", "prepareCall");

  private static final String SCHEDULER_THREAD_PREFIX = "scheduling-";

  private final AtomicLong count = new AtomicLong();

  public void reset() {
    count.set(0);
  }

  public long count() {
    return count.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(
          DataSource.class,
          dataSource,
          (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection
                ? proxy(
                    Connection.class,
                    connection,
                    (c, m, a) -> {
                      if (STATEMENT_METHODS.contains(m.getName()) && !onSchedulerThread()) {
                        count.incrementAndGet();
                      }
                      return invoke(c, m, a);
                    })
                : result;
          });
    }
    return bean;
  }

  /** Spring's task scheduler names its threads {@code scheduling-N} (Spring Boot's default). */
  private static boolean onSchedulerThread() {
    return Thread.currentThread().getName().startsWith(SCHEDULER_THREAD_PREFIX);
  }

  private interface Handler<T> {
    Object handle(T target, Method method, Object[] args) throws Throwable;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
    InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
  }
}
