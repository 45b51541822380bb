package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Identifiers follow one rule ({@link IdentifierPolicy}) on every path: admins and the case's own
 * surgeons see them; coordinators see them nowhere (case page, section form, history, API, exports,
 * export in import format) and cannot write them; bulk exports with identifiers are audited.
 */
@IntegrationTest
class IdentifierPolicyIntegrationTest {

  private static final String NAME = "Nguyễn Văn Định-danh";
  private static final String RECORD = "HS-IDENT-4711";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired ApiTestTokens tokens;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  long caseId;
  Account coordinatorAccount;
  SignedInAccount coordinator;
  SignedInAccount surgeon;
  SignedInAccount admin;

  @BeforeEach
  void aCaseWithIdentifiers() {
    site = testAccounts.site();
    series = fixtures.series(site);
    caseId = fixtures.newCase(series, site);
    fixtures.save(
        caseId,
        Section.PATIENT,
        Map.of("patient_name", NAME, "hospital_record_number", RECORD, "age_years", "61"));
    fixtures.save(caseId, Section.PATIENT, Map.of("patient_name", NAME + " B"));
    fixtures.save(caseId, Section.PATIENT, Map.of("patient_name", NAME));
    coordinatorAccount = testAccounts.account(Role.COORDINATOR, site);
    coordinator = TestAccounts.principal(coordinatorAccount);
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
  }

  private String body(RequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void pagesAndHistoryShowIdentifiersToTheSitesSurgeonsAndAdminsOnly() throws Exception {
    for (SignedInAccount allowed : new SignedInAccount[] {surgeon, admin}) {
      assertThat(body(get("/cases/" + caseId).with(user(allowed)))).contains(NAME, RECORD);
      assertThat(body(get("/cases/" + caseId + "/sections/patient").with(user(allowed))))
          .contains(NAME, RECORD);
      assertThat(body(get("/cases/" + caseId + "/history").with(user(allowed)))).contains(NAME);
    }
    String page = body(get("/cases/" + caseId).with(user(coordinator)));
    assertThat(page).doesNotContain(NAME).doesNotContain(RECORD).contains("Hidden (identifier)");
    assertThat(page).contains("61");
    String form = body(get("/cases/" + caseId + "/sections/patient").with(user(coordinator)));
    assertThat(form)
        .doesNotContain(NAME)
        .doesNotContain(RECORD)
        .doesNotContain("name=\"values[patient_name]\"")
        .contains("not shown to your role");
    String history = body(get("/cases/" + caseId + "/history").with(user(coordinator)));
    assertThat(history).doesNotContain(NAME).doesNotContain(RECORD).contains("•••");
  }

  @Test
  void aCoordinatorsSaveKeepsTheIdentifiersItCannotSee() throws Exception {
    int version =
        jdbc.queryForObject(
            "select version from case_patient where case_id = ?", Integer.class, caseId);
    mvc.perform(
        post("/cases/" + caseId + "/sections/patient")
            .with(user(coordinator))
            .with(csrf())
            .param("version", String.valueOf(version))
            .param("values[age_years]", "62"));
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select patient_name, hospital_record_number, age_years from case_patient"
                + " where case_id = ?",
            caseId);
    assertThat(stored).containsEntry("patient_name", NAME).containsEntry("age_years", 62);
    assertThat(stored).containsEntry("hospital_record_number", RECORD);
  }

  @Test
  void theApiGivesCoordinatorsNoIdentifiersAndTakesNoneFromThem() throws Exception {
    String coordinatorToken = tokens.issue(coordinatorAccount);
    String whole = body(get("/api/v1/cases/" + caseId).with(bearer(coordinatorToken)));
    assertThat(whole).doesNotContain(NAME).doesNotContain(RECORD).contains("age_years");
    String section =
        body(get("/api/v1/cases/" + caseId + "/sections/patient").with(bearer(coordinatorToken)));
    assertThat(section).doesNotContain(NAME).doesNotContain(RECORD);
    String surgeonToken = tokens.issue(testAccounts.account(Role.SURGEON, site));
    assertThat(body(get("/api/v1/cases/" + caseId).with(bearer(surgeonToken))))
        .contains(NAME, RECORD);

    int version =
        jdbc.queryForObject(
            "select version from case_patient where case_id = ?", Integer.class, caseId);
    MockHttpServletResponse refused =
        mvc.perform(
                put("/api/v1/cases/" + caseId + "/sections/patient")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"values\": {\"patient_name\": \"Guess\", \"age_years\": 63},"
                            + " \"version\": "
                            + version
                            + "}")
                    .with(bearer(coordinatorToken)))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("patient_name");
    MockHttpServletResponse saved =
        mvc.perform(
                put("/api/v1/cases/" + caseId + "/sections/patient")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"values\": {\"age_years\": 63}, \"version\": " + version + "}")
                    .with(bearer(coordinatorToken)))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isEqualTo(200);
    assertThat(saved.getContentAsString()).doesNotContain(NAME);
    assertThat(
            jdbc.queryForObject(
                "select patient_name from case_patient where case_id = ?", String.class, caseId))
        .isEqualTo(NAME);
  }

  @Test
  void exportsCarryIdentifiersOnlyForAdminsAndAuditThem() throws Exception {
    String base = "/series/" + series.getId();
    assertThat(
            mvc.perform(
                    get(base + "/reports/dataset.zip")
                        .param("identified", "true")
                        .with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(unzipped(base + "/reports/dataset.zip", coordinator)).doesNotContain(NAME);
    assertThat(unzipped(base + "/import/export.zip", coordinator))
        .doesNotContain(NAME)
        .doesNotContain("patient_name");
    assertThat(audited("IMPORT_FORMAT", coordinator, false)).isEqualTo(1);

    assertThat(unzipped(base + "/import/export.zip", admin)).contains(NAME, RECORD);
    assertThat(audited("IMPORT_FORMAT", admin, true)).isEqualTo(1);
    String identified =
        new String(
            mvc.perform(
                    get(base + "/reports/dataset.zip")
                        .param("identified", "true")
                        .with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray(),
            StandardCharsets.ISO_8859_1);
    assertThat(identified).isNotEmpty();
    assertThat(audited("DATASET", admin, true)).isEqualTo(1);
  }

  @Test
  void aCoordinatorCannotImportIdentifiers() throws Exception {
    String code =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, caseId);
    String csv =
        "study_code,site_code,patient_name\n" + code + "," + site.getCode() + "," + NAME + "\n";
    String result =
        body(
            multipart("/series/" + series.getId() + "/import")
                .file(
                    new MockMultipartFile(
                        "file", "cases.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("updateExisting", "true")
                .with(user(coordinator))
                .with(csrf()));
    assertThat(result).contains("does not see or change patient identifiers");
  }

  private String unzipped(String url, SignedInAccount account) throws Exception {
    byte[] zip =
        mvc.perform(get(url).with(user(account))).andReturn().getResponse().getContentAsByteArray();
    StringBuilder text = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      while (in.getNextEntry() != null) {
        text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }

  private int audited(String kind, SignedInAccount account, boolean identified) {
    return jdbc.queryForObject(
        "select count(*) from export_audit where series_id = ? and kind = ? and username = ?"
            + " and identified = ?",
        Integer.class,
        series.getId(),
        kind,
        account.username(),
        identified);
  }
}
