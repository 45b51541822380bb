package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Exports read back with Commons CSV and POI: the same numbers as on screen, formulas neutralised,
 * the dataset de-identified unless an admin asks, and every export audited.
 */
@IntegrationTest
class ReportExportIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ReportService reports;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  private long demoSeries() {
    return jdbc.queryForObject(
        "select id from case_series where title = ?",
        Long.class,
        ReportGoldenIntegrationTest.DEMO_TITLE);
  }

  private byte[] download(String url, SignedInAccount account) throws Exception {
    return mvc.perform(get(url).with(user(account)))
        .andExpect(status().isOk())
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static List<List<String>> texts(ReportTable table) {
    List<List<String>> rows = new ArrayList<>();
    table.header().forEach(h -> rows.add(h.stream().map(ReportTable.Cell::text).toList()));
    table.rows().forEach(r -> rows.add(r.cells().stream().map(ReportTable.Cell::text).toList()));
    return rows;
  }

  @Test
  void theSummaryCsvAndXlsxHoldTheNumbersOfTheScreen() throws Exception {
    long series = demoSeries();
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String query =
        "?vars=age_at_surgery&vars=sex&vars=bmi&vars=abdominal_approach&vars=histology&group=site";
    ReportTable screen =
        reports.summary(
            new ReportFilter(series, null, null, null, null),
            ReportService.chosenVariables(
                List.of("age_at_surgery", "sex", "bmi", "abdominal_approach", "histology")),
            "site",
            Locale.ENGLISH);
    String html =
        mvc.perform(get("/series/" + series + "/reports/summary" + query).with(user(admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("57.5 (6.3)").contains("N = 4").contains("N = 2").contains("N = 6");

    List<CSVRecord> csv =
        ReportTestSupport.csv(
            download("/series/" + series + "/reports/summary.csv" + query, admin));
    List<List<String>> expected = texts(screen);
    assertThat(csv.get(0).get(0)).isEqualTo("Summary table");
    for (int i = 0; i < expected.size(); i++) {
      assertThat(csv.get(i + 1).toList()).as("CSV row %d", i + 1).isEqualTo(expected.get(i));
    }
    List<String> ageMean =
        csv.stream()
            .map(CSVRecord::toList)
            .filter(r -> r.get(0).equals("Mean (SD)"))
            .findFirst()
            .orElseThrow();
    assertThat(ageMean).containsExactly("Mean (SD)", "58.3 (3.3)", "56.0 (12.7)", "57.5 (6.3)");
    assertThat(csv.stream().map(CSVRecord::toList))
        .contains(List.of("Laparoscopic", "2 (50.0)", "0 (0.0)", "2 (33.3)"));
    assertThat(csv.stream().map(CSVRecord::toList)).contains(List.of("Unknown, n", "4", "2", "6"));

    try (XSSFWorkbook workbook =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                download("/series/" + series + "/reports/summary.xlsx" + query, admin)))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Summary table");
      int r = 1;
      for (ReportTable.Row modelRow : concat(screen)) {
        Row row = sheet.getRow(r++);
        for (int c = 0; c < modelRow.cells().size(); c++) {
          ReportTable.Cell cell = modelRow.cells().get(c);
          Cell xlsx = row.getCell(c);
          if (cell.numeric()) {
            assertThat(xlsx.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(xlsx.getNumericCellValue()).isEqualTo(cell.number().doubleValue());
          } else {
            assertThat(xlsx.getStringCellValue()).isEqualTo(cell.text());
          }
        }
      }
      Row nWithValue = findRow(sheet, "n with a value");
      assertThat(nWithValue.getCell(3).getNumericCellValue()).isEqualTo(6.0);
    }
  }

  private static List<ReportTable.Row> concat(ReportTable table) {
    List<ReportTable.Row> rows = new ArrayList<>();
    table.header().forEach(h -> rows.add(new ReportTable.Row(ReportTable.Kind.PLAIN, h)));
    rows.addAll(table.rows());
    return rows;
  }

  private static Row findRow(Sheet sheet, String label) {
    for (Row row : sheet) {
      Cell first = row.getCell(0);
      if (first != null
          && first.getCellType() == CellType.STRING
          && first.getStringCellValue().equals(label)) {
        return row;
      }
    }
    throw new AssertionError("No row " + label);
  }

  @Test
  void thePerPatientTablesExportAsOneSheetPerTableWithNumbersInNumericCells() throws Exception {
    long series = demoSeries();
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                download("/series/" + series + "/reports/patients.xlsx", admin)))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      Sheet table1 = workbook.getSheetAt(0);
      assertThat(table1.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Table 1: Preoperative characteristics of the patients");
      assertThat(table1.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Overall");
      Row age = findRow(table1, "Age (years)");
      assertThat(age.getCell(1).getNumericCellValue()).isEqualTo(62.0);
      assertThat(age.getCell(7).getNumericCellValue()).isEqualTo(57.5);
      assertThat(age.getCell(8).getStringCellValue()).isEqualTo("mean");
      Row bmi = findRow(table1, "BMI (kg/m²)");
      assertThat(bmi.getCell(1).getNumericCellValue()).isEqualTo(18.32);
      assertThat(bmi.getCell(7).getNumericCellValue())
          .isCloseTo(20.215, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(bmi.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0");
      Row oral = findRow(workbook.getSheetAt(2), "Oral intake resumed (day)");
      assertThat(oral.getCell(7).getNumericCellValue())
          .isCloseTo(7.1667, org.assertj.core.data.Offset.offset(1e-3));
    }
    List<CSVRecord> csv =
        ReportTestSupport.csv(
            download("/series/" + series + "/reports/patients.csv?lang=vi", admin));
    assertThat(csv.stream().map(CSVRecord::toList))
        .anyMatch(
            r ->
                r.get(0).equals("Tuổi (năm)")
                    && r.get(7).equals("57,5")
                    && r.get(8).equals("trung bình"))
        .anyMatch(r -> r.get(0).equals("Bảng 3: Kết quả phẫu thuật"));
  }

  @Test
  void theDatasetIsDeidentifiedForACoordinatorWithFormulasNeutralised() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    String studyCode =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, caseId);
    fixtures.save(
        caseId,
        Section.PATIENT,
        Map.of(
            "sex",
            "FEMALE",
            "age_years",
            "58",
            "comorbidities",
            "=HYPERLINK(\"http://example.org\",\"x\")",
            "patient_name",
            "Nguyễn Văn A",
            "hospital_record_number",
            "HR-123"));
    fixtures.save(
        caseId,
        Section.OPERATION,
        Map.of("operation_date", "2022-03-10", "conduit_time_min", "40"));
    fixtures.save(
        caseId,
        Section.NEOADJUVANT,
        Map.of(
            "neoadjuvant_therapy",
            "CHEMOTHERAPY",
            "neoadjuvant_start_date",
            "2022-01-01",
            "neoadjuvant_end_date",
            "2022-02-01"));
    fixtures.save(
        caseId, Section.POSTOP, Map.of("discharge_date", "2022-03-20", "any_complication", "YES"));
    fixtures.addItem(
        caseId,
        Section.COMPLICATIONS,
        Map.of(
            "complication_type",
            "PNEUMONIA",
            "clavien_dindo",
            "II",
            "complication_description",
            "@cmd"));
    fixtures.addItem(
        caseId,
        Section.FOLLOWUP,
        Map.of("visit_month", "1", "visit_date", "2022-04-12", "followup_status", "WELL"));
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String url = "/series/" + series.getId() + "/reports/dataset.zip";

    Map<String, byte[]> zip = ReportTestSupport.unzip(download(url + "?xlsx=true", coordinator));
    assertThat(zip)
        .containsKeys(
            "cases.csv",
            "complications.csv",
            "nodes.csv",
            "followup.csv",
            "missing_reasons.csv",
            "codebook.csv",
            "cases.xlsx");
    List<Map<String, String>> cases = ReportTestSupport.table(zip.get("cases.csv"));
    assertThat(cases).hasSize(1);
    Map<String, String> row = cases.get(0);
    assertThat(row)
        .doesNotContainKeys(
            "patient_name",
            "hospital_record_number",
            "operation_date",
            "neoadjuvant_start_date",
            "discharge_date");
    assertThat(row)
        .containsEntry("study_code", studyCode)
        .containsEntry("operation_year", "2022")
        .containsEntry("neoadjuvant_start_day", "-68")
        .containsEntry("neoadjuvant_end_day", "-37")
        .containsEntry("discharge_day", "10")
        .containsEntry("length_of_stay_days", "10")
        .containsEntry("age_years", "58")
        .containsEntry("sex", "FEMALE")
        .containsEntry("conduit_time_min", "40")
        .containsEntry("comorbidities", "'=HYPERLINK(\"http://example.org\",\"x\")")
        .containsEntry("cci", "20.9");
    assertThat(new String(zip.get("cases.csv"), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Nguyễn", "HR-123");
    List<Map<String, String>> complications = ReportTestSupport.table(zip.get("complications.csv"));
    assertThat(complications)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c)
                  .containsEntry("complication_type", "PNEUMONIA")
                  .containsEntry("clavien_dindo", "II")
                  .containsEntry("complication_description", "'@cmd")
                  .containsEntry("item", "1");
            });
    assertThat(ReportTestSupport.table(zip.get("followup.csv")))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("visit_day", "33")
                    .containsEntry("followup_status", "WELL")
                    .doesNotContainKey("visit_date"));
    List<Map<String, String>> codebook = ReportTestSupport.table(zip.get("codebook.csv"));
    assertThat(codebook)
        .anySatisfy(
            c ->
                assertThat(c)
                    .containsEntry("file", "cases.csv")
                    .containsEntry("variable", "sex")
                    .containsEntry("type", "CODE")
                    .containsEntry("codes", "MALE=Male | FEMALE=Female | UNKNOWN=Unknown"));
    assertThat(codebook)
        .anySatisfy(
            c ->
                assertThat(c)
                    .containsEntry("variable", "discharge_day")
                    .containsEntry("unit", "days from operation"));
    assertThat(codebook).noneSatisfy(c -> assertThat(c.get("variable")).isEqualTo("patient_name"));
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(zip.get("cases.xlsx")))) {
      Sheet sheet = workbook.getSheet("cases");
      Row header = sheet.getRow(0);
      int column = -1;
      for (Cell cell : header) {
        if (cell.getStringCellValue().equals("conduit_time_min")) {
          column = cell.getColumnIndex();
        }
      }
      assertThat(sheet.getRow(1).getCell(column).getNumericCellValue()).isEqualTo(40.0);
    }

    // An admin may ask for identifiers and real dates; a coordinator may not.
    mvc.perform(get(url + "?identified=true").with(user(coordinator)))
        .andExpect(status().isForbidden());
    Map<String, String> identified =
        ReportTestSupport.table(
                ReportTestSupport.unzip(download(url + "?identified=true", admin)).get("cases.csv"))
            .get(0);
    assertThat(identified)
        .containsEntry("patient_name", "Nguyễn Văn A")
        .containsEntry("hospital_record_number", "HR-123")
        .containsEntry("operation_date", "2022-03-10")
        .containsEntry("neoadjuvant_start_date", "2022-01-01")
        .doesNotContainKey("neoadjuvant_start_day");

    // Every export is audited, and listed on the reports page.
    List<Map<String, Object>> audit =
        jdbc.queryForList(
            "select username, role, kind, format, case_count, identified from export_audit where"
                + " series_id = ? order by id",
            series.getId());
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0))
        .containsEntry("username", coordinator.getUsername())
        .containsEntry("role", "COORDINATOR")
        .containsEntry("kind", "DATASET")
        .containsEntry("format", "ZIP+XLSX")
        .containsEntry("case_count", 1)
        .containsEntry("identified", false);
    assertThat(audit.get(1)).containsEntry("role", "ADMIN").containsEntry("identified", true);
    String index =
        mvc.perform(get("/series/" + series.getId() + "/reports").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(index)
        .contains("id=\"recent-exports\"")
        .contains(coordinator.getUsername())
        .contains("ZIP+XLSX")
        // The filters in words, not as recorded (issue 14).
        .contains(">Sites: " + site.getCode() + "<");
  }
}
