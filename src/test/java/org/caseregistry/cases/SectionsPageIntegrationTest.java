package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Several sections on one page: one submit, all or nothing, each section saved, versioned and
 * audited as its own; "Save and next" leads to the next empty section not on the page.
 */
@IntegrationTest
class SectionsPageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void severalSectionsAreSavedTogetherAllOrNothingEachAsItsOwnSection() throws Exception {
    HospitalSite site = testAccounts.site();
    long caseId = fixtures.newCase(fixtures.series(site), site);
    SignedInAccount surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    String page = "/cases/" + caseId + "/sections?s=postop,patient";

    mvc.perform(get(page).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"fields-patient\"")))
        .andExpect(content().string(Matchers.containsString("id=\"fields-postop\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"f-ct\""))));

    // A problem in one section: nothing of either is saved, and the problem is summed up.
    mvc.perform(
            post(page)
                .with(user(surgeon))
                .with(csrf())
                .param("values[age_years]", "abc")
                .param("values[oral_intake_pod]", "8")
                .param("versions[patient]", "0")
                .param("versions[postop]", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"error-summary\"")))
        .andExpect(content().string(Matchers.containsString("href=\"#f-age_years\"")));
    assertThat(rows("case_postop", caseId)).isZero();
    assertThat(rows("case_patient", caseId)).isZero();

    mvc.perform(
            post(page)
                .with(user(surgeon))
                .with(csrf())
                .param("values[age_years]", "65")
                .param("values[oral_intake_pod]", "8")
                .param("versions[patient]", "0")
                .param("versions[postop]", "0")
                .param("then", "next"))
        // The next empty section after the first on the page, not on the page: the tumour.
        .andExpect(redirectedUrl("/cases/" + caseId + "/sections/tumour"));
    assertThat(version("case_patient", caseId)).isEqualTo(1);
    assertThat(version("case_postop", caseId)).isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "select distinct section from case_audit where case_id = ? and action = 'UPDATE'"
                    + " order by section",
                String.class,
                caseId))
        .containsExactly("PATIENT", "POSTOP");

    // A stale version of one section: nothing is written, the other section neither.
    mvc.perform(
            post(page)
                .with(user(surgeon))
                .with(csrf())
                .param("values[age_years]", "66")
                .param("values[oral_intake_pod]", "9")
                .param("versions[patient]", "1")
                .param("versions[postop]", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"conflicts\"")));
    assertThat(
            jdbc.queryForObject(
                "select age_years from case_patient where case_id = ?", Integer.class, caseId))
        .isEqualTo(65);

    mvc.perform(get("/cases/" + caseId + "/sections?s=nodes").with(user(surgeon)))
        .andExpect(status().isNotFound());
  }

  private int rows(String table, long caseId) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where case_id = ?", Integer.class, caseId);
  }

  private int version(String table, long caseId) {
    return jdbc.queryForObject(
        "select version from " + table + " where case_id = ?", Integer.class, caseId);
  }
}
