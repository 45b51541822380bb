package org.caseregistry.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SiteAdminIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired HospitalSiteRepository sites;
  @Autowired JdbcTemplate jdbc;

  SignedInAccount admin;

  @BeforeEach
  void signIn() {
    admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
  }

  @Test
  void createsASiteListsItAndAuditsWhoDidIt() throws Exception {
    String code = TestAccounts.unique("E");
    mvc.perform(
            post("/admin/sites/new")
                .with(user(admin))
                .with(csrf())
                .param("code", code)
                .param("name", "Bệnh viện " + code)
                .param("city", "Hà Nội")
                .param("active", "true"))
        .andExpect(redirectedUrl("/admin/sites"));
    mvc.perform(get("/admin/sites").with(user(admin)))
        .andExpect(content().string(containsString("Bệnh viện " + code)));
    HospitalSite site = sites.findByCodeIgnoreCase(code).orElseThrow();
    assertThat(site.getCity()).isEqualTo("Hà Nội");
    assertThat(
            jdbc.queryForObject(
                "select r.username from hospital_site_aud a join revinfo r on r.rev = a.rev"
                    + " where a.id = ? and a.revtype = 0",
                String.class,
                site.getId()))
        .isEqualTo(admin.username());
  }

  @Test
  void invalidInputIsShownNextToTheFieldAndKept() throws Exception {
    mvc.perform(
            post("/admin/sites/new")
                .with(user(admin))
                .with(csrf())
                .param("code", "bad code!")
                .param("name", "")
                .param("city", "Huế"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("siteForm", "code", "name"))
        .andExpect(content().string(containsString("id=\"code-error\"")))
        .andExpect(content().string(containsString("Letters, digits, - and _ only.")))
        .andExpect(content().string(containsString("value=\"bad code!\"")))
        .andExpect(content().string(containsString("value=\"Huế\"")));
  }

  @Test
  void codeAndNameAreUniqueIgnoringCase() throws Exception {
    HospitalSite existing = testAccounts.site();
    mvc.perform(
            post("/admin/sites/new")
                .with(user(admin))
                .with(csrf())
                .param("code", existing.getCode().toLowerCase())
                .param("name", existing.getName().toUpperCase()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Another site already uses this code.")))
        .andExpect(content().string(containsString("Another site already has this name.")));
  }

  @Test
  void aStaleEditIsReportedAsAConflictAndNothingIsOverwritten() throws Exception {
    HospitalSite site = testAccounts.site();
    long loadedVersion = site.getVersion();
    mvc.perform(
            post("/admin/sites/" + site.getId())
                .with(user(admin))
                .with(csrf())
                .param("code", site.getCode())
                .param("name", "First editor")
                .param("active", "true")
                .param("version", String.valueOf(loadedVersion)))
        .andExpect(redirectedUrl("/admin/sites"));
    mvc.perform(
            post("/admin/sites/" + site.getId())
                .with(user(admin))
                .with(csrf())
                .param("code", site.getCode())
                .param("name", "Second editor")
                .param("active", "true")
                .param("version", String.valueOf(loadedVersion)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else saved this record")))
        .andExpect(content().string(containsString("value=\"Second editor\"")));
    assertThat(sites.findById(site.getId()).orElseThrow().getName()).isEqualTo("First editor");
  }

  @Test
  void sitesAreDeactivatedNotDeleted() throws Exception {
    HospitalSite site = testAccounts.site();
    mvc.perform(
            post("/admin/sites/" + site.getId())
                .with(user(admin))
                .with(csrf())
                .param("code", site.getCode())
                .param("name", site.getName())
                .param("_active", "on")
                .param("version", String.valueOf(site.getVersion())))
        .andExpect(redirectedUrl("/admin/sites"));
    assertThat(sites.findById(site.getId()).orElseThrow().isActive()).isFalse();
  }

  @Test
  void unknownSiteIsNotFound() throws Exception {
    mvc.perform(get("/admin/sites/987654321").with(user(admin))).andExpect(status().isNotFound());
  }
}
