package org.caseregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * The statement counter counts what the code under test runs, and not what the scheduled
 * housekeeping happens to run meanwhile on the scheduler that the application's cleanups use.
 */
@IntegrationTest
class StatementCounterIntegrationTest {

  @Autowired StatementCounter statements;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskScheduler scheduler;

  @Test
  void countsTheCallersStatementsButNotTheSchedulersOnes() throws Exception {
    statements.reset();
    jdbc.queryForObject("select 1", Integer.class);
    assertThat(statements.count()).isEqualTo(1);

    statements.reset();
    scheduler
        .schedule(() -> jdbc.queryForObject("select 1", Integer.class), Instant.now())
        .get(30, TimeUnit.SECONDS);
    assertThat(statements.count()).isZero();
  }
}
