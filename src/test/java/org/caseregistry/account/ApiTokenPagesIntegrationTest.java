package org.caseregistry.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The page where every account creates, sees and revokes its own API tokens. */
@IntegrationTest
class ApiTokenPagesIntegrationTest {

  private static final Pattern SHOWN_TOKEN =
      Pattern.compile("id=\"issued-token-value\">(crg_[A-Za-z0-9_-]+)<");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  Account surgeon;

  @BeforeEach
  void setUp() {
    surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());
  }

  @Test
  void aCreatedTokenIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
    String page = create(surgeon, "R script");
    String token = shownToken(page);
    assertThat(token).matches("crg_[A-Za-z0-9_-]{43}");
    assertThat(page).contains("shown only this once");

    // Stored: the SHA-256 of the token, and nowhere the token itself.
    assertThat(
            jdbc.queryForObject(
                "select token_hash from api_token where account_id = ?",
                String.class,
                surgeon.getId()))
        .isEqualTo(ApiTokenService.hash(token))
        .hasSize(64);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from api_token t where t::text like ?",
                Integer.class,
                "%" + token.substring(4) + "%"))
        .isZero();

    // Listed afterwards by name, never shown again.
    mvc.perform(get("/account/tokens").with(user(TestAccounts.principal(surgeon))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("R script")))
        .andExpect(content().string(containsString("never")))
        .andExpect(content().string(not(containsString(token))))
        .andExpect(content().string(not(containsString("issued-token"))));
  }

  @Test
  void theTokenWorksUntilItIsRevokedAndItsLastUseIsShown() throws Exception {
    String token = shownToken(create(surgeon, "export job"));
    mvc.perform(get("/api/v1/series").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(
            jdbc.queryForObject(
                "select last_used_at is not null from api_token where account_id = ?",
                Boolean.class,
                surgeon.getId()))
        .isTrue();
    mvc.perform(get("/account/tokens").with(user(TestAccounts.principal(surgeon))))
        .andExpect(content().string(not(containsString(">never<"))));

    long tokenId =
        jdbc.queryForObject(
            "select id from api_token where account_id = ?", Long.class, surgeon.getId());
    mvc.perform(
            post("/account/tokens/" + tokenId + "/revoke")
                .with(user(TestAccounts.principal(surgeon)))
                .with(csrf()))
        .andExpect(redirectedUrl("/account/tokens"));
    mvc.perform(get("/api/v1/series").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/account/tokens").with(user(TestAccounts.principal(surgeon))))
        .andExpect(content().string(containsString("Revoked")))
        .andExpect(content().string(not(containsString("revoke-" + tokenId))));
  }

  @Test
  void nobodyRevokesAnotherAccountsToken() throws Exception {
    create(surgeon, "mine");
    long tokenId =
        jdbc.queryForObject(
            "select id from api_token where account_id = ?", Long.class, surgeon.getId());
    Account other = testAccounts.account(Role.ADMIN);
    mvc.perform(
            post("/account/tokens/" + tokenId + "/revoke")
                .with(user(TestAccounts.principal(other)))
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.queryForObject(
                "select revoked_at is null from api_token where id = ?", Boolean.class, tokenId))
        .isTrue();
    mvc.perform(get("/account/tokens").with(user(TestAccounts.principal(other))))
        .andExpect(content().string(not(containsString("mine"))));
  }

  @Test
  void aTokenNeedsANameOfAtMost100Characters() throws Exception {
    for (String name : List.of("", "x".repeat(101))) {
      mvc.perform(
              post("/account/tokens")
                  .with(user(TestAccounts.principal(surgeon)))
                  .with(csrf())
                  .param("name", name))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"name-error\"")))
          .andExpect(content().string(not(containsString("issued-token"))));
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from api_token where account_id = ?",
                Integer.class,
                surgeon.getId()))
        .isZero();
  }

  @Test
  void thePagesAreLinkedAndSpeakBothLanguagesAndNeedSignIn() throws Exception {
    mvc.perform(get("/").with(user(TestAccounts.principal(surgeon))))
        .andExpect(content().string(containsString("href=\"/account/tokens\"")));
    mvc.perform(
            get("/account/tokens").param("lang", "vi").with(user(TestAccounts.principal(surgeon))))
        .andExpect(content().string(containsString("Mã truy cập API")));
    mvc.perform(get("/account/tokens")).andExpect(redirectedUrl("/login"));
  }

  private String create(Account account, String name) throws Exception {
    return mvc.perform(
            post("/account/tokens")
                .with(user(TestAccounts.principal(account)))
                .with(csrf())
                .param("name", name))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String shownToken(String page) {
    Matcher matcher = SHOWN_TOKEN.matcher(page);
    assertThat(matcher.find()).as("the new token is on the page").isTrue();
    return matcher.group(1);
  }
}
