package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * After a credential change: a new own password ends the account's other sessions (and the page
 * says so) while the session that changed it goes on; a deactivated account's API tokens are
 * revoked for good, so re-activating the account does not revive them.
 */
@IntegrationTest
class CredentialChangesIntegrationTest {

  private static final String NEW_PASSWORD = "a-brand-new-passphrase";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTokenService tokens;
  @Autowired AccountRepository accounts;

  private MockHttpSession signIn(Account account, String password) throws Exception {
    return (MockHttpSession)
        mvc.perform(formLogin().user(account.getUsername()).password(password))
            .andExpect(redirectedUrl("/"))
            .andReturn()
            .getRequest()
            .getSession();
  }

  @Test
  void changingTheOwnPasswordEndsTheOtherSessionsAndSaysSo() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    MockHttpSession laptop = signIn(surgeon, TestAccounts.PASSWORD);
    MockHttpSession phone = signIn(surgeon, TestAccounts.PASSWORD);
    mvc.perform(get("/").session(laptop)).andExpect(status().isOk());
    mvc.perform(get("/").session(phone)).andExpect(status().isOk());

    MvcResult changed =
        mvc.perform(
                post("/account/password")
                    .session(laptop)
                    .with(csrf())
                    .param("currentPassword", TestAccounts.PASSWORD)
                    .param("newPassword", NEW_PASSWORD)
                    .param("confirmPassword", NEW_PASSWORD))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    MockHttpSession after = (MockHttpSession) changed.getRequest().getSession();
    mvc.perform(get("/").session(after).flashAttr("flash", changed.getFlashMap().get("flash")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your other sessions")));
    mvc.perform(get("/").session(after)).andExpect(status().isOk());
    mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?expired"));
    // The new password opens a new session, which stays.
    MockHttpSession again = signIn(surgeon, NEW_PASSWORD);
    mvc.perform(get("/").session(again)).andExpect(status().isOk());
  }

  @Test
  void anAdministratorsResetEndsTheAccountsSessions() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
    MockHttpSession session = signIn(surgeon, TestAccounts.PASSWORD);
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    mvc.perform(
        post("/admin/accounts/" + surgeon.getId() + "/reset-password")
            .with(user(admin))
            .with(csrf()));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  void deactivationRevokesApiTokensForGood() throws Exception {
    HospitalSite site = testAccounts.site();
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    String token = tokens.create(surgeon.getId(), "script").secret();
    mvc.perform(get("/api/v1/series").with(bearer(token))).andExpect(status().isOk());
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));

    mvc.perform(edit(surgeon, site, false).with(user(admin)))
        .andExpect(redirectedUrl("/admin/accounts"));
    mvc.perform(get("/api/v1/series").with(bearer(token))).andExpect(status().isUnauthorized());
    assertThat(tokens.of(surgeon.getId())).allSatisfy(t -> assertThat(t.isRevoked()).isTrue());

    mvc.perform(edit(surgeon, site, true).with(user(admin)))
        .andExpect(redirectedUrl("/admin/accounts"));
    assertThat(accounts.findById(surgeon.getId()).orElseThrow().isActive()).isTrue();
    mvc.perform(get("/api/v1/series").with(bearer(token))).andExpect(status().isUnauthorized());
    // A token made after re-activation works.
    String fresh = tokens.create(surgeon.getId(), "new script").secret();
    mvc.perform(get("/api/v1/series").with(bearer(fresh))).andExpect(status().isOk());
  }

  private MockHttpServletRequestBuilder edit(Account account, HospitalSite site, boolean active) {
    MockHttpServletRequestBuilder edit =
        post("/admin/accounts/" + account.getId())
            .with(csrf())
            .param("username", account.getUsername())
            .param("fullName", account.getFullName())
            .param("role", account.getRole().name())
            .param("siteIds", site.getId().toString())
            .param("_active", "on")
            .param(
                "version",
                String.valueOf(accounts.findById(account.getId()).orElseThrow().getVersion()));
    return active ? edit.param("active", "true") : edit;
  }

  private static RequestPostProcessor bearer(String token) {
    return request -> {
      request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
      return request;
    };
  }
}
