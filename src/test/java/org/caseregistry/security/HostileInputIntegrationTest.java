package org.caseregistry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile input in every text field of every form: markup comes back escaped, SQL metacharacters
 * are stored as typed, odd Unicode round-trips, overlong and control-character values get a message
 * next to the field. No input ends in a server error.
 */
@IntegrationTest
class HostileInputIntegrationTest {

  static final String SCRIPT = "<script>alert('x')</script>";
  static final String IMAGE = "\"><img src=x onerror=alert(1)>";
  static final String SQL = "Robert'); DROP TABLE surgical_case;--";
  static final String UNICODE = "Nguyễn Thị Ánh 😷 \u202Eأحمد\u202C e\u0301 ☢";
  static final List<String> PAYLOADS =
      List.of(SCRIPT, IMAGE, SQL, UNICODE, "x".repeat(5000), "nul\u0000byte");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  SignedInAccount admin;
  SignedInAccount surgeon;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(site);
    admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
  }

  @Test
  void everyTextFieldOfEverySectionStoresPayloadsVerbatimAndShowsThemEscaped() throws Exception {
    long esophagusCase = fixtures.newCase(series, site);
    // The gastric modules belong to a gastric series' form (issue 13).
    long gastricCase = fixtures.newCase(fixtures.gastricSeries(site), site);
    for (Section section : Section.values()) {
      long caseId = section.isGastric() ? gastricCase : esophagusCase;
      for (Variable variable : CaseVariables.of(section)) {
        if (variable.type() != ValueType.TEXT) {
          continue;
        }
        for (String payload : PAYLOADS) {
          String path =
              "/cases/"
                  + caseId
                  + "/sections/"
                  + section.slug()
                  + (section.isList() ? "/items/new" : "");
          int version =
              section.isList()
                  ? 0
                  : jdbc
                      .queryForList(
                          "select version from " + section.table() + " where case_id = ?",
                          Integer.class,
                          caseId)
                      .stream()
                      .findFirst()
                      .orElse(0);
          MockHttpServletResponse response =
              send(
                  post(path)
                      .with(user(surgeon))
                      .with(csrf())
                      .param("values[" + variable.name() + "]", payload)
                      .param("version", String.valueOf(version)));
          boolean acceptable =
              payload.length() <= variable.maxLength() && !payload.contains("\u0000");
          if (acceptable) {
            assertThat(response.getStatus()).as(variable.name() + " " + payload).isEqualTo(302);
            String stored =
                jdbc.queryForObject(
                    "select "
                        + variable.name()
                        + " from "
                        + section.table()
                        + " where case_id = ?"
                        + (section.isList() ? " order by id desc limit 1" : ""),
                    String.class,
                    caseId);
            assertThat(stored).isEqualTo(payload.strip());
            String page = send(get("/cases/" + caseId).with(user(surgeon))).getContentAsString();
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
          } else {
            assertThat(response.getStatus())
                .as(variable.name() + " " + payload.substring(0, Math.min(10, payload.length())))
                .isEqualTo(200);
            assertThat(response.getContentAsString())
                .contains("id=\"" + variable.name() + "-error\"");
          }
        }
      }
    }
    String history =
        send(get("/cases/" + esophagusCase + "/history").with(user(surgeon))).getContentAsString();
    assertThat(history).doesNotContain("<script>alert").contains("&lt;script&gt;");
  }

  @Test
  void adminAndSeriesFormsEscapeStoreAndRefuseCleanly() throws Exception {
    for (String payload : PAYLOADS) {
      assertNoServerError(
          post("/admin/sites/new")
              .with(user(admin))
              .with(csrf())
              .param("code", TestAccounts.unique("H"))
              .param("name", payload + TestAccounts.unique(" "))
              .param("city", payload));
      assertNoServerError(
          post("/admin/accounts/new")
              .with(user(admin))
              .with(csrf())
              .param("username", TestAccounts.unique("u"))
              .param("fullName", payload)
              .param("email", payload)
              .param("role", "ADMIN"));
      assertNoServerError(
          post("/series/new")
              .with(user(admin))
              .with(csrf())
              .param("title", payload + TestAccounts.unique(" "))
              .param("description", payload)
              .param("procedure", payload)
              .param("status", "ACTIVE")
              .param("siteIds", site.getId().toString()));
      assertNoServerError(
          post("/series/" + series.getId() + "/cases/new")
              .with(user(surgeon))
              .with(csrf())
              .param("studyCode", payload)
              .param("siteId", site.getId().toString()));
      assertNoServerError(
          get("/series/" + series.getId() + "/cases")
              .with(user(surgeon))
              .param("q", payload)
              .param("sort", payload)
              .param("status", payload));
      assertNoServerError(
          post("/account/password")
              .with(user(surgeon))
              .with(csrf())
              .param("currentPassword", payload)
              .param("newPassword", payload)
              .param("confirmPassword", payload));
      assertNoServerError(
          post("/login").with(csrf()).param("username", payload).param("password", payload));
    }
    String sites = send(get("/admin/sites").with(user(admin))).getContentAsString();
    assertThat(sites).contains("&lt;script&gt;").doesNotContain("<script>alert");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hospital_site where city = ?", Long.class, SQL))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hospital_site where city = ?", Long.class, UNICODE))
        .isEqualTo(1);
    String seriesList = send(get("/series").with(user(admin))).getContentAsString();
    assertThat(seriesList).doesNotContain("<img src=x").doesNotContain("<script>alert");
  }

  @Test
  void withdrawalReasonsAndDeletionConfirmationsAreHandledSafely() throws Exception {
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    for (String payload : PAYLOADS) {
      long caseId = fixtures.newCase(series, site);
      assertNoServerError(
          post("/cases/" + caseId + "/withdraw")
              .with(user(coordinator))
              .with(csrf())
              .param("reason", payload));
      assertNoServerError(
          post("/cases/" + caseId + "/delete")
              .with(user(admin))
              .with(csrf())
              .param("confirmation", payload));
      String page = send(get("/cases/" + caseId).with(user(coordinator))).getContentAsString();
      assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }
  }

  @Test
  void redcapDictionariesAndRecordExportsWithHostileCellsNeverFailAndComeBackEscaped()
      throws Exception {
    String heading =
        "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"
            + "\"Choices, Calculations, OR Slider Labels\",Field Note,"
            + "Text Validation Type OR Show Slider Number,Text Validation Min,"
            + "Text Validation Max,Identifier?,Branching Logic (Show field only if...),"
            + "Required Field?,Custom Alignment,Question Number (surveys only),"
            + "Matrix Group Name,Matrix Ranking?,Field Annotation\n";
    int applied = 0;
    for (String payload : PAYLOADS) {
      String cell = "\"" + payload.replace("\"", "\"\"") + "\"";
      String dictionary =
          heading
              + "record_id,main,,text,Record ID,,,,,,,,,,,,,\n"
              + "f_label,main,"
              + cell
              + ",text,"
              + cell
              + ",,"
              + cell
              + ",,,,,,,,,,,"
              + cell
              + "\n"
              + "f_choice,main,,dropdown,Choice,\"1, "
              + payload.replace("\"", "\"\"").replace("|", "/")
              + "\",,,,,,"
              + cell
              + ",,,,,,\n";
      String hostileNames = dictionary + cell + "," + cell + ",," + cell + ",x,,,,,,,,,,,,,\n";
      for (byte[] bytes :
          List.of(
              dictionary.getBytes(StandardCharsets.UTF_8),
              hostileNames.getBytes(StandardCharsets.UTF_8),
              payload.getBytes(StandardCharsets.UTF_8),
              new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '"', ',', '\n'})) {
        MockMultipartFile file = new MockMultipartFile("file", payload, "text/csv", bytes);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse dryRun =
            send(
                multipart("/series/" + series.getId() + "/redcap/dictionary")
                    .file(file)
                    .session(session)
                    .with(user(admin))
                    .with(csrf()));
        assertThat(dryRun.getStatus()).isLessThan(500);
        assertThat(dryRun.getContentAsString()).doesNotContain("<script>alert");
        java.util.regex.Matcher pending =
            java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
                .matcher(dryRun.getContentAsString());
        if (pending.find()) {
          String token = pending.group(1);
          assertNoServerError(
              post("/series/" + series.getId() + "/redcap/dictionary/apply")
                  .param("token", token)
                  .session(session)
                  .with(user(admin))
                  .with(csrf()));
          // The dictionary is CSV for REDCap, an attachment, never HTML: labels as typed.
          MockHttpServletResponse csv =
              send(get("/series/" + series.getId() + "/redcap/dictionary.csv").with(user(admin)));
          assertThat(csv.getStatus()).isEqualTo(200);
          assertThat(csv.getContentType()).startsWith("text/csv");
          assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
          applied++;
        }
        assertNoServerError(
            multipart("/series/" + series.getId() + "/redcap/records")
                .file(file)
                .param("siteFrom", "column")
                .param("siteColumn", payload)
                .with(user(admin))
                .with(csrf()));
        assertNoServerError(
            multipart("/series/" + series.getId() + "/redcap/records")
                .file(file)
                .param("siteCode", payload)
                .with(user(admin))
                .with(csrf()));
      }
    }
    assertThat(applied).as("dictionaries with hostile labels applied").isGreaterThan(2);
    String page =
        send(get("/series/" + series.getId() + "/redcap").with(user(admin))).getContentAsString();
    assertThat(page).doesNotContain("<script>alert");
  }

  @Test
  void nestedFormKeysAreABadRequest() throws Exception {
    long caseId = fixtures.newCase(series, site);
    String[][] keys = {
      {"values[sex][x]", "1"},
      {"missing[birth_year][y]", "UNKNOWN"},
      {"values[sex][0][1]", "1"},
    };
    for (String[] key : keys) {
      MockHttpServletResponse response =
          send(
              post("/cases/" + caseId + "/sections/patient")
                  .with(user(surgeon))
                  .with(csrf())
                  .param("version", "0")
                  .param(key[0], key[1]));
      assertThat(response.getStatus()).as(key[0]).isEqualTo(400);
      MockHttpServletResponse item =
          send(
              post("/cases/" + caseId + "/sections/complications/items/new")
                  .with(user(surgeon))
                  .with(csrf())
                  .param(key[0], key[1]));
      assertThat(item.getStatus()).as(key[0]).isEqualTo(400);
    }
  }

  @Test
  void theErrorPathAskedForDirectlyIsNoServerError() throws Exception {
    for (MockHttpServletRequestBuilder request :
        List.of(
            get("/error"),
            get("/error").with(user(surgeon)),
            post("/error").with(user(surgeon)).with(csrf()),
            get("/error").header("Accept", "application/json"))) {
      MockHttpServletResponse response = send(request);
      assertThat(response.getStatus()).isLessThan(500);
      assertThat(response.getContentAsString()).doesNotContain("Exception");
    }
  }

  @Test
  void aStudyCodeCreatedConcurrentlyGetsAFieldMessage() throws Exception {
    String code = TestAccounts.unique("RACE");
    MockHttpServletResponse response =
        ConcurrentInsert.whileUncommitted(
            jdbc,
            series.getId(),
            site.getId(),
            code,
            () ->
                send(
                    post("/series/" + series.getId() + "/cases/new")
                        .with(user(surgeon))
                        .with(csrf())
                        .param("studyCode", code)
                        .param("siteId", site.getId().toString())));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString())
        .contains("This study code is already used in this series.")
        .contains(code);
  }

  @Test
  void controlCharactersInAWithdrawalReasonAreRefused() throws Exception {
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    for (String reason : new String[] {"escape\u001b[31m", "bell\u0007", "nul\u0000"}) {
      long caseId = fixtures.newCase(series, site);
      MockHttpServletResponse response =
          send(
              post("/cases/" + caseId + "/withdraw")
                  .with(user(coordinator))
                  .with(csrf())
                  .param("reason", reason));
      assertThat(response.getStatus()).isLessThan(500);
      assertThat(
              jdbc.queryForObject(
                  "select status from surgical_case where id = ?", String.class, caseId))
          .isEqualTo("ACTIVE");
    }
  }

  @Test
  void queryTextsSignOffReasonsAndFrozenDatasetNamesAreHandledSafely() throws Exception {
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    long caseId = fixtures.newCase(series, site);
    for (String payload : PAYLOADS) {
      assertNoServerError(
          post("/cases/" + caseId + "/queries")
              .with(user(coordinator))
              .with(csrf())
              .param("section", "patient")
              .param("variable", "sex")
              .param("question", payload)
              .param("proposedValue", payload));
      assertNoServerError(
          post("/cases/" + caseId + "/warnings/confirm")
              .with(user(coordinator))
              .with(csrf())
              .param("code", payload)
              .param("reason", payload));
      assertNoServerError(
          post("/series/" + series.getId() + "/queries/bulk")
              .with(user(coordinator))
              .with(csrf())
              .param("code", payload)
              .param("question", payload));
      assertNoServerError(
          post("/series/" + series.getId() + "/frozen")
              .with(user(coordinator))
              .with(csrf())
              .param("name", payload));
      assertNoServerError(
          post("/cases/" + caseId + "/sign-off/unlock")
              .with(user(admin))
              .with(csrf())
              .param("reason", payload));
    }
    Long queryId =
        jdbc.queryForObject(
            "select min(id) from field_query where case_id = ?", Long.class, caseId);
    assertThat(queryId).as("the acceptable payloads raised queries").isNotNull();
    for (String payload : PAYLOADS) {
      assertNoServerError(
          post("/cases/" + caseId + "/queries/" + queryId + "/answer")
              .with(user(surgeon))
              .with(csrf())
              .param("message", payload)
              .param("value", payload));
      assertNoServerError(
          post("/cases/" + caseId + "/queries/" + queryId + "/reopen")
              .with(user(coordinator))
              .with(csrf())
              .param("message", payload));
    }
    for (String page :
        List.of("/cases/" + caseId, "/cases/" + caseId + "/queries/" + queryId, "/queries")) {
      assertNoServerError(get(page).with(user(surgeon)));
    }
    assertNoServerError(get("/series/" + series.getId() + "/frozen").with(user(coordinator)));
  }

  private void assertNoServerError(RequestBuilder request) throws Exception {
    MockHttpServletResponse response = send(request);
    assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(500);
    assertThat(response.getContentAsString())
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x");
  }

  private MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }
}
