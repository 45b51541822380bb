package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
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
import org.caseregistry.dashboard.DashboardData.CustomFilled;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.caseregistry.testing.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard of a series with its own form: completeness counts the custom fields (a field
 * hidden by its condition is not applicable, never missing; retired and calculated fields are not
 * counted; a repeating section counts its cases with an item), and the panels of modules the form
 * does not have are left out.
 */
@IntegrationTest
class CustomFormDashboardIntegrationTest {

  private static final CurrentAccount ADMIN =
      new CurrentAccount(0, "dashboard-test", "Dashboard test", Role.ADMIN, Set.of());

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired DashboardService dashboards;
  @Autowired StatementCounter statements;
  @Autowired JdbcTemplate jdbc;

  /** The ICU template with the ejection fraction retired and a repeating section of doses. */
  static FormDefinition icuForm() {
    FormDefinition template = FormTemplate.ICU_CASE_SERIES.definition();
    List<SectionDefinition> sections = new ArrayList<>();
    for (SectionDefinition section : template.sections()) {
      sections.add(
          section.withFields(
              section.fields().stream()
                  .map(f -> f.withRetired(f.name().equals("lvef_pre_ecmo")))
                  .toList()));
    }
    sections.add(
        new SectionDefinition(
            "adrenaline_doses",
            "Adrenaline doses",
            "Liều adrenalin",
            true,
            false,
            List.of(FieldDefinition.of("dose_mg", FieldType.DECIMAL, "Dose", "Liều"))));
    return template.withSections(sections);
  }

  private long icuCase(CaseSeries series, HospitalSite site, boolean first) {
    long caseId = fixtures.newCase(series, site);
    if (first) {
      // allergen 1: "other allergen" is hidden; no cardiac arrest: the CPR duration is hidden
      fixtures.saveCustom(
          caseId,
          "presentation",
          Map.of("allergen", "1", "cardiac_arrest", "0", "lactate_pre_ecmo", "4.5"));
      // The score before ECMO is unknown; a value of the field retired later stays stored.
      jdbc.update(
          "update case_custom_section set missing_reasons = missing_reasons"
              + " || '{\"vis_pre_ecmo\": \"UNKNOWN\"}'::jsonb,"
              + " field_values = field_values || '{\"lvef_pre_ecmo\": 40}'::jsonb"
              + " where case_id = ? and section_key = 'presentation'",
          caseId);
      fixtures.saveCustom(
          caseId, "ecmo", Map.of("ecmo_mode", "1", "ecmo_start", "2024-01-01", "ecmo_weaned", "1"));
      fixtures.saveCustom(caseId, "outcome", Map.of("survival_discharge", "1", "icu_days", "10"));
      fixtures.addCustomItem(caseId, "adrenaline_doses", Map.of("dose_mg", "0.5"));
      fixtures.addCustomItem(caseId, "adrenaline_doses", Map.of("dose_mg", "1"));
    } else {
      fixtures.saveCustom(
          caseId,
          "presentation",
          Map.of(
              "allergen", "99",
              "allergen_other", "Latex",
              "cardiac_arrest", "1",
              "cpr_duration_min", "20"));
      fixtures.addCustomItem(caseId, "adrenaline_doses", Map.of("dose_mg", "0.3"));
    }
    return caseId;
  }

  @Test
  void completenessCountsTheCustomFieldsOfTheForm() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(icuForm(), site);
    icuCase(series, site, true);
    icuCase(series, site, false);
    fixtures.newCase(series, site); // nothing entered

    DashboardData data =
        dashboards
            .dashboard(series.getId(), null, SurvivalSplit.NONE, EnumSet.allOf(Part.class), ADMIN)
            .data();
    assertThat(data.cases()).isEqualTo(3);
    assertThat(data.sectionsFilled()).containsOnlyKeys(Section.PATIENT);
    assertThat(data.customFilled())
        .extracting(c -> c.labelEn() + " " + c.filled())
        .containsExactly(
            "Suspected allergen 2",
            "Other allergen 2",
            "Cardiac arrest before ECMO 2",
            "Duration of CPR 2",
            "Vasoactive-inotropic score before ECMO 1",
            "Lactate before ECMO 1",
            "ECMO mode 1",
            "ECMO start 1",
            "ECMO end 0",
            "ECMO complications 0",
            "Bleeding site 1",
            "Weaned from ECMO 1",
            "Survived to discharge 1",
            "Cause of death 1",
            "Days in ICU 1",
            "Adrenaline doses 2");
    assertThat(data.customFilled()).filteredOn(CustomFilled::items).hasSize(1);
    assertThat(data.complications()).isNull();
    assertThat(data.cci()).isNull();
    assertThat(data.lengthOfStay()).isNull();
    assertThat(data.followUp()).isNull();
    assertThat(data.survival()).isNull();
    assertThat(data.enrolment()).extracting(e -> e.byRecordDate()).containsExactly(3);

    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String page = page(series, admin, "en");
    assertThat(page)
        .contains("id=\"panel-enrolment\"", "id=\"panel-completeness\"")
        .doesNotContain(
            "panel-clavien-dindo",
            "panel-anastomotic-leak",
            "panel-cci",
            "panel-follow-up",
            "panel-overall-survival",
            "figure-leak",
            "id=\"split\"")
        .contains("Custom fields answered")
        .contains("Adrenaline doses (at least one item)")
        .contains("every case counts in the month its record was created (3 cases)")
        .doesNotContain("Days on ECMO");
    assertThat(page(series, admin, "vi"))
        .contains("Dị nguyên nghi ngờ", "Liều adrenalin (ít nhất một mục)", "Đã trả lời")
        .doesNotContain("Suspected allergen");
    String base = "/series/" + series.getId() + "/dashboard/charts/";
    mvc.perform(get(base + "completeness.svg").with(user(admin))).andExpect(status().isOk());
    for (String chart : List.of("cci", "clavien-dindo", "follow-up", "overall-survival")) {
      mvc.perform(get(base + chart + ".svg").with(user(admin))).andExpect(status().isNotFound());
    }
  }

  @Test
  void theCustomFieldsCostOneStatementWhateverTheNumberOfCases() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(icuForm(), site);
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    icuCase(series, site, true);
    long few = statementsFor(series, admin);
    for (int i = 0; i < 6; i++) {
      icuCase(series, site, i % 2 == 0);
    }
    assertThat(statementsFor(series, admin)).isEqualTo(few);
    assertThat(few).isLessThanOrEqualTo(13);
  }

  @Test
  void aSeriesFromTheBlankTemplateShowsItsEnrolmentAndNoEmptyPanels() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(FormTemplate.BLANK.definition(), site);
    fixtures.newCase(series, site);
    fixtures.newCase(series, site);
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String page = page(series, admin, "en");
    assertThat(page)
        .contains("id=\"panel-enrolment\"")
        .doesNotContain("panel-completeness", "panel-clavien-dindo", "panel-overall-survival")
        .contains("(2 cases)");
    mvc.perform(
            get("/series/" + series.getId() + "/dashboard/charts/enrolment.png").with(user(admin)))
        .andExpect(status().isOk());
  }

  private String page(CaseSeries series, SignedInAccount account, String lang) throws Exception {
    return mvc.perform(
            get("/series/" + series.getId() + "/dashboard").param("lang", lang).with(user(account)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long statementsFor(CaseSeries series, SignedInAccount account) throws Exception {
    statements.reset();
    mvc.perform(get("/series/" + series.getId() + "/dashboard").with(user(account)))
        .andExpect(status().isOk());
    return statements.count();
  }
}
