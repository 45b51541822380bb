package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.caseregistry.testing.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An ICU ECMO series (the template, plus a repeating transfusions section and an identifier field)
 * with three patients: its custom fields as per-patient rows chosen by the coordinator, and their
 * completeness and warnings on the data-quality page, counted in SQL.
 */
@IntegrationTest
class CustomFieldReportsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired FormService forms;
  @Autowired ReportService reports;
  @Autowired DataQuality dataQuality;
  @Autowired StatementCounter statements;
  @Autowired JdbcTemplate jdbc;

  List<Long> caseIds = new ArrayList<>();

  HospitalSite siteA;
  HospitalSite siteB;
  CaseSeries series;
  SignedInAccount coordinator;
  String base;

  @BeforeEach
  void icuSeriesWithThreePatients() {
    siteA = testAccounts.site();
    siteB = testAccounts.site();
    series = fixtures.series(form(false), siteA, siteB);
    coordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, siteA, siteB));
    base = "/series/" + series.getId() + "/reports";

    long first = fixtures.newCase(series, siteA);
    caseIds.add(first);
    fixtures.saveCustom(
        first,
        "presentation",
        values(
            "allergen",
            "1",
            "cardiac_arrest",
            "1",
            "cpr_duration_min",
            "20",
            "vis_pre_ecmo",
            "150",
            "lactate_pre_ecmo",
            "8.5",
            "lvef_pre_ecmo",
            "30"));
    fixtures.saveCustom(
        first,
        "ecmo",
        values(
            "ecmo_mode",
            "1",
            "ecmo_start",
            "2026-01-02",
            "ecmo_end",
            "2026-01-06",
            "ecmo_compl",
            "1,2",
            "ecmo_bleeding_site",
            "Cannula",
            "ecmo_weaned",
            "1",
            "ecmo_registry_no",
            "4711"));
    fixtures.saveCustom(first, "outcome", values("survival_discharge", "1", "icu_days", "12"));
    fixtures.addCustomItem(first, "transfusions", Map.of("units", "2"));
    fixtures.addCustomItem(first, "transfusions", Map.of("units", "1"));

    long second = fixtures.newCase(series, siteA);
    caseIds.add(second);
    // No cardiac arrest: the CPR duration is hidden, stored as not applicable.
    fixtures.saveCustom(
        second,
        "presentation",
        values(
            "allergen",
            "2",
            "cardiac_arrest",
            "0",
            "lactate_pre_ecmo",
            "25",
            "lvef_pre_ecmo",
            "55"),
        Map.of("vis_pre_ecmo", "UNKNOWN"));
    fixtures.saveCustom(
        second,
        "ecmo",
        values(
            "ecmo_mode",
            "1",
            "ecmo_start",
            "2026-02-01",
            "ecmo_end",
            "2026-02-03",
            "ecmo_compl",
            "1",
            "ecmo_weaned",
            "0"));
    fixtures.saveCustom(second, "outcome", values("survival_discharge", "0", "icu_days", "70"));

    long third = fixtures.newCase(series, siteB);
    caseIds.add(third);
    fixtures.saveCustom(third, "presentation", values("allergen", "1", "cardiac_arrest", "0"));
    // Outcome saved without the required survival: a warning; ECMO never opened: none.
    fixtures.saveCustom(third, "outcome", values("icu_days", "5"));

    // The LVEF is retired after its values were entered.
    FormService.SaveOutcome retired =
        forms.save(series.getId(), form(true), 1, CaseFixtures.system());
    assertThat(retired.problems()).isEmpty();
  }

  @Test
  void theChosenCustomRowsShowInTheTablesOnThePageAndInTheExport() throws Exception {
    mvc.perform(
            post(base + "/settings")
                .with(user(coordinator))
                .with(csrf())
                .param(
                    "rows",
                    "sex",
                    "custom:allergen",
                    "custom:cardiac_arrest",
                    "custom:cpr_duration_min",
                    "custom:vis_pre_ecmo",
                    "custom:lactate_pre_ecmo",
                    "custom:lvef_pre_ecmo",
                    "custom:ecmo_start",
                    "custom:ecmo_days",
                    "custom:ecmo_compl",
                    "custom:survival_discharge",
                    "custom-items:transfusions",
                    // Neither is offered: an identifier, and free text.
                    "custom:ecmo_registry_no",
                    "custom:allergen_other"))
        .andExpect(status().is3xxRedirection());

    List<ReportTable> tables = tables(Locale.ENGLISH);
    assertThat(tables)
        .extracting(ReportTable::title)
        .containsExactly(
            "Table 1: Preoperative characteristics of the patients",
            "Anaphylaxis and circulatory failure",
            "ECMO",
            "Outcome",
            "Transfusions");
    Map<String, List<String>> rows = rows(tables);
    assertThat(rows.get("Suspected allergen"))
        .containsExactly("Drug", "Food", "Drug", "2/3", "n/N: Drug");
    assertThat(rows.get("Cardiac arrest before ECMO"))
        .containsExactly("Yes", "No", "No", "2/3", "n/N: No");
    assertThat(rows.get("Duration of CPR (min)"))
        .containsExactly("20", "n/a", "n/a", "20.0", "mean of 1 of 3 patients");
    assertThat(rows.get("Vasoactive-inotropic score before ECMO"))
        .containsExactly("150", "unknown", "–", "150.0", "mean of 1 of 3 patients");
    assertThat(rows.get("Lactate before ECMO (mmol/L)"))
        .containsExactly("8.5", "25", "–", "16.8", "mean of 2 of 3 patients");
    // Retired after entry, chosen: still shown.
    assertThat(rows.get("Left ventricular ejection fraction (%)"))
        .containsExactly("30", "55", "–", "42.5", "mean of 2 of 3 patients");
    assertThat(rows.get("ECMO start"))
        .containsExactly(
            "2026-01-02", "2026-02-01", "–", "2026-01-02 – 2026-02-01", "earliest – latest");
    assertThat(rows.get("Days on ECMO (days)"))
        .containsExactly("4", "2", "–", "3.0", "mean of 2 of 3 patients");
    assertThat(rows.get("ECMO complications"))
        .containsExactly("Bleeding; Limb ischaemia", "Bleeding", "–", "2/2", "n/N: Bleeding");
    // A tie: the category of the first patient in the table (by study code).
    assertThat(rows.get("Survived to discharge").subList(0, 4))
        .containsExactly("Yes", "No", "–", "1/2");
    assertThat(rows.get("Survived to discharge").get(4)).isIn("n/N: Yes", "n/N: No");
    assertThat(rows.get("Transfusions: number of items"))
        .containsExactly("2", "0", "0", "0.7", "mean");
    assertThat(rows).doesNotContainKeys("ELSO registry number", "Other allergen");

    // The reader's language: the form's Vietnamese labels.
    Map<String, List<String>> vietnamese = rows(tables(Locale.forLanguageTag("vi")));
    assertThat(vietnamese.get("Dị nguyên nghi ngờ")).startsWith("Thuốc", "Thức ăn", "Thuốc");

    // The page and the CSV carry the same rows; the page within the statement budget.
    statements.reset();
    String page =
        mvc.perform(get(base + "/patients").param("lang", "en").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(statements.count()).as("per-patient statements").isLessThanOrEqualTo(11);
    assertThat(page).contains("Anaphylaxis and circulatory failure").contains("Bleeding; Limb");
    byte[] csv =
        mvc.perform(get(base + "/patients.csv").param("lang", "en").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<String> csvLabels =
        ReportTestSupport.csv(csv).stream().map(record -> record.get(0)).toList();
    assertThat(csvLabels)
        .contains("Suspected allergen", "Days on ECMO (days)", "Transfusions: number of items")
        .doesNotContain("ELSO registry number");
    assertThat(new String(csv, StandardCharsets.UTF_8)).doesNotContain("4711");

    // The settings page offers the custom rows, ticked as chosen, the retired one marked.
    String settings =
        mvc.perform(get(base + "/settings").param("lang", "en").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(settings)
        .contains("id=\"row-custom:ecmo_days\"")
        .contains("id=\"row-custom-items:transfusions\"")
        .contains("(retired field)")
        .doesNotContain("row-custom:ecmo_registry_no")
        .doesNotContain("row-custom:allergen_other");
  }

  @Test
  void theDataQualityPageCountsTheCustomFieldsAndTheirWarnings() throws Exception {
    ReportFilter filter = new ReportFilter(series.getId(), null, null, null, null);
    DataQuality.Report report = dataQuality.report(filter);
    Map<String, long[]> totals = new LinkedHashMap<>();
    report.customFields().forEach(row -> totals.put(row.name(), row.total()));
    // [not entered, unknown, not applicable, required and left empty, outside the usual range]
    assertThat(totals.get("allergen")).containsExactly(0, 0, 0, 0, 0);
    assertThat(totals.get("allergen_other")).containsExactly(0, 0, 3, 0, 0);
    assertThat(totals.get("cardiac_arrest")).containsExactly(0, 0, 0, 0, 0);
    // Hidden by its condition (no arrest, or none recorded): never missing.
    assertThat(totals.get("cpr_duration_min")).containsExactly(0, 0, 2, 0, 0);
    assertThat(totals.get("vis_pre_ecmo")).containsExactly(1, 1, 0, 0, 0);
    assertThat(totals.get("lactate_pre_ecmo")).containsExactly(1, 0, 0, 0, 1);
    // Required, but the third case never opened the ECMO section: missing, no warning.
    assertThat(totals.get("ecmo_mode")).containsExactly(1, 0, 0, 0, 0);
    assertThat(totals.get("ecmo_days")).containsExactly(1, 0, 0, 0, 0);
    assertThat(totals.get("ecmo_bleeding_site")).containsExactly(2, 0, 0, 0, 0);
    assertThat(totals.get("survival_discharge")).containsExactly(1, 0, 0, 1, 0);
    assertThat(totals.get("death_cause")).containsExactly(1, 0, 2, 0, 0);
    assertThat(totals.get("icu_days")).containsExactly(0, 0, 0, 0, 1);
    // Retired: not counted.
    assertThat(totals).doesNotContainKey("lvef_pre_ecmo").doesNotContainKey("units");
    // Per site: the first site's two cases, the second site's one.
    DataQuality.CustomFieldRow lactate =
        report.customFields().stream()
            .filter(row -> row.name().equals("lactate_pre_ecmo"))
            .findFirst()
            .orElseThrow();
    assertThat(lactate.bySite()).hasSize(2);
    List<Long> siteIds = report.sites().stream().map(DataQuality.SiteColumn::siteId).toList();
    assertThat(lactate.bySite().get(siteIds.indexOf(siteA.getId()))).containsExactly(0, 0, 0, 0, 1);
    assertThat(lactate.bySite().get(siteIds.indexOf(siteB.getId()))).containsExactly(1, 0, 0, 0, 0);

    statements.reset();
    String page =
        mvc.perform(get(base + "/quality").param("lang", "en").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(statements.count()).as("data-quality statements").isLessThanOrEqualTo(10);
    assertThat(page)
        .contains("id=\"custom-missing\"")
        .contains("ECMO: ECMO mode")
        .contains("Required, left empty")
        .doesNotContain("data-field=\"lvef_pre_ecmo\"");
    String vietnamese =
        mvc.perform(get(base + "/quality").param("lang", "vi").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(vietnamese).contains("Kết cục: Sống đến khi ra viện");
  }

  @Test
  void theSummaryOfCustomFieldsTakesTheStatementsOfABuiltInOne() throws Exception {
    String summary = base + "/summary?group=site&vars=";
    long builtIn = statementsOf(summary + "bmi&vars=cci");
    long custom =
        statementsOf(
            summary
                + "allergen&vars=cardiac_arrest&vars=lactate_pre_ecmo&vars=ecmo_days"
                + "&vars=ecmo_compl___1");
    long mixed = statementsOf(summary + "bmi&vars=allergen&vars=ecmo_compl___2");
    // From the kept counts: one statement for the counts of built-in and custom variables alike.
    assertThat(custom).as("custom summary statements").isEqualTo(builtIn).isLessThanOrEqualTo(8);
    assertThat(mixed).as("mixed summary statements").isEqualTo(builtIn);
  }

  private long statementsOf(String path) throws Exception {
    statements.reset();
    mvc.perform(get(path).with(user(coordinator))).andExpect(status().isOk());
    return statements.count();
  }

  private List<ReportTable> tables(Locale locale) {
    ReportFilter filter = new ReportFilter(series.getId(), null, null, null, null);
    ReportService.PatientTablesResult result = reports.patientTables(filter, locale);
    assertThat(result.patients()).isEqualTo(3);
    return result.tables();
  }

  /**
   * Each row's cells as text after its label, by label: the patients in the order they were entered
   * (the tables order them by study code), then the overall cell and its statistic.
   */
  private Map<String, List<String>> rows(List<ReportTable> tables) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (ReportTable table : tables) {
      List<String> header = table.header().get(0).stream().map(ReportTable.Cell::text).toList();
      for (ReportTable.Row row : table.rows()) {
        List<String> cells = new ArrayList<>();
        for (long caseId : caseIds) {
          cells.add(row.cells().get(header.indexOf(studyCode(caseId))).text());
        }
        int width = row.cells().size();
        cells.add(row.cells().get(width - 2).text());
        cells.add(row.cells().get(width - 1).text());
        rows.put(row.cells().get(0).text(), cells);
      }
    }
    return rows;
  }

  private String studyCode(long caseId) {
    return jdbc.queryForObject(
        "select study_code from surgical_case where id = ?", String.class, caseId);
  }

  private static Map<String, String> values(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values;
  }

  /** The ICU template with a repeating transfusions section and an identifier field. */
  private static FormDefinition form(boolean lvefRetired) {
    FormDefinition icu = FormTemplate.ICU_CASE_SERIES.definition();
    List<SectionDefinition> sections = new ArrayList<>();
    for (SectionDefinition section : icu.sections()) {
      List<FieldDefinition> fields = new ArrayList<>();
      for (FieldDefinition field : section.fields()) {
        fields.add(field.name().equals("lvef_pre_ecmo") ? field.withRetired(lvefRetired) : field);
      }
      if (section.key().equals("ecmo")) {
        fields.add(
            FieldDefinition.of(
                    "ecmo_registry_no",
                    FieldType.INTEGER,
                    "ELSO registry number",
                    "Số đăng ký ELSO")
                .toBuilder()
                .identifier(true)
                .build());
      }
      sections.add(section.withFields(fields));
    }
    sections.add(
        new SectionDefinition(
            "transfusions",
            "Transfusions",
            "Truyền máu",
            true,
            false,
            List.of(FieldDefinition.of("units", FieldType.INTEGER, "Units", "Đơn vị"))));
    return icu.withSections(sections);
  }
}
