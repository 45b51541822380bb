package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Export a series in the import format, import the file into an empty series with the same sites:
 * the cases are identical, section by section, item by item, derived values included.
 */
@IntegrationTest
class ImportRoundTripIntegrationTest {

  @Autowired ImportService importService;
  @Autowired ImportFormatFiles formatFiles;
  @Autowired CaseService caseService;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  HospitalSite first;
  HospitalSite second;
  CaseSeries source;
  String withdrawn;
  final CurrentAccount admin =
      new CurrentAccount(0, "round-trip", "Round trip", Role.ADMIN, Set.of());

  @BeforeEach
  void aSeriesWithVariedCases() throws Exception {
    first = testAccounts.site();
    second = testAccounts.site();
    source = fixtures.series(first, second);
    // The seed's six patients, moved to this test's sites.
    ImportFiles.Book seed = SeedFileConverter.convert();
    for (List<String> row : seed.sheets.get("cases").subList(1, seed.sheets.get("cases").size())) {
      row.set(1, row.get(1).equals("BVE") ? first.getCode() : second.getCode());
    }
    assertThat(
            importService
                .commit(source.getId(), "seed.xlsx", ImportFiles.xlsx(seed), false, admin)
                .written())
        .isTrue();
    // One case entered through the forms with everything the format must carry.
    long rich = fixtures.newCase(source, second);
    save(
        rich,
        Section.PATIENT,
        Map.of(
            "sex",
            "FEMALE",
            "age_years",
            "70",
            "height_cm",
            "155.5",
            "weight_kg",
            "48,25",
            "asa_class",
            "III",
            "comorbidities",
            "Tăng huyết áp; \"đái tháo đường\", gout",
            "hospital_record_number",
            "HS-0042",
            "patient_name",
            "Nguyễn Thị Ánh"),
        Map.of("birth_year", "UNKNOWN"));
    save(
        rich,
        Section.TUMOUR,
        Map.of(
            "tumour_location",
            "MIDDLE_THIRD",
            "histology",
            "SQUAMOUS_CELL_CARCINOMA",
            "ct",
            "T3",
            "cn",
            "N1",
            "cm",
            "M0"),
        Map.of());
    save(
        rich,
        Section.NEOADJUVANT,
        Map.of(
            "neoadjuvant_therapy",
            "CHEMORADIOTHERAPY",
            "neoadjuvant_start_date",
            "2021-12-01",
            "neoadjuvant_end_date",
            "2022-01-15",
            "neoadjuvant_regimen",
            "CROSS"),
        Map.of());
    save(
        rich,
        Section.OPERATION,
        Map.of(
            "operation_date",
            "2022-03-10",
            "surgeon_name",
            "BS. Trần Văn B",
            "thoracic_approach",
            "THORACOSCOPIC",
            "abdominal_approach",
            "OPEN",
            "conduit",
            "GASTRIC_TUBE",
            "conduit_time_min",
            "35",
            "intraop_complication",
            "NO"),
        Map.of("blood_loss_ml", "UNKNOWN", "intraop_complication_details", "NOT_APPLICABLE"));
    save(
        rich,
        Section.POSTOP,
        Map.of("discharge_date", "2022-03-24", "any_complication", "YES", "oral_intake_pod", "8"),
        Map.of("chest_drain_removal_pod", "NOT_APPLICABLE"));
    item(
        rich,
        Section.COMPLICATIONS,
        Map.of(
            "complication_type",
            "ANASTOMOTIC_LEAK",
            "clavien_dindo",
            "IIIA",
            "eccg_severity",
            "TYPE_II",
            "onset_pod",
            "6",
            "present_at_discharge",
            "NO",
            "complication_description",
            "Rò miệng nối, dẫn lưu"),
        Map.of());
    item(
        rich,
        Section.COMPLICATIONS,
        Map.of("complication_type", "PNEUMONIA", "clavien_dindo", "II"),
        Map.of("eccg_severity", "NOT_APPLICABLE", "onset_pod", "UNKNOWN"));
    save(
        rich,
        Section.PATHOLOGY,
        Map.of(
            "path_prefix",
            "YP",
            "pt",
            "T2",
            "pn",
            "N1",
            "pm",
            "M0",
            "grade",
            "G2",
            "resection_margin",
            "R0"),
        Map.of());
    item(
        rich,
        Section.NODES,
        Map.of(
            "node_field",
            "THORACIC",
            "node_station",
            "106recR",
            "nodes_positive",
            "1",
            "nodes_examined",
            "4"),
        Map.of());
    item(
        rich,
        Section.NODES,
        Map.of("node_field", "ABDOMINAL", "nodes_positive", "0", "nodes_examined", "12"),
        Map.of("node_station", "NOT_APPLICABLE"));
    save(
        rich,
        Section.ADJUVANT,
        Map.of("adjuvant_therapy", "NONE"),
        Map.of("adjuvant_start_date", "NOT_APPLICABLE"));
    item(
        rich,
        Section.FOLLOWUP,
        Map.of(
            "visit_month",
            "1",
            "visit_date",
            "2022-04-12",
            "followup_status",
            "DYSPHAGIA",
            "followup_notes",
            "Nong thực quản lần 1"),
        Map.of());
    item(rich, Section.FOLLOWUP, Map.of("visit_month", "6", "followup_status", "WELL"), Map.of());
    // A withdrawn case is not exported: it is excluded from everything until restored.
    long out = fixtures.newCase(source, first);
    caseService.withdraw(out, "consent withdrawn", admin);
    withdrawn =
        jdbc.queryForObject("select study_code from surgical_case where id = ?", String.class, out);
  }

  @Test
  void anExportedWorkbookImportsIntoAnEmptySeriesAsIdenticalCases() {
    roundTrip(ImportFormatFiles.Format.XLSX, "export.xlsx");
  }

  @Test
  void exportedCsvFilesImportIntoAnEmptySeriesAsIdenticalCases() {
    roundTrip(ImportFormatFiles.Format.ZIP, "export.zip");
  }

  @Test
  void coordinatorsExportWithoutIdentifiersAndAnUpdateKeepsThem() {
    var coordinator = testAccounts.account(Role.COORDINATOR, first, second);
    CurrentAccount account =
        new CurrentAccount(
            coordinator.getId(),
            coordinator.getUsername(),
            "C",
            Role.COORDINATOR,
            Set.of(first.getId(), second.getId()));
    byte[] file = formatFiles.export(source.getId(), ImportFormatFiles.Format.ZIP, account);
    String cases =
        new String(unzip(file).get("cases.csv"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(cases).doesNotContain("patient_name", "hospital_record_number", "Nguyễn Thị Ánh");
    Map<String, Map<String, Object>> before = CaseSnapshots.of(jdbc, source.getId());

    ImportReport report = importService.commit(source.getId(), "export.zip", file, true, account);
    assertThat(report.problems()).isEmpty();
    assertThat(report.unchangedCases()).isEqualTo(7);
    assertThat(report.updatedCases()).isZero();
    assertThat(CaseSnapshots.of(jdbc, source.getId())).isEqualTo(before);
  }

  @Test
  void theTemplateHasEverySheetTheColumnsDropDownsAndTheSitesOfTheUser() throws Exception {
    var surgeon = testAccounts.account(Role.SURGEON, first);
    CurrentAccount account =
        new CurrentAccount(
            surgeon.getId(), surgeon.getUsername(), "S", Role.SURGEON, Set.of(first.getId()));
    byte[] template = formatFiles.template(source.getId(), ImportFormatFiles.Format.XLSX, account);
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(template))) {
      List<String> names = new java.util.ArrayList<>();
      workbook.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsExactly("cases", "complications", "nodes", "followup", "codebook");
      List<String> header = new java.util.ArrayList<>();
      workbook.getSheet("cases").getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertThat(header).isEqualTo(CaseFileFormat.columns(CaseFileFormat.Sheet.CASES, true));
      assertThat(workbook.getSheet("cases").getDataValidations())
          .hasSizeGreaterThan(20)
          .anySatisfy(
              validation ->
                  assertThat(validation.getValidationConstraint().getFormula1())
                      .startsWith("codebook!$K$"));
      List<String> siteCodes = new java.util.ArrayList<>();
      workbook
          .getSheet("codebook")
          .forEach(
              row -> {
                if ("site_code"
                    .equals(row.getCell(1) == null ? null : row.getCell(1).getStringCellValue())) {
                  siteCodes.add(row.getCell(Codebook.CODE_COLUMN).getStringCellValue());
                }
              });
      assertThat(siteCodes).containsExactly(first.getCode());
    }
    ImportReport empty =
        importService.check(source.getId(), "template.xlsx", template, false, account);
    assertThat(empty.problems()).isEmpty();
    assertThat(empty.committable()).isFalse();
    byte[] zip = formatFiles.template(source.getId(), ImportFormatFiles.Format.ZIP, account);
    assertThat(unzip(zip).keySet())
        .containsExactly(
            "cases.csv", "complications.csv", "nodes.csv", "followup.csv", "codebook.csv");
  }

  private void roundTrip(ImportFormatFiles.Format format, String name) {
    byte[] file = formatFiles.export(source.getId(), format, admin);
    CaseSeries target = fixtures.series(first, second);
    ImportReport report = importService.commit(target.getId(), name, file, false, admin);
    assertThat(report.problems()).isEmpty();
    assertThat(report.notes())
        .extracting(ImportNote::messageKey)
        .containsExactly("import.note.codebook-ignored");
    assertThat(report.newCases()).isEqualTo(7);
    Map<String, Map<String, Object>> original = CaseSnapshots.of(jdbc, source.getId());
    assertThat(original).containsKey(withdrawn);
    original.remove(withdrawn);
    assertThat(CaseSnapshots.of(jdbc, target.getId())).isEqualTo(original);
  }

  private void save(
      long caseId, Section section, Map<String, String> values, Map<String, String> missing) {
    SectionForm form = new SectionForm();
    form.setValues(new LinkedHashMap<>(values));
    form.setMissing(new LinkedHashMap<>(missing));
    assertThat(caseService.saveSection(caseId, section, form, admin).problems()).isEmpty();
  }

  private void item(
      long caseId, Section section, Map<String, String> values, Map<String, String> missing) {
    SectionForm form = new SectionForm();
    form.setValues(new LinkedHashMap<>(values));
    form.setMissing(new LinkedHashMap<>(missing));
    assertThat(caseService.saveItem(caseId, section, null, form, admin).problems()).isEmpty();
  }

  static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return entries;
  }
}
