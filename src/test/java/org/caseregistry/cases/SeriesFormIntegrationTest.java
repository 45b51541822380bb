package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** A series' own form: templates, the editor, every field type, branching, calculations. */
@IntegrationTest
class SeriesFormIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired FormService formService;
  @Autowired CustomSectionService customSections;
  @Autowired CaseService caseService;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  HospitalSite otherSite;
  SignedInAccount coordinator;
  SignedInAccount otherCoordinator;
  SignedInAccount surgeon;

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    otherSite = testAccounts.site();
    coordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    otherCoordinator = TestAccounts.principal(testAccounts.account(Role.COORDINATOR, otherSite));
    surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
  }

  /** Every type the form model has, with limits, choices, branching and a calculation. */
  static FormDefinition everyType() {
    List<Choice> abc =
        List.of(
            new Choice("a", "Alpha", "Anpha", false),
            new Choice("b", "Beta", null, false),
            new Choice("c", "Gamma", null, false));
    SectionDefinition all =
        new SectionDefinition(
            "all",
            "All types",
            "Mọi kiểu",
            false,
            false,
            List.of(
                FieldDefinition.of("note_intro", FieldType.DESCRIPTIVE, "Read this first", null),
                FieldDefinition.of("count_n", FieldType.INTEGER, "Count", null).toBuilder()
                    .limits("0", "100")
                    .usual("1", "10")
                    .build(),
                FieldDefinition.of("dose", FieldType.DECIMAL, "Dose", null).toBuilder()
                    .unit("mg")
                    .unknownAllowed(true)
                    .build(),
                FieldDefinition.of("seen_on", FieldType.DATE, "Seen on", null).toBuilder()
                    .limits("2000-01-01", null)
                    .build(),
                FieldDefinition.of("seen_at", FieldType.TIME, "Seen at", null),
                FieldDefinition.of("short_text", FieldType.TEXT, "Short", null).toBuilder()
                    .maxLength(5)
                    .build(),
                FieldDefinition.of("long_text", FieldType.LONG_TEXT, "Long", null),
                FieldDefinition.of("pick", FieldType.SINGLE_CHOICE, "Pick", null).toBuilder()
                    .choices(abc)
                    .required(true)
                    .build(),
                FieldDefinition.of("ticks", FieldType.MULTIPLE_CHOICE, "Ticks", null).toBuilder()
                    .choices(abc)
                    .build(),
                FieldDefinition.of("flag", FieldType.YES_NO, "Flag", null),
                FieldDefinition.of("flag_detail", FieldType.TEXT, "Flag detail", null).toBuilder()
                    .showIf("[flag] = '1' and [count_n] >= 2")
                    .build(),
                FieldDefinition.of("tick_detail", FieldType.TEXT, "Gamma detail", null).toBuilder()
                    .showIf("[ticks(c)] = '1'")
                    .build(),
                FieldDefinition.of("double_dose", FieldType.CALCULATED, "Double dose", null)
                    .toBuilder()
                    .calculation("[dose] * 2 + [count_n]")
                    .build()));
    SectionDefinition visits =
        new SectionDefinition(
            "visits",
            "Visits",
            null,
            true,
            false,
            List.of(
                FieldDefinition.of("visit_day", FieldType.INTEGER, "Day", null),
                FieldDefinition.of("visit_ok", FieldType.YES_NO, "Well", null),
                FieldDefinition.of("visit_why", FieldType.TEXT, "Why not", null).toBuilder()
                    .showIf("[visit_ok] = '0'")
                    .build()));
    return new FormDefinition(List.of(Section.PATIENT), List.of(all, visits));
  }

  private long seriesId(String title) {
    return jdbc.queryForObject("select id from case_series where title = ?", Long.class, title);
  }

  @Test
  void aCoordinatorStartsASeriesFromTheIcuTemplate() throws Exception {
    String title = TestAccounts.unique("ECMO in anaphylactic shock ");
    mvc.perform(
            post("/series/new")
                .with(user(coordinator))
                .with(csrf())
                .param("title", title)
                .param("status", "ACTIVE")
                .param("siteIds", site.getId().toString())
                .param("formStart", "ICU_CASE_SERIES"))
        .andExpect(status().isFound());
    long seriesId = seriesId(title);
    FormDefinition form = formService.current(seriesId);
    assertThat(form).isEqualTo(FormTemplate.ICU_CASE_SERIES.definition());
    assertThat(form.modules()).containsExactly(Section.PATIENT);
    assertThat(formService.currentVersion(seriesId)).isEqualTo(1);
    mvc.perform(get("/series/" + seriesId + "/form").with(user(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ecmo_weaned")))
        .andExpect(content().string(containsString("preview-ecmo")));
    mvc.perform(get("/series/" + seriesId + "/form").with(user(surgeon)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/series/" + seriesId + "/form").with(user(otherCoordinator)))
        .andExpect(status().isNotFound());
    // A copy of another series' form, and an unknown start refused next to the field.
    String copy = TestAccounts.unique("Copy ");
    mvc.perform(
            post("/series/new")
                .with(user(coordinator))
                .with(csrf())
                .param("title", copy)
                .param("status", "ACTIVE")
                .param("siteIds", site.getId().toString())
                .param("formStart", "copy:" + seriesId))
        .andExpect(status().isFound());
    assertThat(formService.current(seriesId(copy))).isEqualTo(form);
    mvc.perform(
            post("/series/new")
                .with(user(coordinator))
                .with(csrf())
                .param("title", TestAccounts.unique("Nope "))
                .param("status", "ACTIVE")
                .param("siteIds", site.getId().toString())
                .param("formStart", "copy:999999999"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("seriesForm", "formStart"));
  }

  @Test
  void everyFieldTypeIsReadCheckedStoredAndShown() throws Exception {
    CaseSeries series = fixtures.series(everyType(), site);
    long caseId = fixtures.newCase(series, site);
    // Refused values come back next to their fields with everything typed kept.
    mvc.perform(
            post("/cases/" + caseId + "/forms/all")
                .with(user(surgeon))
                .with(csrf())
                .param("version", "0")
                .param("values[count_n]", "101")
                .param("values[dose]", "1,5")
                .param("values[seen_on]", "1999-12-31")
                .param("values[seen_at]", "25:00")
                .param("values[short_text]", "toolong")
                .param("values[pick]", "z")
                .param("values[ticks]", "a", "x"))
        .andExpect(status().isOk())
        .andExpect(
            model()
                .attributeHasFieldErrors(
                    "sectionForm",
                    "values[count_n]",
                    "values[seen_on]",
                    "values[seen_at]",
                    "values[short_text]",
                    "values[pick]",
                    "values[ticks]"))
        .andExpect(content().string(containsString("value=\"toolong\"")));
    mvc.perform(
            post("/cases/" + caseId + "/forms/all")
                .with(user(surgeon))
                .with(csrf())
                .param("version", "0")
                .param("values[count_n]", "3")
                .param("values[dose]", "1,5")
                .param("values[seen_on]", "31/12/2020")
                .param("values[seen_at]", "7:30")
                .param("values[short_text]", "abc")
                .param("values[long_text]", "line one\nline two")
                .param("values[pick]", "b")
                .param("values[ticks]", "a", "c")
                .param("values[flag]", "0")
                .param("values[flag_detail]", "typed although hidden")
                .param("values[tick_detail]", "gamma because c")
                .param("values[double_dose]", "999"))
        .andExpect(status().isFound());
    SectionValues stored = customSections.values(caseId, "all", CaseFixtures.system());
    assertThat(stored.values())
        .containsEntry("count_n", 3)
        .containsEntry("dose", new BigDecimal("1.5"))
        .containsEntry("seen_on", LocalDate.of(2020, 12, 31))
        .containsEntry("seen_at", LocalTime.of(7, 30))
        .containsEntry("short_text", "abc")
        .containsEntry("long_text", "line one\nline two")
        .containsEntry("pick", "b")
        .containsEntry("ticks", List.of("a", "c"))
        .containsEntry("flag", "0")
        .containsEntry("tick_detail", "gamma because c")
        .containsEntry("double_dose", new BigDecimal("6"));
    // Branching is decided on the server: the hidden field is not applicable, not missing.
    assertThat(stored.values().get("flag_detail")).isNull();
    assertThat(stored.missing()).containsEntry("flag_detail", MissingReason.NOT_APPLICABLE);
    assertThat(stored.version()).isEqualTo(1);
    mvc.perform(get("/cases/" + caseId).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Alpha; Gamma")))
        .andExpect(content().string(containsString("1.5 mg")))
        .andExpect(content().string(containsString("not applicable")));
    mvc.perform(get("/cases/" + caseId).with(user(surgeon)).param("lang", "vi"))
        .andExpect(content().string(containsString("Anpha; Gamma")))
        .andExpect(content().string(containsString("1,5 mg")));
    // Unknown with a reason; the condition now holds and the field is asked.
    mvc.perform(
            post("/cases/" + caseId + "/forms/all")
                .with(user(surgeon))
                .with(csrf())
                .param("version", "1")
                .param("values[count_n]", "2")
                .param("missing[dose]", "UNKNOWN")
                .param("values[pick]", "a")
                .param("values[flag]", "1")
                .param("values[flag_detail]", "now asked"))
        .andExpect(status().isFound());
    stored = customSections.values(caseId, "all", CaseFixtures.system());
    assertThat(stored.values()).containsEntry("flag_detail", "now asked");
    assertThat(stored.missing()).containsEntry("dose", MissingReason.UNKNOWN);
    assertThat(stored.values().get("double_dose")).isNull();
    assertThat(stored.missing()).containsEntry("tick_detail", MissingReason.NOT_APPLICABLE);
    // A stale version is a conflict that keeps the input.
    mvc.perform(
            post("/cases/" + caseId + "/forms/all")
                .with(user(surgeon))
                .with(csrf())
                .param("version", "1")
                .param("values[count_n]", "7"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasErrors("sectionForm"))
        .andExpect(content().string(containsString("value=\"7\"")));
    // Every change is in the history, field by field.
    mvc.perform(get("/cases/" + caseId + "/history").with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Flag detail")))
        .andExpect(content().string(containsString("All types")));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_audit where case_id = ? and section = 'custom:all'"
                    + " and field = 'double_dose'",
                Integer.class,
                caseId))
        .isEqualTo(2);
  }

  @Test
  void repeatingSectionsHoldItemsWithTheirOwnBranching() throws Exception {
    CaseSeries series = fixtures.series(everyType(), site);
    long caseId = fixtures.newCase(series, site);
    mvc.perform(
            post("/cases/" + caseId + "/forms/visits/items/new")
                .with(user(surgeon))
                .with(csrf())
                .param("values[visit_day]", "30")
                .param("values[visit_ok]", "1")
                .param("values[visit_why]", "hidden"))
        .andExpect(status().isFound());
    long second =
        fixtures.addCustomItem(
            caseId, "visits", Map.of("visit_day", "90", "visit_ok", "0", "visit_why", "dysphagia"));
    CaseService.CaseView view = caseService.view(caseId, CaseFixtures.system());
    List<SectionValues> items = view.data().custom().items("visits");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).values().get("visit_why")).isNull();
    assertThat(items.get(1).values()).containsEntry("visit_why", "dysphagia");
    mvc.perform(get("/cases/" + caseId + "/forms/visits/items/" + second).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("dysphagia")));
    mvc.perform(
            post("/cases/" + caseId + "/forms/visits/items/" + second + "/delete")
                .with(user(surgeon))
                .with(csrf())
                .param("version", "1"))
        .andExpect(status().isFound());
    assertThat(caseService.view(caseId, CaseFixtures.system()).data().custom().items("visits"))
        .hasSize(1);
    // A single section's URL does not take items and the other way round.
    mvc.perform(get("/cases/" + caseId + "/forms/nosuch").with(user(surgeon)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aSeriesWithoutAModuleHasNoSuchSection() throws Exception {
    CaseSeries series = fixtures.series(everyType(), site);
    long caseId = fixtures.newCase(series, site);
    mvc.perform(get("/cases/" + caseId + "/sections/tumour").with(user(surgeon)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/cases/" + caseId + "/sections/patient").with(user(surgeon)))
        .andExpect(status().isOk());
    mvc.perform(get("/cases/" + caseId).with(user(surgeon)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"edit-tumour\""))))
        .andExpect(content().string(containsString("id=\"edit-custom-all\"")));
  }

  @Test
  void aCalculationReadingABuiltInVariableFollowsItsSave() throws Exception {
    long caseId = caseWithBmiCalculation();
    fixtures.save(caseId, Section.PATIENT, Map.of("height_cm", "175", "weight_kg", "70"));
    assertThat(customSections.values(caseId, "scores", CaseFixtures.system()).values())
        .containsEntry("bmi_calc", new BigDecimal("22.9"));
  }

  @Test
  void aCalculationFollowsASaveOfSeveralSectionsFromOnePage() throws Exception {
    long caseId = caseWithBmiCalculation();
    SectionForm form = new SectionForm();
    form.getValues().putAll(Map.of("height_cm", "160", "weight_kg", "65"));
    assertThat(
            caseService
                .saveSections(caseId, List.of(Section.PATIENT), form, CaseFixtures.system())
                .saved())
        .isTrue();
    assertThat(customSections.values(caseId, "scores", CaseFixtures.system()).values())
        .containsEntry("bmi_calc", new BigDecimal("25.4"));
  }

  /**
   * A case of a series whose custom section "scores" (entered once) calculates the BMI from the
   * built-in patient section.
   */
  private long caseWithBmiCalculation() {
    SectionDefinition derived =
        new SectionDefinition(
            "scores",
            "Scores",
            null,
            false,
            false,
            List.of(
                FieldDefinition.of("noted", FieldType.YES_NO, "Noted", null),
                FieldDefinition.of("bmi_calc", FieldType.CALCULATED, "BMI", null).toBuilder()
                    .calculation("round([weight_kg] / ([height_cm] / 100) ^ 2, 1)")
                    .build()));
    CaseSeries series =
        fixtures.series(new FormDefinition(List.of(Section.PATIENT), List.of(derived)), site);
    long caseId = fixtures.newCase(series, site);
    fixtures.saveCustom(caseId, "scores", Map.of("noted", "1"));
    return caseId;
  }

  @Test
  void theEditorAddsChecksAndVersionsFieldsAndRefusesWhatWouldOrphanValues() throws Exception {
    CaseSeries series = fixtures.series(everyType(), site);
    long seriesId = series.getId();
    String base = "/series/" + seriesId + "/form";
    // A name that clashes with a built-in variable is refused next to the field.
    mvc.perform(
            post(base + "/sections/all/fields/new")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "1")
                .param("name", "age_years")
                .param("type", "INTEGER")
                .param("labelEn", "Age"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("fieldForm", "name"));
    mvc.perform(
            post(base + "/sections/all/fields/new")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "1")
                .param("name", "score_total")
                .param("type", "CALCULATED")
                .param("labelEn", "Score")
                .param("calculation", "[count_n] + [nosuch]"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("fieldForm", "calculation"));
    mvc.perform(
            post(base + "/sections/all/fields/new")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "1")
                .param("name", "severity")
                .param("type", "SINGLE_CHOICE")
                .param("labelEn", "Severity")
                .param("labelVi", "Mức độ")
                .param("choices", "1, Mild | Nhẹ\n2, Severe | Nặng")
                .param("showIf", "[flag] = '1'"))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("flash", "form.saved"));
    assertThat(formService.currentVersion(seriesId)).isEqualTo(2);
    FieldDefinition severity = formService.current(seriesId).field("severity").orElseThrow();
    assertThat(severity.choices()).extracting(Choice::labelVi).containsExactly("Nhẹ", "Nặng");
    // A stale editor is a conflict, not an overwrite.
    mvc.perform(
            post(base + "/fields/severity/up")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "1"))
        .andExpect(status().isFound())
        .andExpect(flash().attributeExists("formErrors"));
    // Values stored: removing the field or one of its codes is refused with the count.
    long caseId = fixtures.newCase(series, site);
    fixtures.saveCustom(
        caseId, "all", Map.of("pick", "a", "flag", "1", "severity", "2", "count_n", "3"));
    mvc.perform(
            post(base + "/fields/severity/remove")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "2"))
        .andExpect(status().isFound())
        .andExpect(
            flash()
                .attribute(
                    "formErrors",
                    List.of(
                        "Not removed: 1 case(s) hold a value for \"severity\". Retire it instead:"
                            + " it is hidden from new entry and kept in history, exports and"
                            + " reports.")));
    mvc.perform(
            post(base + "/fields/severity")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "2")
                .param("name", "severity")
                .param("type", "SINGLE_CHOICE")
                .param("labelEn", "Severity")
                .param("choices", "1, Mild"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("hold the code(s) 2")));
    mvc.perform(
            post(base + "/fields/count_n")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "2")
                .param("name", "count_n")
                .param("type", "TEXT")
                .param("labelEn", "Count"))
        .andExpect(status().isOk());
    assertThat(formService.currentVersion(seriesId)).isEqualTo(2);
    // Retiring keeps the value, hides the field from entry and keeps it on the case page.
    mvc.perform(
            post(base + "/fields/severity/retire")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "2"))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("flash", "form.saved"));
    mvc.perform(get("/cases/" + caseId + "/forms/all").with(user(surgeon)))
        .andExpect(content().string(not(containsString("name=\"values[severity]\""))));
    mvc.perform(get("/cases/" + caseId).with(user(surgeon)))
        .andExpect(content().string(containsString("Severe")));
    fixtures.saveCustom(caseId, "all", Map.of("pick", "c"));
    assertThat(customSections.values(caseId, "all", CaseFixtures.system()).values())
        .containsEntry("severity", "2");
    // A field without values is removed; the history lists every version.
    mvc.perform(
            post(base + "/fields/seen_at/remove")
                .with(user(coordinator))
                .with(csrf())
                .param("formVersion", "3"))
        .andExpect(flash().attribute("flash", "form.saved"));
    mvc.perform(get(base + "/history").with(user(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Field severity retired")))
        .andExpect(content().string(containsString("Field seen_at removed")))
        .andExpect(content().string(containsString("Field severity added")));
    // Switching off a module that holds values is refused.
    fixtures.save(caseId, Section.PATIENT, Map.of("sex", "MALE"));
    mvc.perform(
            post(base + "/modules").with(user(coordinator)).with(csrf()).param("formVersion", "4"))
        .andExpect(flash().attributeExists("formErrors"));
    assertThat(formService.current(seriesId).modules()).containsExactly(Section.PATIENT);
  }

  @Test
  void theSummaryTableSummarisesAndGroupsByCustomFields() throws Exception {
    CaseSeries series = fixtures.series(everyType(), site);
    String[][] cases = {
      {"4", "a", "a,c", "1.5"}, {"6", "a", "c", ""}, {"10", "b", "", "2"}, {"", "b", "a", "3"}
    };
    for (String[] values : cases) {
      long caseId = fixtures.newCase(series, site);
      fixtures.saveCustom(
          caseId,
          "all",
          Map.of("count_n", values[0], "pick", values[1], "ticks", values[2], "dose", values[3]));
    }
    String page =
        mvc.perform(
                get("/series/" + series.getId() + "/reports/summary")
                    .with(user(coordinator))
                    .param("vars", "count_n", "pick", "ticks___a", "ticks___c", "double_dose")
                    .param("group", "pick"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // Offered in the chooser, in the form's own words.
    assertThat(page).contains("<option value=\"count_n\"", "Ticks: Gamma", ">Pick</option>");
    // Count: 4, 6, 10 and one not entered; median 6 (Q1 5, Q3 8) overall.
    assertThat(page).contains("Count", "6.0 (5.0, 8.0)");
    // Grouped by the custom choice: two cases each.
    assertThat(page).contains("Alpha", "Beta");
    // Check box items: Alpha ticked in 2 of 3 answered, Gamma in 2 of 3.
    assertThat(page).contains("Ticks: Alpha");
    // The same summary in Vietnamese uses the form's Vietnamese labels.
    mvc.perform(
            get("/series/" + series.getId() + "/reports/summary")
                .with(user(coordinator))
                .param("lang", "vi")
                .param("vars", "pick")
                .param("group", "pick"))
        .andExpect(content().string(containsString("Anpha")));
  }

  @Test
  void narrowingLimitsBelowStoredValuesIsRefused() throws Exception {
    CaseSeries series = fixtures.series(everyType(), site);
    long caseId = fixtures.newCase(series, site);
    fixtures.saveCustom(caseId, "all", Map.of("count_n", "50", "pick", "a"));
    FormDefinition form = formService.current(series.getId());
    FieldDefinition narrowed =
        form.field("count_n").orElseThrow().toBuilder().limits("0", "40").build();
    FormService.SaveOutcome refused =
        formService.save(
            series.getId(),
            FormEdits.replaceField(form, "count_n", narrowed),
            1,
            CaseFixtures.system());
    assertThat(refused.saved()).isFalse();
    assertThat(refused.problems())
        .extracting(p -> p.messageKey())
        .containsExactly("form.refused.limits-narrowed");
    FieldDefinition stillFits =
        form.field("count_n").orElseThrow().toBuilder().limits("0", "60").build();
    assertThat(
            formService
                .save(
                    series.getId(),
                    FormEdits.replaceField(form, "count_n", stillFits),
                    1,
                    CaseFixtures.system())
                .saved())
        .isTrue();
  }
}
