package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class SignInIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired AccountRepository accounts;

  @Test
  void anonymousRequestsGoToTheSignInPage() throws Exception {
    mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/admin/sites")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/login")).andExpect(status().isOk());
  }

  @Test
  void signsInWithTheRightPasswordAndChangesTheSessionId() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    MockHttpSession session = new MockHttpSession();
    String before = session.getId();
    MvcResult result =
        mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
            .andExpect(authenticated().withUsername(surgeon.getUsername()))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
  }

  @Test
  void wrongPasswordIsRefusedWithAMessageAndTheUsernameKept() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    MvcResult result =
        mvc.perform(formLogin().user(surgeon.getUsername()).password("wrong-password-123"))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/login?error=bad-credentials"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
    mvc.perform(get("/login").param("error", "bad-credentials").session(session))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("Wrong username or password")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(surgeon.getUsername())));
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin().user(surgeon.getUsername()).password("guess-" + i + "-abcdefgh"))
          .andExpect(redirectedUrl("/login?error=bad-credentials"));
    }
    mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error=locked"));
    mvc.perform(get("/login").param("error", "locked"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("locked for 15 minutes")));
    assertThat(accounts.findById(surgeon.getId()).orElseThrow().getLockedUntil()).isNotNull();
  }

  @Test
  void deactivatedAccountsCannotSignIn() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    testAccounts.deactivate(surgeon);
    mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error=disabled"));
  }

  @Test
  void aDeactivatedAccountIsSignedOutAtItsNextRequest() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    testAccounts.deactivate(surgeon);
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  void signOutEndsTheSession() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(post("/logout").with(csrf()).session(session))
        .andExpect(redirectedUrl("/login?logout"));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
  }

  @Test
  void postsWithoutACsrfTokenAreRefused() throws Exception {
    mvc.perform(post("/login").param("username", "x").param("password", "y"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/login").with(csrf()).param("username", "x").param("password", "y"))
        .andExpect(redirectedUrl("/login?error=bad-credentials"));
  }

  @Test
  void throttlingHoldsUnderABurstOfParallelGuesses() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Callable<Integer>> guesses = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String guess = "burst-guess-" + i + "-xyz";
        guesses.add(
            () ->
                mvc.perform(formLogin().user(surgeon.getUsername()).password(guess))
                    .andReturn()
                    .getResponse()
                    .getStatus());
      }
      for (java.util.concurrent.Future<Integer> result : pool.invokeAll(guesses)) {
        assertThat(result.get()).isEqualTo(302);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(accounts.findById(surgeon.getId()).orElseThrow().getLockedUntil()).isNotNull();
    mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error=locked"));
  }
}
