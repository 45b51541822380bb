package org.caseregistry.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Where the read-only heavy work reads (reports, exports, dashboard, data quality): a replica of
 * the database when one is configured ({@code REGISTRY_REPLICA_URL}), else the primary. Pages that
 * must show a user's own latest write (the case page after a save, the lists) never come here: they
 * read the primary through the ordinary repositories. Everything done here is read-only; the
 * replica's own role cannot write either.
 */
public final class ReportingDatabase implements AutoCloseable {

  /** Work that reads inside one read-only transaction. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  private final DataSource dataSource;
  private final boolean replica;
  private final DataSourceTransactionManager transactions;
  private final NamedParameterJdbcTemplate jdbc;

  ReportingDatabase(DataSource dataSource, boolean replica) {
    this.dataSource = dataSource;
    this.replica = replica;
    this.transactions = new DataSourceTransactionManager(dataSource);
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** Closes the replica's pool with the application; the primary's pool is Boot's to close. */
  @Override
  public void close() throws Exception {
    if (replica && dataSource instanceof AutoCloseable pool) {
      pool.close();
    }
  }

  /** Whether reads go to a replica (else to the primary). */
  public boolean isReplica() {
    return replica;
  }

  public NamedParameterJdbcTemplate jdbc() {
    return jdbc;
  }

  /** A template that fetches {@code fetchSize} rows at a time (streamed exports). */
  public NamedParameterJdbcTemplate streaming(int fetchSize) {
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    streaming.setFetchSize(fetchSize);
    return new NamedParameterJdbcTemplate(streaming);
  }

  /**
   * Runs {@code work} in one read-only, repeatable-read transaction, so that every statement of a
   * report sees the same snapshot (on a replica that keeps applying changes too). Within a
   * transaction already open on the same database it takes part in that one.
   */
  public <T, E extends Exception> T read(Work<T, E> work) throws E {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setReadOnly(true);
    definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    TransactionStatus status = transactions.getTransaction(definition);
    T result;
    try {
      result = work.run();
    } catch (Throwable failed) {
      transactions.rollback(status);
      throw failed;
    }
    transactions.commit(status);
    return result;
  }
}
