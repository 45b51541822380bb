package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AccountAdminIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired AccountRepository accounts;

  Account adminAccount;
  SignedInAccount admin;
  HospitalSite site;

  @BeforeEach
  void signIn() {
    adminAccount = testAccounts.account(Role.ADMIN);
    admin = TestAccounts.principal(adminAccount);
    site = testAccounts.site();
  }

  @Test
  void createsAnAccountWhoseOneTimePasswordMustBeChangedAtFirstSignIn() throws Exception {
    String username = TestAccounts.unique("nguyen.");
    MvcResult created =
        mvc.perform(
                post("/admin/accounts/new")
                    .with(user(admin))
                    .with(csrf())
                    .param("username", username)
                    .param("fullName", "Nguyễn Văn A")
                    .param("email", "a@example.org")
                    .param("role", "SURGEON")
                    .param("siteIds", site.getId().toString())
                    .param("active", "true"))
            .andExpect(redirectedUrl("/admin/accounts"))
            .andExpect(flash().attributeExists("issuedPassword"))
            .andReturn();
    String temporary = (String) created.getFlashMap().get("issuedPassword");
    Account account = accounts.findByUsernameIgnoreCase(username).orElseThrow();
    assertThat(account.isMustChangePassword()).isTrue();
    assertThat(testAccounts.reload(account).getSites())
        .extracting(HospitalSite::getId)
        .containsExactly(site.getId());

    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin().user(username).password(temporary))
                .andExpect(authenticated())
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", temporary)
                .param("newPassword", "a-much-longer-passphrase")
                .param("confirmPassword", "a-much-longer-passphrase"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
  }

  @Test
  void validationErrorsAreShownNextToTheFields() throws Exception {
    Account taken = testAccounts.account(Role.SURGEON, site);
    mvc.perform(
            post("/admin/accounts/new")
                .with(user(admin))
                .with(csrf())
                .param("username", taken.getUsername().toUpperCase())
                .param("fullName", "Trần Thị B")
                .param("email", "not-an-email")
                .param("role", "COORDINATOR"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("accountForm", "email"))
        .andExpect(content().string(containsString("Not a valid email address.")))
        .andExpect(content().string(containsString("value=\"Trần Thị B\"")));
    mvc.perform(
            post("/admin/accounts/new")
                .with(user(admin))
                .with(csrf())
                .param("username", taken.getUsername().toUpperCase())
                .param("fullName", "Trần Thị B")
                .param("role", "COORDINATOR"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This username is taken.")))
        .andExpect(
            content()
                .string(
                    containsString("Surgeons and coordinators must belong to at least one site.")));
  }

  @Test
  void deactivatingAnAccountStopsItsSignInButKeepsIt() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    mvc.perform(
            post("/admin/accounts/" + surgeon.getId())
                .with(user(admin))
                .with(csrf())
                .param("username", surgeon.getUsername())
                .param("fullName", surgeon.getFullName())
                .param("role", "SURGEON")
                .param("siteIds", site.getId().toString())
                .param("_active", "on")
                .param("version", String.valueOf(surgeon.getVersion())))
        .andExpect(redirectedUrl("/admin/accounts"));
    assertThat(accounts.findById(surgeon.getId()).orElseThrow().isActive()).isFalse();
    // Changed by issue 16: the one answer of every failed sign-in.
    mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
        .andExpect(redirectedUrl("/login?error=bad-credentials"));
  }

  @Test
  void anAdminCannotDeactivateOrDemoteItself() throws Exception {
    mvc.perform(
            post("/admin/accounts/" + adminAccount.getId())
                .with(user(admin))
                .with(csrf())
                .param("username", adminAccount.getUsername())
                .param("fullName", adminAccount.getFullName())
                .param("role", "SURGEON")
                .param("siteIds", site.getId().toString())
                .param("_active", "on")
                .param("version", String.valueOf(adminAccount.getVersion())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("You cannot deactivate your own account.")))
        .andExpect(
            content().string(containsString("You cannot remove your own administrator role.")));
    assertThat(accounts.findById(adminAccount.getId()).orElseThrow().isActive()).isTrue();
  }

  @Test
  void passwordResetIssuesANewOneTimePassword() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    MvcResult reset =
        mvc.perform(
                post("/admin/accounts/" + surgeon.getId() + "/reset-password")
                    .with(user(admin))
                    .with(csrf()))
            .andExpect(redirectedUrl("/admin/accounts"))
            .andReturn();
    String temporary = (String) reset.getFlashMap().get("issuedPassword");
    mvc.perform(formLogin().user(surgeon.getUsername()).password(TestAccounts.PASSWORD))
        .andExpect(redirectedUrl("/login?error=bad-credentials"));
    mvc.perform(formLogin().user(surgeon.getUsername()).password(temporary))
        .andExpect(authenticated());
    assertThat(accounts.findById(surgeon.getId()).orElseThrow().isMustChangePassword()).isTrue();
  }

  @Test
  void ownPasswordChangeFollowsThePolicy() throws Exception {
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    SignedInAccount principal = TestAccounts.principal(surgeon);
    mvc.perform(
            post("/account/password")
                .with(user(principal))
                .with(csrf())
                .param("currentPassword", "wrong-current-pw")
                .param("newPassword", "short")
                .param("confirmPassword", "different"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The current password is wrong.")))
        .andExpect(content().string(containsString("The password is too short.")))
        .andExpect(content().string(containsString("The two new passwords differ.")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("wrong-current-pw"))));
    mvc.perform(
            post("/account/password")
                .with(user(principal))
                .with(csrf())
                .param("currentPassword", TestAccounts.PASSWORD)
                .param("newPassword", "xx" + surgeon.getUsername() + "yy")
                .param("confirmPassword", "xx" + surgeon.getUsername() + "yy"))
        .andExpect(content().string(containsString("must not contain your username")));
    mvc.perform(
            post("/account/password")
                .with(user(principal))
                .with(csrf())
                .param("currentPassword", TestAccounts.PASSWORD)
                .param("newPassword", "Sông Hồng chảy ra biển")
                .param("confirmPassword", "Sông Hồng chảy ra biển"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(formLogin().user(surgeon.getUsername()).password("Sông Hồng chảy ra biển"))
        .andExpect(authenticated());
  }
}
