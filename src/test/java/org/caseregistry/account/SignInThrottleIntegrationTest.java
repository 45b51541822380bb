package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Guessing is slow, locking someone out is impossible: attempts count per client address and
 * username together, with a wait that doubles; the right password from another address always
 * passes; every failure answers the same.
 */
@IntegrationTest
class SignInThrottleIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  private static MockHttpServletRequestBuilder signIn(
      String client, String username, String password) {
    return post("/login")
        .with(csrf())
        .param("username", username)
        .param("password", password)
        .with(
            request -> {
              request.setRemoteAddr(client);
              return request;
            });
  }

  @Test
  void anAttackersFailuresNeverKeepTheOwnerOut() throws Exception {
    Account admin = testAccounts.account(Role.ADMIN);
    for (int i = 0; i < 12; i++) {
      mvc.perform(signIn("203.0.113.9", admin.getUsername(), "attacker-guess-" + i))
          .andExpect(unauthenticated());
    }
    mvc.perform(signIn("203.0.113.9", admin.getUsername(), TestAccounts.PASSWORD))
        .andExpect(unauthenticated());
    mvc.perform(signIn("198.51.100.7", admin.getUsername(), TestAccounts.PASSWORD))
        .andExpect(authenticated().withUsername(admin.getUsername()));
  }

  @Test
  void theWaitGrowsWithEveryFurtherFailureAndTheRightPasswordEndsIt() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    String client = "192.0.2.44";
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn(client, surgeon.getUsername(), "wrong-" + i));
    }
    assertThat(waitLeft(client, surgeon)).isCloseTo(Duration.ofMinutes(1), Duration.ofSeconds(10));
    // Refused while waiting, without counting or checking the password.
    mvc.perform(signIn(client, surgeon.getUsername(), "wrong-during-wait"));
    assertThat(attempts(client, surgeon)).isEqualTo(5);
    long expected = 1;
    for (int further = 0; further < 8; further++) {
      waitOver(client, surgeon);
      mvc.perform(signIn(client, surgeon.getUsername(), "wrong-again-" + further))
          .andExpect(redirectedUrl("/login?error=bad-credentials"));
      expected = Math.min(expected * 2, 60);
      assertThat(waitLeft(client, surgeon))
          .isCloseTo(Duration.ofMinutes(expected), Duration.ofSeconds(10));
    }
    waitOver(client, surgeon);
    mvc.perform(signIn(client, surgeon.getUsername(), TestAccounts.PASSWORD))
        .andExpect(authenticated());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sign_in_throttle where client_address = ?",
                Integer.class,
                client))
        .isZero();
  }

  @Test
  void everyFailureAnswersTheSameWhateverTheReason() throws Exception {
    Account wrongPassword = testAccounts.account(Role.SURGEON, testAccounts.site());
    Account deactivated = testAccounts.account(Role.SURGEON, testAccounts.site());
    testAccounts.deactivate(deactivated);
    Account paused = testAccounts.account(Role.COORDINATOR, testAccounts.site());
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn("127.0.0.1", paused.getUsername(), "wrong-" + i));
    }
    String[][] attempts = {
      {"nobody-" + TestAccounts.unique("x"), "whatever-password"},
      {wrongPassword.getUsername(), "not-the-password"},
      {deactivated.getUsername(), TestAccounts.PASSWORD},
      {paused.getUsername(), TestAccounts.PASSWORD}
    };
    String firstPage = null;
    for (String[] attempt : attempts) {
      MvcResult result =
          mvc.perform(signIn("127.0.0.1", attempt[0], attempt[1]))
              .andExpect(unauthenticated())
              .andExpect(redirectedUrl("/login?error=bad-credentials"))
              .andReturn();
      MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
      String page =
          mvc.perform(get("/login").param("error", "bad-credentials").session(session))
              .andReturn()
              .getResponse()
              .getContentAsString()
              .replace(attempt[0], "USERNAME")
              .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
      if (firstPage == null) {
        firstPage = page;
      }
      assertThat(page).as(attempt[0]).isEqualTo(firstPage);
    }
  }

  @Test
  void anAdministratorsPasswordResetLetsEveryClientTryAfresh() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn("192.0.2.77", surgeon.getUsername(), "wrong-" + i));
    }
    assertThat(attempts("192.0.2.77", surgeon)).isEqualTo(5);
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    mvc.perform(
        post("/admin/accounts/" + surgeon.getId() + "/reset-password")
            .with(user(admin))
            .with(csrf()));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sign_in_throttle where username = lower(?)",
                Integer.class,
                surgeon.getUsername()))
        .isZero();
  }

  private Duration waitLeft(String client, Account account) {
    OffsetDateTime until =
        jdbc.queryForObject(
            "select blocked_until from sign_in_throttle where client_address = ?"
                + " and username = lower(?)",
            OffsetDateTime.class,
            client,
            account.getUsername());
    return Duration.between(OffsetDateTime.now(), until).truncatedTo(ChronoUnit.SECONDS);
  }

  private int attempts(String client, Account account) {
    return jdbc.queryForObject(
        "select attempts from sign_in_throttle where client_address = ? and username = lower(?)",
        Integer.class,
        client,
        account.getUsername());
  }

  /** As if the wait had passed. */
  private void waitOver(String client, Account account) {
    jdbc.update(
        "update sign_in_throttle set blocked_until = now() - interval '1 second'"
            + " where client_address = ? and username = lower(?)",
        client,
        account.getUsername());
  }
}
