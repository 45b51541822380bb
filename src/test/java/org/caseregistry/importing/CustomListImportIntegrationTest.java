package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Repeating custom sections in the import format: a sheet {@code custom_<key>} with one row per
 * item, as the built-in list sheets; the same checks, branching and calculations as the item form,
 * all or nothing, update by position, and an export that imports back unchanged.
 */
@IntegrationTest
class CustomListImportIntegrationTest {

  @Autowired ImportService importService;
  @Autowired ImportFormatFiles formatFiles;
  @Autowired CaseService caseService;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  HospitalSite site;
  CaseSeries series;
  CurrentAccount surgeon;
  CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());

  static final FormDefinition FORM =
      new FormDefinition(
          List.of(Section.PATIENT),
          List.of(
              new SectionDefinition(
                  "runs",
                  "ECMO runs",
                  null,
                  true,
                  false,
                  List.of(
                      FieldDefinition.of("run_mode", FieldType.SINGLE_CHOICE, "Mode", null)
                          .toBuilder()
                          .choices(
                              List.of(
                                  new Choice("1", "VA", null, false),
                                  new Choice("2", "VV", null, false)))
                          .build(),
                      FieldDefinition.of("run_hours", FieldType.INTEGER, "Hours", null).toBuilder()
                          .limits("0", "2000")
                          .unknownAllowed(true)
                          .build(),
                      FieldDefinition.of("run_compl", FieldType.MULTIPLE_CHOICE, "Compl", null)
                          .toBuilder()
                          .choices(
                              List.of(
                                  new Choice("1", "Bleeding", null, false),
                                  new Choice("2", "Limb", null, false)))
                          .build(),
                      FieldDefinition.of("bleed_site", FieldType.TEXT, "Site", null).toBuilder()
                          .showIf("[run_compl(1)] = '1'")
                          .build(),
                      FieldDefinition.of("run_days", FieldType.CALCULATED, "Days", null).toBuilder()
                          .calculation("round([run_hours] / 24, 1)")
                          .build(),
                      FieldDefinition.of("run_start", FieldType.DATE, "Started", null)))));

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(FORM, site);
    surgeon = new CurrentAccount(0, "surgeon", "Surgeon", Role.SURGEON, Set.of(site.getId()));
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private String cases(String... codes) {
    StringBuilder text = new StringBuilder("study_code,site_code\n");
    for (String code : codes) {
      text.append(code).append(',').append(site.getCode()).append('\n');
    }
    return text.toString();
  }

  private List<SectionValues> runs(String studyCode) {
    return caseService.casesOfSeries(series.getId(), CaseFixtures.system()).stream()
        .filter(c -> c.header().studyCode().equals(studyCode))
        .findFirst()
        .orElseThrow()
        .data()
        .custom()
        .items("runs");
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void theDryRunPlacesEveryBadValueOnItsRowAndColumnAndWritesNothing() {
    byte[] file =
        zip(
            Map.of(
                "cases.csv",
                cases("E1", "E2"),
                "custom_runs.csv",
                lines(
                    "study_code,run_mode,run_hours,run_compl,bleed_site,run_start",
                    "E1,9,36,1,groin,2024-01-05",
                    "E1,1,3000,3,,2024-02-30",
                    "E2,2,UNKNOWN,,,not a date",
                    "E9,1,10,,,")));
    ImportReport report = importService.check(series.getId(), "runs.zip", file, false, surgeon);
    assertThat(report.problems())
        .extracting(
            ImportProblem::sheet,
            ImportProblem::row,
            ImportProblem::column,
            ImportProblem::value,
            ImportProblem::messageKey)
        .containsExactlyInAnyOrder(
            tuple("custom_runs.csv", 2, "run_mode", "9", "value.unknown-code"),
            tuple("custom_runs.csv", 3, "run_hours", "3000", "form.value.out-of-limits"),
            tuple("custom_runs.csv", 3, "run_compl", "3", "value.unknown-code"),
            tuple("custom_runs.csv", 3, "run_start", "2024-02-30", "value.not-date"),
            tuple("custom_runs.csv", 4, "run_start", "not a date", "value.not-date"),
            tuple("custom_runs.csv", 5, "study_code", "E9", "import.list.unknown-case"));
    assertThat(report.rowCounts()).containsEntry("cases", 2).containsEntry("custom_runs", 4);
    ImportReport refused = importService.commit(series.getId(), "runs.zip", file, false, surgeon);
    assertThat(refused.written()).isFalse();
    assertThat(count("select count(*) from surgical_case where series_id = ?", series.getId()))
        .isZero();
  }

  @Test
  void aCommitWritesItemsInRowOrderWithBranchingCalculationsAndAudit() {
    byte[] file =
        zip(
            Map.of(
                "cases.csv",
                cases("E1", "E2"),
                "custom_runs.csv",
                lines(
                    "study_code,run_mode,run_hours,run_compl,bleed_site,run_start",
                    "E1,1,36,1|2,groin,2024-01-05",
                    "E2,2,UNKNOWN,,,",
                    "E1,2,12,2,typed but not asked,06/01/2024")));
    ImportReport report = importService.commit(series.getId(), "runs.zip", file, false, surgeon);
    assertThat(report.problems()).isEmpty();
    assertThat(report.written()).isTrue();
    assertThat(report.newCases()).isEqualTo(2);
    List<SectionValues> first = runs("E1");
    assertThat(first).hasSize(2);
    assertThat(first.get(0).values())
        .containsEntry("run_mode", "1")
        .containsEntry("run_hours", 36)
        .containsEntry("run_compl", List.of("1", "2"))
        .containsEntry("bleed_site", "groin")
        .containsEntry("run_days", new BigDecimal("1.5"))
        .containsEntry("run_start", LocalDate.of(2024, 1, 5));
    assertThat(first.get(1).values().get("bleed_site")).isNull();
    assertThat(first.get(1).missing()).containsEntry("bleed_site", MissingReason.NOT_APPLICABLE);
    assertThat(first.get(1).values()).containsEntry("run_start", LocalDate.of(2024, 1, 6));
    assertThat(runs("E2"))
        .singleElement()
        .satisfies(
            item -> assertThat(item.missing()).containsEntry("run_hours", MissingReason.UNKNOWN));
    assertThat(
            jdbc.queryForList(
                "select a.field from case_audit a join case_custom_item i on i.id = a.item_id"
                    + " where a.study_code = 'E1' and a.action = 'IMPORT' and i.position = 1"
                    + " and a.series_id = ? order by a.field",
                String.class,
                series.getId()))
        .containsExactly(
            "bleed_site", "run_compl", "run_days", "run_hours", "run_mode", "run_start");
  }

  @Test
  void updateModeMatchesItemsByPositionAndAKeptSheetKeepsTheList() {
    byte[] initial =
        zip(
            Map.of(
                "cases.csv",
                cases("E1", "E2"),
                "custom_runs.csv",
                lines(
                    "study_code,run_mode,run_hours", "E1,1,10", "E1,2,20", "E2,1,30", "E2,1,40")));
    assertThat(importService.commit(series.getId(), "a.zip", initial, false, admin).written())
        .isTrue();
    long secondOfE1 = runs("E1").get(1).itemId();
    long secondOfE2 = runs("E2").get(1).itemId();
    byte[] update =
        zip(
            Map.of(
                "cases.csv",
                cases("E1", "E2"),
                "custom_runs.csv",
                lines("study_code,run_hours", "E1,10", "E1,25", "E1,5", "E2,30")));
    ImportReport checked = importService.check(series.getId(), "b.zip", update, true, admin);
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.updates())
        .extracting(ImportReport.UpdatedCase::studyCode, ImportReport.UpdatedCase::fields)
        .containsExactlyInAnyOrder(
            tuple(
                "E1",
                List.of(
                    "run_hours (runs 2)",
                    "run_days (runs 2)",
                    "run_hours (runs 3)",
                    "bleed_site (runs 3)",
                    "run_days (runs 3)")),
            tuple(
                "E2",
                List.of(
                    "run_mode (runs 2)",
                    "run_hours (runs 2)",
                    "bleed_site (runs 2)",
                    "run_days (runs 2)")));
    // bleed_site is asked only after a bleeding: stored as not applicable, which is a change.
    assertThat(importService.commit(series.getId(), "b.zip", update, true, admin).written())
        .isTrue();
    List<SectionValues> e1 = runs("E1");
    assertThat(e1).extracting(item -> item.values().get("run_hours")).containsExactly(10, 25, 5);
    assertThat(e1)
        .extracting(item -> item.values().get("run_mode"))
        .containsExactly("1", "2", null);
    assertThat(e1.get(1).itemId()).isEqualTo(secondOfE1);
    assertThat(e1).extracting(SectionValues::version).containsExactly(1, 2, 1);
    assertThat(runs("E2")).extracting(item -> item.values().get("run_hours")).containsExactly(30);
    assertThat(
            jdbc.queryForList(
                "select action || ':' || field from case_audit where series_id = ? and"
                    + " study_code = 'E2' and item_id = ? order by action, field",
                String.class,
                series.getId(),
                secondOfE2))
        .containsExactly(
            "DELETE_ITEM:bleed_site",
            "DELETE_ITEM:run_days",
            "DELETE_ITEM:run_hours",
            "DELETE_ITEM:run_mode",
            "IMPORT:bleed_site",
            "IMPORT:run_days",
            "IMPORT:run_hours",
            "IMPORT:run_mode");
    assertThat(
            count(
                "select count(*) from case_audit where series_id = ? and study_code = 'E1' and"
                    + " action = 'ADD_ITEM'",
                series.getId()))
        .isEqualTo(3); // run_hours, bleed_site (not applicable) and run_days of the third run

    // Without the sheet, the lists stay as they are.
    ImportReport kept =
        importService.commit(
            series.getId(),
            "cases.csv",
            cases("E1", "E2").getBytes(StandardCharsets.UTF_8),
            true,
            admin);
    assertThat(kept.problems()).isEmpty();
    assertThat(kept.unchangedCases()).isEqualTo(2);
    assertThat(runs("E1")).hasSize(3);
  }

  @Test
  void theExportInImportFormatHoldsTheItemsAndReimportsWithoutAChange() {
    long caseId = fixtures.newCase(series, site);
    fixtures.addCustomItem(
        caseId,
        "runs",
        Map.of(
            "run_mode", "2",
            "run_hours", "72",
            "run_compl", "1,2",
            "bleed_site", "'=cannula site",
            "run_start", "2024-02-01"));
    fixtures.addCustomItem(caseId, "runs", Map.of("run_hours", "5"));
    for (ImportFormatFiles.Format format : ImportFormatFiles.Format.values()) {
      byte[] exported = formatFiles.export(series.getId(), format, admin);
      ImportReport again =
          importService.check(
              series.getId(),
              format == ImportFormatFiles.Format.XLSX ? "cases.xlsx" : "cases.zip",
              exported,
              true,
              admin);
      assertThat(again.problems()).as(format.name()).isEmpty();
      assertThat(again.rowCounts()).as(format.name()).containsEntry("custom_runs", 2);
      assertThat(again.updatedCases()).as(format.name()).isZero();
      assertThat(again.unchangedCases()).as(format.name()).isEqualTo(1);
    }
  }

  @Test
  void theTemplateHasTheSheetWithTheEnteredFields() throws Exception {
    byte[] template = formatFiles.template(series.getId(), ImportFormatFiles.Format.ZIP, surgeon);
    List<RawSheet> sheets = CaseFileReader.read("template.zip", template);
    assertThat(sheets)
        .filteredOn(sheet -> sheet.name().equals("custom_runs.csv"))
        .singleElement()
        .satisfies(
            sheet ->
                assertThat(sheet.header())
                    .containsExactly(
                        "study_code",
                        "run_mode",
                        "run_hours",
                        "run_compl",
                        "bleed_site",
                        "run_start"));
  }
}
