package org.caseregistry.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case inserted by another transaction that has not committed yet, while a request creates the
 * same study code: the request's check sees nothing, its insert waits on the unique index, and the
 * other transaction commits. This is the race of two people creating one study code at once,
 * reproduced every time.
 */
final class ConcurrentInsert {

  interface Request<T> {
    T send() throws Exception;
  }

  private ConcurrentInsert() {}

  static <T> T whileUncommitted(
      JdbcTemplate jdbc, long seriesId, long siteId, String studyCode, Request<T> request)
      throws Exception {
    DataSource dataSource = jdbc.getDataSource();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement insert =
          other.prepareStatement(
              "insert into surgical_case (series_id, site_id, study_code, demo, created_by,"
                  + " updated_by) values (?, ?, ?, false, 'other', 'other')")) {
        insert.setLong(1, seriesId);
        insert.setLong(2, siteId);
        insert.setString(3, studyCode);
        insert.executeUpdate();
      }
      Future<T> answer = pool.submit(request::send);
      waitUntilSomeoneWaitsForALock(jdbc, answer);
      other.commit();
      return answer.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void waitUntilSomeoneWaitsForALock(JdbcTemplate jdbc, Future<?> answer)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && !answer.isDone()) {
      Integer waiting =
          jdbc.queryForObject(
              "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                  + " and query like 'insert into surgical_case%'",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
  }
}
