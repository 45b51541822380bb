package org.caseregistry.cases;

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

import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CaseRecordIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  HospitalSite otherSite;
  CaseSeries series;
  SignedInAccount surgeon;
  SignedInAccount coordinator;
  SignedInAccount otherSurgeon;
  SignedInAccount admin;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    otherSite = testAccounts.site();
    series = fixtures.series(site, otherSite);
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    coordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    otherSurgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, otherSite));
    admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
  }

  @Test
  void aSurgeonCreatesACaseAndFillsASection() throws Exception {
    String location =
        mvc.perform(
                post("/series/" + series.getId() + "/cases/new")
                    .with(user(surgeon))
                    .with(csrf())
                    .param("studyCode", "BN-" + TestAccounts.unique(""))
                    .param("siteId", site.getId().toString()))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(
            post(location + "/sections/patient")
                .with(user(surgeon))
                .with(csrf())
                .param("values[sex]", "MALE")
                .param("values[age_years]", "65")
                .param("values[height_cm]", "160")
                .param("values[weight_kg]", "47,4")
                .param("values[asa_class]", "II")
                .param("version", "0"))
        // Back on the case with the saved section in view (issue 14).
        .andExpect(redirectedUrl(location + "#patient"));
    mvc.perform(get(location).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("18.52")));
  }

  @Test
  void impossibleValuesAreRefusedNextToTheFieldAndEverythingTypedIsKept() throws Exception {
    long caseId = fixtures.newCase(series, site);
    mvc.perform(
            post("/cases/" + caseId + "/sections/patient")
                .with(user(surgeon))
                .with(csrf())
                .param("values[age_years]", "130")
                .param("values[height_cm]", "abc")
                .param("values[comorbidities]", "Tăng huyết áp")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"age_years-error\"")))
        .andExpect(content().string(containsString("Must be between 0 and 120.")))
        .andExpect(content().string(containsString("id=\"height_cm-error\"")))
        .andExpect(content().string(containsString("value=\"130\"")))
        .andExpect(content().string(containsString("value=\"abc\"")))
        .andExpect(content().string(containsString("Tăng huyết")));
    assertThat(count("select count(*) from case_patient where case_id = ?", caseId)).isZero();
  }

  @Test
  void datesOutOfOrderAndMorePositiveThanExaminedNodesAreRefused() throws Exception {
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.OPERATION, Map.of("operation_date", "2022-03-10"));
    mvc.perform(
            post("/cases/" + caseId + "/sections/postop")
                .with(user(surgeon))
                .with(csrf())
                .param("values[discharge_date]", "2022-03-01")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"discharge_date-error\"")))
        .andExpect(content().string(containsString("Cannot be before Operation date.")));
    mvc.perform(
            post("/cases/" + caseId + "/sections/nodes/items/new")
                .with(user(surgeon))
                .with(csrf())
                .param("values[node_field]", "THORACIC")
                .param("values[nodes_positive]", "9")
                .param("values[nodes_examined]", "8"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("More positive nodes than examined (8).")));
    assertThat(count("select count(*) from case_node_group where case_id = ?", caseId)).isZero();
  }

  @Test
  void derivedValuesAndWarningsAreStoredWithTheCase() {
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.PATIENT, Map.of("height_cm", "160", "weight_kg", "47.4"));
    fixtures.save(caseId, Section.NEOADJUVANT, Map.of("neoadjuvant_therapy", "NONE"));
    fixtures.save(
        caseId,
        Section.PATHOLOGY,
        Map.of("path_prefix", "P", "pt", "T4A", "pn", "N2", "pm", "M0", "grade", "GX"));
    fixtures.addItem(
        caseId,
        Section.NODES,
        Map.of("node_field", "THORACIC", "nodes_positive", "1", "nodes_examined", "17"));
    fixtures.addItem(
        caseId,
        Section.NODES,
        Map.of("node_field", "ABDOMINAL", "nodes_positive", "6", "nodes_examined", "9"));
    Map<String, Object> row = jdbc.queryForMap("select * from surgical_case where id = ?", caseId);
    assertThat(row.get("bmi").toString()).isEqualTo("18.52");
    assertThat(row.get("pn_from_count")).isEqualTo("N3");
    assertThat(row.get("nodes_positive_total")).isEqualTo(7);
    assertThat(row.get("nodes_examined_total")).isEqualTo(26);
    assertThat(row.get("pathological_stage")).isEqualTo("IVA");
    assertThat(
            jdbc.queryForObject(
                "select 'pn-mismatch' = any(warning_codes) from surgical_case where id = ?",
                Boolean.class,
                caseId))
        .isTrue();
  }

  @Test
  void surgeonsOfAnotherSiteGetNotFoundForEveryCasePage() throws Exception {
    long caseId = fixtures.newCase(series, site);
    for (String path :
        new String[] {
          "/cases/" + caseId,
          "/cases/" + caseId + "/history",
          "/cases/" + caseId + "/sections/patient",
          "/cases/" + caseId + "/sections/nodes/items/new"
        }) {
      mvc.perform(get(path).with(user(otherSurgeon))).andExpect(status().isNotFound());
    }
    mvc.perform(
            post("/cases/" + caseId + "/sections/patient")
                .with(user(otherSurgeon))
                .with(csrf())
                .param("values[sex]", "FEMALE")
                .param("version", "0"))
        .andExpect(status().isNotFound());
    assertThat(count("select count(*) from case_patient where case_id = ?", caseId)).isZero();
    mvc.perform(get("/series/" + series.getId() + "/cases").with(user(otherSurgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("/cases/" + caseId + "\""))));
    mvc.perform(get("/cases/" + caseId).with(user(coordinator))).andExpect(status().isOk());
    mvc.perform(get("/cases/" + caseId).with(user(admin))).andExpect(status().isOk());
  }

  @Test
  void coordinatorsCannotCreateCasesButCanCorrectThem() throws Exception {
    mvc.perform(get("/series/" + series.getId() + "/cases/new").with(user(coordinator)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/series/" + series.getId() + "/cases/new")
                .with(user(coordinator))
                .with(csrf())
                .param("studyCode", "X1")
                .param("siteId", site.getId().toString()))
        .andExpect(status().isForbidden());
    long caseId = fixtures.newCase(series, site);
    mvc.perform(
            post("/cases/" + caseId + "/sections/patient")
                .with(user(coordinator))
                .with(csrf())
                .param("values[sex]", "FEMALE")
                .param("version", "0"))
        .andExpect(status().isFound());
  }

  @Test
  void aStaleSaveIsAConflictAndKeepsTheInput() throws Exception {
    long caseId = fixtures.newCase(series, site);
    mvc.perform(
            post("/cases/" + caseId + "/sections/operation")
                .with(user(surgeon))
                .with(csrf())
                .param("values[conduit_time_min]", "30")
                .param("version", "0"))
        .andExpect(status().isFound());
    mvc.perform(
            post("/cases/" + caseId + "/sections/operation")
                .with(user(coordinator))
                .with(csrf())
                .param("values[conduit_time_min]", "35")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else saved this record")))
        .andExpect(content().string(containsString("value=\"35\"")));
    assertThat(
            jdbc.queryForObject(
                "select conduit_time_min from case_operation where case_id = ?",
                Integer.class,
                caseId))
        .isEqualTo(30);
  }

  @Test
  void everyChangeIsAuditedFieldByField() throws Exception {
    long caseId = fixtures.newCase(series, site);
    mvc.perform(
            post("/cases/" + caseId + "/sections/operation")
                .with(user(surgeon))
                .with(csrf())
                .param("values[conduit_time_min]", "30")
                .param("missing[blood_loss_ml]", "UNKNOWN")
                .param("version", "0"))
        .andExpect(status().isFound());
    mvc.perform(
            post("/cases/" + caseId + "/sections/operation")
                .with(user(coordinator))
                .with(csrf())
                .param("values[conduit_time_min]", "35")
                .param("missing[blood_loss_ml]", "UNKNOWN")
                .param("version", "1"))
        .andExpect(status().isFound());
    assertThat(
            jdbc.queryForList(
                "select username || ':' || field || ':' || coalesce(old_value, '') || '>' ||"
                    + " coalesce(new_value, '') from case_audit where case_id = ? order by id",
                String.class,
                caseId))
        .containsExactly(
            "test-fixtures:study_code:>"
                + jdbc.queryForObject(
                    "select study_code from surgical_case where id = ?", String.class, caseId),
            surgeon.username() + ":conduit_time_min:>30",
            surgeon.username() + ":blood_loss_ml:>[UNKNOWN]",
            coordinator.username() + ":conduit_time_min:30>35");
    mvc.perform(get("/cases/" + caseId + "/history").with(user(surgeon)))
        .andExpect(content().string(containsString("Conduit construction time (min)")))
        .andExpect(content().string(containsString(coordinator.username())));
  }

  @Test
  void withdrawalNeedsAReasonAndMakesTheCaseReadOnly() throws Exception {
    long caseId = fixtures.newCase(series, site);
    mvc.perform(
            post("/cases/" + caseId + "/withdraw")
                .with(user(surgeon))
                .with(csrf())
                .param("reason", "x"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/cases/" + caseId + "/withdraw")
                .with(user(coordinator))
                .with(csrf())
                .param("reason", " "))
        .andExpect(redirectedUrl("/cases/" + caseId));
    assertThat(
            jdbc.queryForObject(
                "select status from surgical_case where id = ?", String.class, caseId))
        .isEqualTo("ACTIVE");
    mvc.perform(
            post("/cases/" + caseId + "/withdraw")
                .with(user(coordinator))
                .with(csrf())
                .param("reason", "Consent withdrawn"))
        .andExpect(redirectedUrl("/cases/" + caseId));
    assertThat(
            jdbc.queryForObject(
                "select status from surgical_case where id = ?", String.class, caseId))
        .isEqualTo("WITHDRAWN");
    mvc.perform(
            post("/cases/" + caseId + "/sections/patient")
                .with(user(surgeon))
                .with(csrf())
                .param("values[sex]", "MALE")
                .param("version", "0"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/cases/" + caseId).with(user(surgeon)))
        .andExpect(content().string(containsString("Consent withdrawn")));
    assertThat(
            count(
                "select count(*) from case_audit where case_id = ? and action = 'WITHDRAW'",
                caseId))
        .isEqualTo(1);
  }

  @Test
  void permanentDeletionIsForAdminsWithConfirmationAndIsAudited() throws Exception {
    long caseId = fixtures.newCase(series, site);
    String code =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, caseId);
    mvc.perform(
            post("/cases/" + caseId + "/delete")
                .with(user(coordinator))
                .with(csrf())
                .param("confirmation", code))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/cases/" + caseId + "/delete")
                .with(user(admin))
                .with(csrf())
                .param("confirmation", "wrong"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("That is not the study code of this case.")));
    mvc.perform(
            post("/cases/" + caseId + "/delete")
                .with(user(admin))
                .with(csrf())
                .param("confirmation", code))
        .andExpect(redirectedUrl("/series/" + series.getId() + "/cases"));
    assertThat(count("select count(*) from surgical_case where id = ?", caseId)).isZero();
    assertThat(
            count(
                "select count(*) from case_audit where case_id = ? and action = 'DELETE'", caseId))
        .isEqualTo(1);
  }

  @Test
  void theStudyCodeAndSiteCanBeCorrectedButStayUniqueAndAudited() throws Exception {
    long first = fixtures.newCase(series, site);
    long second = fixtures.newCase(series, site);
    String taken =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, first);
    mvc.perform(
            post("/cases/" + second + "/header")
                .with(user(coordinator))
                .with(csrf())
                .param("studyCode", taken.toLowerCase())
                .param("siteId", site.getId().toString())
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("This study code is already used in this series.")));
    mvc.perform(
            post("/cases/" + second + "/header")
                .with(user(coordinator))
                .with(csrf())
                .param("studyCode", "BN-fixed")
                .param("siteId", otherSite.getId().toString())
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("Choose one of your sites taking part in this series.")));
    mvc.perform(
            post("/cases/" + second + "/header")
                .with(user(coordinator))
                .with(csrf())
                .param("studyCode", "BN-fixed")
                .param("siteId", site.getId().toString())
                .param("version", "0"))
        .andExpect(redirectedUrl("/cases/" + second));
    assertThat(
            jdbc.queryForObject(
                "select study_code from surgical_case where id = ?", String.class, second))
        .isEqualTo("BN-fixed");
    assertThat(
            count(
                "select count(*) from case_audit where case_id = ? and field = 'study_code' and"
                    + " new_value = 'BN-fixed'",
                second))
        .isEqualTo(1);
  }

  @Test
  void switchingLanguageKeepsTheListFilter() throws Exception {
    mvc.perform(
            get("/series/" + series.getId() + "/cases?q=BN&sort=site&lang=en").with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"?q=BN&amp;sort=site&amp;lang=vi\"")));
  }

  private long count(String sql, long caseId) {
    return jdbc.queryForObject(sql, Long.class, caseId);
  }
}
