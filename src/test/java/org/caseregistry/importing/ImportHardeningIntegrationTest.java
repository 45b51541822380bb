package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Import hardening: problems.csv is neutralised like every CSV, texts that start with an apostrophe
 * survive export and import unchanged, and a refusal never tells which study codes another site
 * uses.
 */
@IntegrationTest
class ImportHardeningIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ImportService importService;
  @Autowired ImportFormatFiles formatFiles;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired MessageSource messages;

  HospitalSite site;
  HospitalSite otherSite;
  CaseSeries series;
  SignedInAccount surgeon;
  final CurrentAccount admin =
      new CurrentAccount(0, "hardening", "Hardening", Role.ADMIN, Set.of());

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    otherSite = testAccounts.site();
    series = fixtures.series(site, otherSite);
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
  }

  @Test
  void problemsCsvNeutralisesFormulasFromTheUpload() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String csv =
        "\uFEFFstudy_code;site_code;sex;comorbidities\r\n"
            + "V1;"
            + site.getCode()
            + ";=HYPERLINK(\"http://evil.example\",\"x\");\r\n"
            + "V2;"
            + site.getCode()
            + ";@SUM(A1:A9);\r\n";
    mvc.perform(
            multipart("/series/" + series.getId() + "/import")
                .file(
                    new MockMultipartFile(
                        "file", "cases.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .session(session)
                .with(user(surgeon))
                .with(csrf()))
        .andExpect(status().isOk());
    String problems =
        mvc.perform(
                get("/series/" + series.getId() + "/import/problems.csv")
                    .session(session)
                    .with(user(surgeon)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(problems).contains("'=HYPERLINK(").contains("'@SUM(A1:A9)");
    for (String line : problems.lines().toList()) {
      for (String field : line.split(",")) {
        String cell = field.startsWith("\"") ? field.substring(1) : field;
        assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("@");
      }
    }
  }

  @Test
  void textsThatStartWithAnApostropheOrAFormulaSurviveTheRoundTrip() {
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.PATIENT, Map.of("comorbidities", "'=1+1"));
    fixtures.save(caseId, Section.OPERATION, Map.of("surgeon_name", "''BS. Lê"));
    fixtures.save(caseId, Section.NEOADJUVANT, Map.of("neoadjuvant_regimen", "=SUM(A1) '"));
    for (ImportFormatFiles.Format format : ImportFormatFiles.Format.values()) {
      byte[] exported = formatFiles.export(series.getId(), format, admin);
      ImportReport again =
          importService.check(series.getId(), "again." + format, exported, true, admin);
      assertThat(again.problems()).as(format.name()).isEmpty();
      assertThat(again.updates()).as(format.name()).isEmpty();
      assertThat(again.unchangedCases()).as(format.name()).isEqualTo(1);
    }
    assertThat(
            jdbc.queryForObject(
                "select comorbidities from case_patient where case_id = ?", String.class, caseId))
        .isEqualTo("'=1+1");
  }

  @Test
  void aStudyCodeOfAnotherSiteIsOnlySaidToBeUnavailable() {
    long other = fixtures.newCase(series, otherSite);
    String code =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, other);
    CurrentAccount surgeonHere =
        new CurrentAccount(
            surgeon.id(), surgeon.username(), "S", Role.SURGEON, Set.of(site.getId()));
    byte[] file =
        ("study_code,site_code,sex\n" + code + "," + site.getCode() + ",MALE\n")
            .getBytes(StandardCharsets.UTF_8);
    for (boolean update : List.of(false, true)) {
      ImportReport report =
          importService.check(series.getId(), "cases.csv", file, update, surgeonHere);
      assertThat(report.problems())
          .extracting(ImportProblem::column, ImportProblem::messageKey)
          .containsExactly(tuple("study_code", "import.case.code-unavailable"));
    }
    String text = messages.getMessage("import.case.code-unavailable", null, Locale.ENGLISH);
    assertThat(text).doesNotContain("site").doesNotContain("exists");
  }
}
