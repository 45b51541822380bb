package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Cases from a REDCap flat record export through the pages: the export becomes the import's own
 * file, so the dry run, the problems (rows as the export numbers them) and the all-or-nothing
 * commit are the case import's.
 */
@IntegrationTest
class RedcapRecordsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  SignedInAccount surgeon;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(site);
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
  }

  private MockMultipartFile export(String... lines) {
    return new MockMultipartFile(
        "file",
        "ESOPHAGECTOMY_DATA_2026-12-01.csv",
        "text/csv",
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private long cases() {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ?", Long.class, series.getId());
  }

  private MvcResult check(MockHttpSession session, MockMultipartFile file) throws Exception {
    return mvc.perform(
            multipart("/series/" + series.getId() + "/redcap/records")
                .file(file)
                .param("siteFrom", "file")
                .param("siteCode", site.getCode())
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andReturn();
  }

  @Test
  void aRecordExportWithACodeOutsideTheChoicesIsRefusedWholeAndOnceFixedImportsWhole()
      throws Exception {
    String header =
        "record_id,sex,age_years,asa_class,operation_date,blood_loss_ml,patient_complete,"
            + "redcap_survey_identifier";
    MockHttpSession session = new MockHttpSession();
    MvcResult wrong =
        check(
            session,
            export(
                header,
                "R1,MALE,61,II,2023-05-03,250,2,",
                "R2,X,58,,2023-08-17,,1,",
                "R3,FEMALE,,III,,,0,"));
    assertThat(wrong.getResponse().getContentAsString())
        .contains("id=\"problems\"")
        .contains("<code>X</code>")
        .contains("Column patient_complete: REDCap&#39;s form status, left out.")
        .doesNotContain("id=\"commit-form\"");
    assertThat(cases()).isZero();

    MvcResult fixed =
        check(
            session,
            export(
                header,
                "R1,MALE,61,II,2023-05-03,250,2,",
                "R2,FEMALE,58,,2023-08-17,,1,",
                "R3,FEMALE,,III,,,0,"));
    assertThat(fixed.getResponse().getContentAsString())
        .contains("id=\"no-problems\"")
        .contains("id=\"commit-form\"");
    String token = RedcapDictionaryIntegrationTest.token(fixed);
    assertThat(cases()).isZero();

    mvc.perform(
            post("/series/" + series.getId() + "/redcap/records/commit")
                .param("token", token)
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(redirectedUrl("/series/" + series.getId() + "/redcap"));
    assertThat(cases()).isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select p.age_years from case_patient p join surgical_case c on c.id = p.case_id"
                    + " where c.series_id = ? and c.study_code = 'R1'",
                Integer.class,
                series.getId()))
        .isEqualTo(61);
  }

  @Test
  void theSiteComesFromANamedColumnAndAMissingColumnOrSiteIsSaidNextToTheForm() throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            multipart("/series/" + series.getId() + "/redcap/records")
                .file(export("record_id,hospital,sex", "R1," + site.getCode() + ",MALE"))
                .param("siteFrom", "column")
                .param("siteColumn", "hospital")
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"no-problems\"")))
        .andExpect(content().string(containsString("id=\"commit-form\"")));

    mvc.perform(
            multipart("/series/" + series.getId() + "/redcap/records")
                .file(export("record_id,sex", "R1,MALE"))
                .param("siteFrom", "column")
                .param("siteColumn", "hospital")
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The file has no column &quot;hospital&quot;")))
        .andExpect(content().string(not(containsString("id=\"commit-form\""))));

    mvc.perform(
            multipart("/series/" + series.getId() + "/redcap/records")
                .file(export("record_id,sex", "R1,MALE"))
                .param("siteFrom", "column")
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"records-error\"")));
    assertThat(cases()).isZero();
  }
}
