package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
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
 * Who may import and export what, checked on the server for every request, through the pages:
 * surgeons create and update cases of their sites, coordinators only update them, admins do
 * everything; export in import format for coordinators and admins; others see nothing.
 */
@IntegrationTest
class ImportAccessIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  HospitalSite otherSite;
  CaseSeries series;
  String existing;
  SignedInAccount surgeon;
  SignedInAccount coordinator;
  SignedInAccount admin;
  SignedInAccount outsider;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    otherSite = testAccounts.site();
    series = fixtures.series(site, otherSite);
    existing =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?",
            String.class,
            fixtures.newCase(series, site));
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    coordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    outsider = TestAccounts.principal(testAccounts.account(Role.SURGEON, testAccounts.site()));
  }

  private String url(String path) {
    return "/series/" + series.getId() + "/import" + path;
  }

  private static MockMultipartFile csv(String... lines) {
    String text = "\uFEFF" + String.join("\r\n", lines) + "\r\n";
    return new MockMultipartFile(
        "file", "cases.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSeriesPageOffersImportAndTheImportPageAnswersByRole() throws Exception {
    mvc.perform(get("/series/" + series.getId() + "/cases").with(user(surgeon)))
        .andExpect(content().string(containsString("id=\"series-import\"")));
    mvc.perform(get(url("")).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"upload-form\"")))
        .andExpect(content().string(not(containsString("id=\"export-xlsx\""))));
    mvc.perform(get(url("")).with(user(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"coordinator-hint\"")))
        .andExpect(content().string(containsString("id=\"export-xlsx\"")));
    mvc.perform(get(url("")).with(user(outsider))).andExpect(status().isNotFound());
    mvc.perform(
            multipart(url(""))
                .file(csv("study_code;site_code", "Q1;" + site.getCode()))
                .with(user(outsider))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get(url("/template.xlsx")).with(user(outsider))).andExpect(status().isNotFound());
  }

  @Test
  void aSurgeonChecksThenImportsNewCasesOfTheirSite() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MvcResult checked =
        mvc.perform(
                multipart(url(""))
                    .file(
                        csv(
                            "study_code;site_code;sex;bmi_entered",
                            "NEW-1;" + site.getCode() + ";Nữ;21,5"))
                    .session(session)
                    .with(user(surgeon))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"no-problems\"")))
            .andExpect(content().string(containsString("id=\"commit-form\"")))
            .andReturn();
    assertThat(count("NEW-1")).isZero();
    String token = (String) checked.getModelAndView().getModel().get("token");

    mvc.perform(
            post(url("/commit"))
                .param("token", "forged")
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"upload-error\"")));
    mvc.perform(
            post(url("/commit"))
                .param("token", token)
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(redirectedUrl(url("/done")));
    assertThat(count("NEW-1")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select username from case_audit where series_id = ? and study_code = 'NEW-1' and"
                    + " action = 'IMPORT' and field = 'study_code'",
                String.class,
                series.getId()))
        .isEqualTo(surgeon.getUsername());
    mvc.perform(
            post(url("/commit"))
                .param("token", token)
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(content().string(containsString("id=\"upload-error\"")));
  }

  @Test
  void aSurgeonCannotImportIntoAnotherSiteAndNeitherCanExport() throws Exception {
    mvc.perform(
            multipart(url(""))
                .file(csv("study_code,site_code", "NEW-2," + otherSite.getCode()))
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is not one of your sites")))
        .andExpect(content().string(not(containsString("id=\"commit-form\""))));
    mvc.perform(get(url("/export.xlsx")).with(user(surgeon))).andExpect(status().isForbidden());
    mvc.perform(get(url("/export.zip")).with(user(surgeon))).andExpect(status().isForbidden());
    mvc.perform(get(url("/template.xlsx")).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(
            header().string("Content-Disposition", containsString("case-import-template.xlsx")));
  }

  @Test
  void aCoordinatorUpdatesExistingCasesButCreatesNone() throws Exception {
    mvc.perform(
            multipart(url(""))
                .file(csv("study_code,site_code,age_years", "NEW-3," + site.getCode() + ",50"))
                .param("updateExisting", "true")
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(content().string(containsString("only surgeons and admins create cases")))
        .andExpect(model().attributeDoesNotExist("token"));

    MockHttpSession session = new MockHttpSession();
    MvcResult checked =
        mvc.perform(
                multipart(url(""))
                    .file(
                        csv(
                            "study_code,site_code,age_years",
                            existing + "," + site.getCode() + ",50"))
                    .param("updateExisting", "true")
                    .session(session)
                    .with(user(coordinator))
                    .with(csrf()))
            .andExpect(content().string(containsString("id=\"count-updated\">1<")))
            .andReturn();
    String token = (String) checked.getModelAndView().getModel().get("token");
    mvc.perform(
            post(url("/commit"))
                .param("token", token)
                .session(session)
                .with(user(coordinator))
                .with(csrf()))
        .andExpect(redirectedUrl(url("/done")));
    assertThat(
            jdbc.queryForObject(
                "select p.age_years from case_patient p join surgical_case c on c.id = p.case_id"
                    + " where c.series_id = ? and c.study_code = ?",
                Integer.class,
                series.getId(),
                existing))
        .isEqualTo(50);
    assertThat(
            jdbc.queryForList(
                "select username from case_audit where series_id = ? and study_code = ? and field ="
                    + " 'age_years'",
                String.class,
                series.getId(),
                existing))
        .containsExactly(coordinator.getUsername());

    mvc.perform(get(url("/export.xlsx")).with(user(coordinator)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
  }

  @Test
  void anAdminImportsAnywhereAndExportsWithIdentifiers() throws Exception {
    mvc.perform(
            multipart(url(""))
                .file(
                    csv(
                        "study_code,site_code,patient_name",
                        "NEW-4," + otherSite.getCode() + ",Lê Văn C"))
                .with(user(admin))
                .with(csrf()))
        .andExpect(content().string(containsString("id=\"commit-form\"")));
    byte[] zip =
        mvc.perform(get(url("/export.zip")).with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String cases =
        new String(
            ImportRoundTripIntegrationTest.unzip(zip).get("cases.csv"), StandardCharsets.UTF_8);
    assertThat(cases).contains("patient_name", existing);
  }

  @Test
  void anOversizedFileGetsAClearMessage() throws Exception {
    byte[] big = new byte[(int) CaseFileFormat.MAX_BYTES + 1];
    mvc.perform(
            multipart(url(""))
                .file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("larger than 20 MB")));
    mvc.perform(multipart(url("")).with(user(surgeon)).with(csrf()))
        .andExpect(content().string(containsString("Choose a file.")));
  }

  @Test
  void theResultPageListsProblemsWarningsAndNotesInVietnamese() throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(get(url("/problems.csv")).session(session).with(user(surgeon)))
        .andExpect(status().isNotFound());
    mvc.perform(
            multipart(url(""))
                .session(session)
                .file(
                    csv(
                        "study_code;site_code;sex;age_years;bmi",
                        "V1;" + site.getCode() + ";khong biet;95;20",
                        "V2;" + site.getCode() + ";nam;95;20"))
                .param("lang", "vi")
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("khong biet")))
        .andExpect(content().string(containsString("Lỗi (1)")))
        .andExpect(content().string(containsString("Cảnh báo")))
        .andExpect(content().string(containsString("Đã bỏ qua các cột do hệ thống tự tính: bmi")));
    String all =
        mvc.perform(get(url("/problems.csv")).session(session).with(user(surgeon)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(all).contains("problem,cases,2,sex,khong biet,").contains("warning,cases,3,V2");
  }

  private long count(String studyCode) {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ? and study_code = ?",
        Long.class,
        series.getId(),
        studyCode);
  }
}
