package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each test sees empty account tables: copies in a schema of its own, put first on the search path
 * inside the test's transaction, which is rolled back afterwards. The shared database is untouched.
 */
@IntegrationTest
@Transactional
class FirstAdminIntegrationTest {

  @Autowired AccountService accountService;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder passwordEncoder;
  @Autowired JdbcTemplate jdbc;

  private void emptyAccountTable() {
    jdbc.execute("create schema first_admin_test");
    jdbc.execute("create table first_admin_test.account (like public.account including all)");
    jdbc.execute(
        "create table first_admin_test.account_site (like public.account_site including all)");
    jdbc.execute("set local search_path = first_admin_test, public");
  }

  @Test
  void withoutAConfiguredPasswordAOneTimePasswordIsGeneratedAndMustBeChanged() {
    emptyAccountTable();
    AccountService.IssuedPassword issued = accountService.createFirstAdmin("chief", "");
    assertThat(issued.temporaryPassword()).hasSizeGreaterThanOrEqualTo(16);
    Account admin = accounts.findByUsernameIgnoreCase("chief").orElseThrow();
    assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
    assertThat(admin.isMustChangePassword()).isTrue();
    assertThat(passwordEncoder.matches(issued.temporaryPassword(), admin.getPasswordHash()))
        .isTrue();
    assertThat(accountService.createFirstAdmin("another", "")).isNull();
  }

  @Test
  void aConfiguredPasswordIsUsedAndNeedNotBeChanged() {
    emptyAccountTable();
    AccountService.IssuedPassword issued =
        accountService.createFirstAdmin("chief", "from-the-environment");
    assertThat(issued.temporaryPassword()).isNull();
    Account admin = accounts.findByUsernameIgnoreCase("chief").orElseThrow();
    assertThat(admin.isMustChangePassword()).isFalse();
    assertThat(passwordEncoder.matches("from-the-environment", admin.getPasswordHash())).isTrue();
  }

  @Test
  void aWeakConfiguredPasswordStopsTheStartWithAClearMessage() {
    emptyAccountTable();
    assertThatThrownBy(() -> accountService.createFirstAdmin("chief", "short"))
        .hasMessageContaining("REGISTRY_ADMIN_PASSWORD");
  }

  @Test
  void nothingHappensWhenAccountsExist() {
    assertThat(accounts.count()).isPositive();
    assertThat(accountService.createFirstAdmin("chief", "")).isNull();
  }
}
