package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed paper's Tables 1–3 reproduced from the demo series loaded at start-up: every per-patient
 * cell the registry holds, against the transcription of the paper, and the overall column
 * recomputed from the rows (including oral intake, 7.2 where the paper printed 6.8).
 */
@IntegrationTest
class ReportGoldenIntegrationTest {

  static final String DEMO_TITLE =
      "[Demo] Whole-stomach reconstruction after thoracoscopic esophagectomy, 2021–2022";

  @Autowired ReportService reports;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;

  long seriesId;

  @BeforeEach
  void demoSeries() {
    seriesId =
        jdbc.queryForObject("select id from case_series where title = ?", Long.class, DEMO_TITLE);
  }

  private ReportFilter everything() {
    return new ReportFilter(seriesId, null, null, null, null);
  }

  /** Row label → its cells (patients, overall, statistic) in one language. */
  private Map<String, List<String>> rows(Locale locale) {
    ReportService.PatientTablesResult result = reports.patientTables(everything(), locale);
    assertThat(result.tooMany()).isFalse();
    assertThat(result.patients()).isEqualTo(6);
    Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    for (ReportTable table : result.tables()) {
      assertThat(table.header().get(0).stream().map(ReportTable.Cell::text).toList().subList(1, 7))
          .containsExactly("BN1", "BN2", "BN3", "BN4", "BN5", "BN6");
      for (ReportTable.Row row : table.rows()) {
        rows.put(
            row.cells().get(0).text(),
            row.cells().stream().skip(1).map(ReportTable.Cell::text).toList());
      }
    }
    return rows;
  }

  private static List<CSVRecord> paperRows() throws Exception {
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource("demo/seed-case-series.csv").getInputStream(),
            StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  private static List<String> column(
      List<CSVRecord> paper, String column, Map<String, String> words) {
    List<String> cells = new ArrayList<>();
    for (CSVRecord record : paper) {
      cells.add(words.getOrDefault(record.get(column), record.get(column)));
    }
    return cells;
  }

  private static List<String> nodes(List<CSVRecord> paper, String field) {
    List<String> cells = new ArrayList<>();
    for (CSVRecord record : paper) {
      cells.add(
          record.get(field + "_nodes_positive") + "/" + record.get(field + "_nodes_examined"));
    }
    return cells;
  }

  @Test
  void everyPerPatientCellOfTables1To3ThatTheRegistryHolds() throws Exception {
    List<CSVRecord> paper = paperRows();
    Map<String, List<String>> rows = rows(Locale.ENGLISH);
    Map<String, String> words =
        Map.ofEntries(
            Map.entry("M", "Male"),
            Map.entry("lower third", "Lower third"),
            Map.entry("2", "ASA II"),
            Map.entry("none", "None"),
            Map.entry("chemoradiotherapy", "Chemoradiotherapy"),
            Map.entry("thoracoscopic", "Thoracoscopic"),
            Map.entry("laparoscopic", "Laparoscopic"),
            Map.entry("open", "Open"),
            Map.entry("cervical", "Cervical"),
            Map.entry("thoraco-abdominal (2-field)", "Thoraco-abdominal (2-field)"),
            Map.entry("normal", "Normal"),
            Map.entry("previous gastrostomy", "Previous gastrostomy"),
            Map.entry("no", "No"),
            Map.entry("good", "Well"),
            Map.entry("reflux", "Reflux"),
            Map.entry("delayed gastric emptying", "Delayed conduit emptying"));
    Map<String, String> neoadjuvant =
        Map.of("none", "None", "chemoradiotherapy", "Chemoradiotherapy");
    Map<String, String> intraop = Map.of("none", "No");
    Map<String, String> adjuvant = Map.of("yes", "Chemotherapy", "no", "None");

    // Table 1
    assertThat(rows.get("Age (years)").subList(0, 6)).isEqualTo(column(paper, "age_years", words));
    assertThat(rows.get("Sex").subList(0, 6)).isEqualTo(column(paper, "sex", words));
    assertThat(rows.get("BMI (kg/m²)").subList(0, 6)).isEqualTo(column(paper, "bmi", words));
    assertThat(rows.get("Tumour location").subList(0, 6))
        .isEqualTo(column(paper, "tumor_location", words));
    assertThat(rows.get("cTNM").subList(0, 6)).isEqualTo(column(paper, "ctnm", words));
    assertThat(rows.get("ASA").subList(0, 6)).isEqualTo(column(paper, "asa", words));
    assertThat(rows.get("Neoadjuvant therapy").subList(0, 6))
        .isEqualTo(column(paper, "neoadjuvant", neoadjuvant));
    // Table 2
    assertThat(rows.get("Thoracic phase").subList(0, 6))
        .isEqualTo(column(paper, "thoracic_approach", words));
    assertThat(rows.get("Abdominal phase").subList(0, 6))
        .isEqualTo(column(paper, "abdominal_approach", words));
    assertThat(rows.get("Anastomosis").subList(0, 6))
        .isEqualTo(column(paper, "anastomosis_site", words));
    assertThat(rows.get("Lymphadenectomy fields").subList(0, 6))
        .isEqualTo(column(paper, "lymphadenectomy", words));
    assertThat(rows.get("Stomach").subList(0, 6))
        .isEqualTo(column(paper, "stomach_condition", words));
    assertThat(rows.get("Conduit construction time (min)").subList(0, 6))
        .isEqualTo(column(paper, "conduit_time_min", words));
    assertThat(rows.get("Pyloroplasty").subList(0, 6))
        .isEqualTo(column(paper, "pyloroplasty", words));
    assertThat(rows.get("Feeding jejunostomy").subList(0, 6))
        .isEqualTo(column(paper, "feeding_jejunostomy", words));
    assertThat(rows.get("Intraoperative complication").subList(0, 6))
        .isEqualTo(column(paper, "intraop_complication", intraop));
    // Table 3
    assertThat(rows.get("Chest drain removed (day)").subList(0, 6))
        .isEqualTo(column(paper, "chest_drain_removal_pod", words));
    assertThat(rows.get("Nasogastric tube removed (day)").subList(0, 6))
        .isEqualTo(column(paper, "ng_tube_removal_pod", words));
    assertThat(rows.get("Oral intake resumed (day)").subList(0, 6))
        .isEqualTo(column(paper, "oral_intake_pod", words));
    assertThat(rows.get("Thoracic nodes (positive/examined)").subList(0, 6))
        .isEqualTo(nodes(paper, "thoracic"));
    assertThat(rows.get("Abdominal nodes (positive/examined)").subList(0, 6))
        .isEqualTo(nodes(paper, "abdominal"));
    assertThat(rows.get("pTNM").subList(0, 6)).isEqualTo(column(paper, "ptnm_as_published", words));
    assertThat(rows.get("Early complications").subList(0, 6))
        .isEqualTo(column(paper, "early_complication", words));
    assertThat(rows.get("Adjuvant therapy").subList(0, 6))
        .isEqualTo(column(paper, "adjuvant_chemotherapy", adjuvant));
    assertThat(rows.get("Follow-up at 1 month").subList(0, 6))
        .isEqualTo(column(paper, "followup_1_month", words));
    assertThat(rows.get("Follow-up at 3 months").subList(0, 6))
        .isEqualTo(column(paper, "followup_3_months", words));
  }

  @Test
  void theOverallColumnIsComputedFromTheRowsAndSaysWhichStatisticItIs() {
    Map<String, List<String>> rows = rows(Locale.ENGLISH);
    assertThat(overall(rows, "Age (years)")).containsExactly("57.5", "mean");
    assertThat(overall(rows, "BMI (kg/m²)")).containsExactly("20.2", "mean");
    assertThat(overall(rows, "Conduit construction time (min)")).containsExactly("38.3", "mean");
    assertThat(overall(rows, "Chest drain removed (day)")).containsExactly("4.5", "mean");
    assertThat(overall(rows, "Nasogastric tube removed (day)")).containsExactly("6.8", "mean");
    // The paper printed 6.8; its own rows give 43 / 6 = 7.17.
    assertThat(overall(rows, "Oral intake resumed (day)")).containsExactly("7.2", "mean");
    assertThat(overall(rows, "cTNM")).containsExactly("5/6", "n/N: cT2N0M0");
    assertThat(overall(rows, "Abdominal phase")).containsExactly("2/6", "n/N: Laparoscopic");
    assertThat(overall(rows, "Thoracic nodes (positive/examined)"))
        .containsExactly("2/6", "n/N with at least one positive node");
    assertThat(overall(rows, "Sex")).containsExactly("6/6", "n/N: Male");
    assertThat(overall(rows, "Thoracic phase")).containsExactly("6/6", "n/N: Thoracoscopic");
    assertThat(overall(rows, "Stomach")).containsExactly("1/6", "n/N: Previous gastrostomy");
    assertThat(overall(rows, "Neoadjuvant therapy")).containsExactly("5/6", "n/N: None");
    assertThat(overall(rows, "Early complications"))
        .containsExactly("1/6", "n/N with a complication");
  }

  @Test
  void inVietnameseTheWordingIsThePapersAndTheDecimalSeparatorAComma() {
    Map<String, List<String>> rows = rows(Locale.forLanguageTag("vi"));
    assertThat(overall(rows, "Tuổi (năm)")).containsExactly("57,5", "trung bình");
    assertThat(overall(rows, "Thời gian ăn lại đường miệng (ngày)").get(0)).isEqualTo("7,2");
    assertThat(rows.get("BMI (kg/m²)").get(0)).isEqualTo("18,32");
    assertThat(rows.get("Giới").get(0)).isEqualTo("Nam");
    assertThat(rows.get("Thì bụng").subList(0, 2)).containsExactly("Nội soi", "Mổ mở");
    assertThat(rows.get("Vị trí u").get(0)).isEqualTo("1/3 dưới");
    assertThat(rows.get("Biến chứng gần").get(3)).isEqualTo("Ứ đọng dạ dày");
    assertThat(rows.get("Tái khám 1 tháng").get(3)).isEqualTo("Trào ngược");
    assertThat(rows)
        .containsKeys(
            "Hóa xạ trị tiền phẫu",
            "Thời gian tạo hình dạ dày (phút)",
            "Hạch ngực (dương tính/xét nghiệm)");
  }

  private static List<String> overall(Map<String, List<String>> rows, String label) {
    List<String> cells = rows.get(label);
    assertThat(cells).as(label).isNotNull();
    return cells.subList(6, 8);
  }

  @Test
  void thePagesShowTheTablesAndTheDataQualityPageListsTheSlipsOfThePaper() throws Exception {
    SignedInAccount coordinator = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String page =
        mvc.perform(get("/series/" + seriesId + "/reports/patients").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Table 1: Preoperative characteristics of the patients")
        .contains("57.5")
        .contains("7.2")
        .contains("cT2N0M0");
    String vietnamese =
        mvc.perform(
                get("/series/" + seriesId + "/reports/patients")
                    .param("lang", "vi")
                    .with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(vietnamese)
        .contains("Bảng 1: Đặc điểm chung của bệnh nhân trước khi phẫu thuật")
        .contains("57,5");

    String quality =
        mvc.perform(get("/series/" + seriesId + "/reports/quality").with(user(coordinator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long bn6 = caseId("BN6");
    long bn3 = caseId("BN3");
    assertThat(quality)
        .containsPattern(
            "<tr data-code=\"pn-mismatch\">\\s*<td><a href=\"/cases/" + bn6 + "\">BN6</a>")
        .containsPattern(
            "<tr data-code=\"p-after-neoadjuvant\">\\s*<td><a href=\"/cases/" + bn3 + "\">BN3</a>")
        .contains("Recorded pN does not match the number of positive nodes");
  }

  private long caseId(String studyCode) {
    return jdbc.queryForObject(
        "select id from surgical_case where series_id = ? and study_code = ?",
        Long.class,
        seriesId,
        studyCode);
  }
}
