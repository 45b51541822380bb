package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session's statements run in plain JDBC transactions, and nothing else does: the
 * application's transaction template is still Spring Boot's, over the JPA transaction manager.
 */
@IntegrationTest
class SessionTransactionsIntegrationTest {

  @Autowired SessionAccessWrites sessionRepository;
  @Autowired TransactionTemplate applicationTransactions;

  @Test
  void springSessionHasItsOwnJdbcTransactionsAndTheApplicationKeepsJpa() {
    JdbcIndexedSessionRepository sessions =
        (JdbcIndexedSessionRepository) ReflectionTestUtils.getField(sessionRepository, "sessions");
    Object sessionTransactions = ReflectionTestUtils.getField(sessions, "transactionOperations");

    assertThat(sessionTransactions).isInstanceOf(TransactionTemplate.class);
    assertThat(((TransactionTemplate) sessionTransactions).getTransactionManager())
        .isInstanceOf(DataSourceTransactionManager.class);
    assertThat(applicationTransactions.getTransactionManager())
        .isInstanceOf(JpaTransactionManager.class);
  }
}
