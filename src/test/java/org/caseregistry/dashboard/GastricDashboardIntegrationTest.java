package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard of a gastric series counts its sections and its complications. */
@IntegrationTest
class GastricDashboardIntegrationTest {

  private static final CurrentAccount ADMIN =
      new CurrentAccount(0, "dashboard-test", "Dashboard test", Role.ADMIN, Set.of());

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired DashboardService dashboards;

  @Test
  void completenessIsPerGastricModuleAndTheFistulaAndLeakAreCounted() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.gastricSeries(site);
    LocalDate operation = LocalDate.of(2024, 5, 6);
    long fistula = fixtures.newCase(series, site);
    fixtures.save(
        fistula,
        Section.GASTRIC_OPERATION,
        Map.of("gastric_operation_date", operation.toString(), "gastrectomy_extent", "TOTAL"));
    fixtures.save(fistula, Section.GASTRIC_POSTOP, Map.of("gastric_any_complication", "YES"));
    fixtures.addItem(
        fistula,
        Section.GASTRIC_COMPLICATIONS,
        Map.of(
            "gastric_complication_type", "PANCREATIC_FISTULA",
            "popf_grade", "GRADE_B",
            "gastric_clavien_dindo", "II"));
    long leak = fixtures.newCase(series, site);
    fixtures.save(leak, Section.GASTRIC_POSTOP, Map.of("gastric_any_complication", "YES"));
    fixtures.addItem(
        leak,
        Section.GASTRIC_COMPLICATIONS,
        Map.of("gastric_complication_type", "ANASTOMOTIC_LEAK", "gastric_clavien_dindo", "IIIB"));
    long none = fixtures.newCase(series, site);
    fixtures.save(none, Section.GASTRIC_POSTOP, Map.of("gastric_any_complication", "NO"));

    DashboardData data =
        dashboards
            .dashboard(series.getId(), null, SurvivalSplit.NONE, EnumSet.allOf(Part.class), ADMIN)
            .data();
    assertThat(List.copyOf(data.sectionsFilled().keySet()))
        .containsExactly(
            Section.PATIENT,
            Section.GASTRIC_TUMOUR,
            Section.GASTRIC_OPERATION,
            Section.GASTRIC_POSTOP,
            Section.GASTRIC_COMPLICATIONS,
            Section.GASTRIC_PATHOLOGY,
            Section.GASTRIC_NODES,
            Section.ADJUVANT,
            Section.FOLLOWUP);
    assertThat(data.sectionsFilled().get(Section.GASTRIC_POSTOP)).isEqualTo(3);
    DashboardData.Complications complications = data.complications();
    assertThat(complications.byItem())
        .containsEntry("PANCREATIC_FISTULA", new Counts(1, 1))
        .containsEntry("ANASTOMOTIC_LEAK", new Counts(1, 1));
    assertThat(complications.byCategory()).containsEntry("GASTROINTESTINAL", new Counts(2, 2));
    assertThat(complications.byGrade())
        .containsEntry("II", new Counts(1, 1))
        .containsEntry("IIIB", new Counts(1, 1));
    assertThat(complications.leakPatients()).isEqualTo(1);
    assertThat(complications.postopAnswered()).isEqualTo(3);

    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String page =
        mvc.perform(
                get("/series/" + series.getId() + "/dashboard")
                    .param("lang", "en")
                    .with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Postoperative pancreatic fistula")
        .contains("Lymph nodes per JGCA station")
        .contains("1 of 3 patients")
        .doesNotContain("Tumour and clinical staging");
  }
}
