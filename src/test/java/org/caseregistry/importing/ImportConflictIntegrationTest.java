package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A form edit saved between an import's dry run and its commit is never overwritten unseen: the
 * commit refuses the whole import with a conflict on that case, until the file is checked again.
 */
@IntegrationTest
class ImportConflictIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseService caseService;

  HospitalSite site;
  CaseSeries series;
  long edited;
  long untouched;
  String editedCode;
  String untouchedCode;
  SignedInAccount surgeon;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(site);
    edited = fixtures.newCase(series, site);
    untouched = fixtures.newCase(series, site);
    editedCode = code(edited);
    untouchedCode = code(untouched);
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
  }

  @Test
  void aSectionSavedAfterTheDryRunStopsTheCommitUntilTheFileIsCheckedAgain() throws Exception {
    MockMultipartFile file =
        csv(
            "study_code,site_code,age_years",
            editedCode + "," + site.getCode() + ",50",
            untouchedCode + "," + site.getCode() + ",51",
            "NEW-C1," + site.getCode() + ",52");
    String token = check(file);

    // Someone saves the patient section of one of the file's cases through its form.
    mvc.perform(
            post("/cases/" + edited + "/sections/patient")
                .with(user(surgeon))
                .with(csrf())
                .param("values[age_years]", "70")
                .param("version", "0"))
        .andExpect(redirectedUrl("/cases/" + edited));

    mvc.perform(commit(token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"commit-refused\"")))
        .andExpect(content().string(containsString("This case was changed after the check")));
    // All or nothing: not even the unchanged case or the new one was written.
    assertThat(age(edited)).isEqualTo(70);
    assertThat(age(untouched)).isNull();
    assertThat(count("NEW-C1")).isZero();
    // The refused commit used up the upload; the same token cannot be replayed.
    mvc.perform(commit(token)).andExpect(content().string(containsString("id=\"upload-error\"")));

    // Checking again shows the file against the saved edit, and that check may be committed.
    String again = check(file);
    mvc.perform(commit(again)).andExpect(redirectedUrl(url("/done")));
    assertThat(age(edited)).isEqualTo(50);
    assertThat(age(untouched)).isEqualTo(51);
    assertThat(count("NEW-C1")).isEqualTo(1);
  }

  @Test
  void aCaseCreatedOrDeletedAfterTheDryRunIsAConflictToo() throws Exception {
    MockMultipartFile file =
        csv(
            "study_code,site_code,age_years",
            untouchedCode + "," + site.getCode() + ",60",
            "NEW-C2," + site.getCode() + ",61");
    String token = check(file);
    // Another import (or a form) creates the case the dry run saw as new.
    caseService.create(series.getId(), "NEW-C2", site.getId(), false, CaseFixtures.system());
    mvc.perform(commit(token))
        .andExpect(content().string(containsString("id=\"commit-refused\"")))
        .andExpect(content().string(containsString("This case was changed after the check")));
    assertThat(age(untouched)).isNull();
  }

  @Test
  void withoutAnEditInBetweenTheCommitWrites() throws Exception {
    String token =
        check(csv("study_code,site_code,age_years", untouchedCode + "," + site.getCode() + ",44"));
    mvc.perform(commit(token)).andExpect(redirectedUrl(url("/done")));
    assertThat(age(untouched)).isEqualTo(44);
  }

  private String check(MockMultipartFile file) throws Exception {
    return (String)
        mvc.perform(
                multipart(url(""))
                    .file(file)
                    .param("updateExisting", "true")
                    .with(user(surgeon))
                    .with(csrf()))
            .andExpect(content().string(containsString("id=\"commit-form\"")))
            .andReturn()
            .getModelAndView()
            .getModel()
            .get("token");
  }

  private RequestBuilder commit(String token) {
    return post(url("/commit")).param("token", token).with(user(surgeon)).with(csrf());
  }

  private String url(String path) {
    return "/series/" + series.getId() + "/import" + path;
  }

  private String code(long caseId) {
    return jdbc.queryForObject(
        "select study_code from surgical_case where id = ?", String.class, caseId);
  }

  private Integer age(long caseId) {
    return jdbc
        .query(
            "select age_years from case_patient where case_id = ?",
            (rs, row) -> (Integer) rs.getObject(1),
            caseId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private long count(String studyCode) {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ? and study_code = ?",
        Long.class,
        series.getId(),
        studyCode);
  }

  private static MockMultipartFile csv(String... lines) {
    String text = "\uFEFF" + String.join("\r\n", lines) + "\r\n";
    return new MockMultipartFile(
        "file", "cases.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }
}
