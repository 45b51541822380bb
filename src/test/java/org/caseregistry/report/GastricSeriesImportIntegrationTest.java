package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A gastric series of 240 synthetic gastrectomies with nodes per JGCA station, imported as CSV
 * files in a ZIP: the stored stage groups, pN from the count and warnings, and the summary table,
 * against figures this test works out on its own (its own copy of the AJCC stomach tables).
 */
@IntegrationTest
class GastricSeriesImportIntegrationTest {

  static final int CASES = 240;

  /** domain.md, pathological (pTNM), M0; columns N0, N1, N2, N3a, N3b. */
  static final Map<String, String[]> PATHOLOGICAL =
      Map.of(
          "T1", new String[] {"IA", "IB", "IIA", "IIB", "IIIB"},
          "T2", new String[] {"IB", "IIA", "IIB", "IIIA", "IIIB"},
          "T3", new String[] {"IIA", "IIB", "IIIA", "IIIB", "IIIC"},
          "T4A", new String[] {"IIB", "IIIA", "IIIA", "IIIB", "IIIC"},
          "T4B", new String[] {"IIIA", "IIIB", "IIIB", "IIIC", "IIIC"});

  /** domain.md, after neoadjuvant therapy (ypTNM), M0; columns N0, N1, N2, N3. */
  static final Map<String, String[]> POST_NEOADJUVANT =
      Map.of(
          "T1", new String[] {"I", "I", "II", "II"},
          "T2", new String[] {"I", "II", "II", "III"},
          "T3", new String[] {"II", "II", "III", "III"},
          "T4A", new String[] {"II", "III", "III", "III"},
          "T4B", new String[] {"III", "III", "III", "III"});

  static final String[] T = {"T1A", "T1B", "T2", "T3", "T4A", "T4B"};

  @Autowired ImportService importService;
  @Autowired SummaryQuery summaries;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  /** One synthetic case as the test sees it. */
  record Synthetic(
      String code,
      String site,
      String extent,
      boolean yp,
      String pt,
      String recordedPn,
      boolean m1,
      int positive,
      int examined,
      List<int[]> stations) {}

  @Test
  void aGastricSeriesImportsAndReportsTheStagesAndSummaryWorkedOutHere() throws IOException {
    HospitalSite first = testAccounts.site();
    HospitalSite second = testAccounts.site();
    CaseSeries series = fixtures.gastricSeries(first, second);
    List<Synthetic> cases = generate(first.getCode(), second.getCode());
    byte[] zip = zip(files(cases));
    CurrentAccount admin = new CurrentAccount(0, "gastric-test", "Gastric", Role.ADMIN, Set.of());

    ImportReport dryRun = importService.check(series.getId(), "gastric.zip", zip, false, admin);
    assertThat(dryRun.problems()).isEmpty();
    assertThat(dryRun.newCases()).isEqualTo(CASES);
    ImportReport committed = importService.commit(series.getId(), "gastric.zip", zip, false, admin);
    assertThat(committed.written()).isTrue();

    // Stage distribution: stored with each case, against this test's tables.
    Map<String, Long> expectedStages = new TreeMap<>();
    Map<String, Long> expectedPn = new TreeMap<>();
    long expectedUnder16 = 0;
    long expectedMismatch = 0;
    for (Synthetic c : cases) {
      expectedStages.merge(expectedStage(c), 1L, Long::sum);
      expectedPn.merge(pnFromCount(c.positive()), 1L, Long::sum);
      expectedUnder16 += c.examined() < 16 ? 1 : 0;
      expectedMismatch += mismatch(c) ? 1 : 0;
    }
    Map<String, Long> stored = new TreeMap<>();
    jdbc.query(
        "select coalesce(pathological_stage, 'reason:' || pathological_stage_reason) as stage,"
            + " count(*) as n from surgical_case where series_id = ? group by 1",
        rs -> {
          stored.put(rs.getString("stage"), rs.getLong("n"));
        },
        series.getId());
    assertThat(stored).isEqualTo(expectedStages);
    assertThat(stored).containsKeys("IIIC", "IV", "reason:N_SUBCATEGORY_NEEDED");
    Map<String, Long> storedPn = new TreeMap<>();
    jdbc.query(
        "select pn_from_count, count(*) as n from surgical_case where series_id = ? group by 1",
        rs -> {
          storedPn.put(rs.getString("pn_from_count"), rs.getLong("n"));
        },
        series.getId());
    assertThat(storedPn).isEqualTo(expectedPn).containsKeys("N3A", "N3B");
    assertThat(warnings(series, "nodes-examined-under-16")).isEqualTo(expectedUnder16).isPositive();
    assertThat(warnings(series, "pn-mismatch")).isEqualTo(expectedMismatch).isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_gastric_node_station s join surgical_case c"
                    + " on c.id = s.case_id where c.series_id = ?",
                Long.class,
                series.getId()))
        .isEqualTo(cases.stream().mapToLong(c -> c.stations().size()).sum());

    // The summary table: pathological stage and nodes examined by extent of gastrectomy.
    SummaryVariable stage = SummaryVariable.find("pathological_stage").orElseThrow();
    SummaryVariable examined = SummaryVariable.find("nodes_examined_total").orElseThrow();
    SummaryVariable level = SummaryVariable.find("lymphadenectomy_level").orElseThrow();
    SummaryData data =
        summaries.run(
            new ReportFilter(series.getId(), null, null, null, null),
            List.of(stage, examined, level),
            "gastrectomy_extent");
    assertThat(data.total()).isEqualTo(CASES);
    Map<String, Long> perExtent = new TreeMap<>();
    cases.forEach(c -> perExtent.merge(c.extent(), 1L, Long::sum));
    Map<String, Long> groups = new TreeMap<>();
    data.groups().forEach(group -> groups.put(group.code(), group.n()));
    assertThat(groups).isEqualTo(perExtent);

    Map<String, List<BigDecimal>> examinedByExtent = new HashMap<>();
    Map<String, Map<String, Long>> stageByExtent = new HashMap<>();
    for (Synthetic c : cases) {
      for (String key : List.of(c.extent(), SummaryData.OVERALL)) {
        examinedByExtent
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(BigDecimal.valueOf(c.examined()));
        String expected = expectedStage(c);
        if (!expected.startsWith("reason:")) {
          stageByExtent.computeIfAbsent(key, k -> new TreeMap<>()).merge(expected, 1L, Long::sum);
        }
      }
    }
    SummaryData.VariableResult stages = data.variables().get(0);
    SummaryData.VariableResult nodes = data.variables().get(1);
    for (String key : examinedByExtent.keySet()) {
      assertThat(new TreeMap<>(stages.in(key).codes())).as(key).isEqualTo(stageByExtent.get(key));
      List<BigDecimal> values = examinedByExtent.get(key);
      BigDecimal mean =
          values.stream()
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .divide(BigDecimal.valueOf(values.size()), 8, RoundingMode.HALF_UP);
      ContinuousStatistics statistics = nodes.in(key).statistics();
      assertThat(statistics.n()).as(key).isEqualTo(values.size());
      assertThat(statistics.mean().setScale(8, RoundingMode.HALF_UP))
          .as(key)
          .isEqualByComparingTo(mean);
      assertThat(statistics.min())
          .isEqualByComparingTo(values.stream().min(BigDecimal::compareTo).orElseThrow());
    }
    // Not derivable is not a stage: counted apart, never in the denominator.
    long notDerivable = cases.stream().filter(c -> expectedStage(c).startsWith("reason:")).count();
    assertThat(stages.in(SummaryData.OVERALL).known()).isEqualTo(CASES - notDerivable);
    assertThat(data.variables().get(2).in(SummaryData.OVERALL).code("D2"))
        .isEqualTo(cases.stream().filter(c -> !c.extent().equals("PROXIMAL")).count());

    // The operation-date filter reads the gastrectomy's date.
    SummaryData in2023 =
        summaries.run(
            new ReportFilter(
                series.getId(), null, null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
            List.of(examined),
            null);
    assertThat(in2023.total())
        .isEqualTo(cases.stream().filter(c -> operationDate(c).getYear() == 2023).count());
  }

  @Test
  void anEsophagusColumnInAGastricSeriesIsAProblemAndNothingIsWritten() throws IOException {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.gastricSeries(site);
    Map<String, List<List<String>>> files = new LinkedHashMap<>();
    files.put(
        "cases",
        List.of(
            List.of("study_code", "site_code", "gastric_pt", "ct"),
            List.of("G1", site.getCode(), "T2", "T2")));
    CurrentAccount admin = new CurrentAccount(0, "gastric-test", "Gastric", Role.ADMIN, Set.of());
    ImportReport report =
        importService.commit(series.getId(), "mixed.zip", zip(files), false, admin);
    assertThat(report.written()).isFalse();
    assertThat(report.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.column()).isEqualTo("ct");
              assertThat(problem.messageKey()).isEqualTo("import.column.not-in-form");
            });
  }

  private long warnings(CaseSeries series, String code) {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ? and ? = any(warning_codes)",
        Long.class,
        series.getId(),
        code);
  }

  // ------------------------------------------------------------ the synthetic series

  static List<Synthetic> generate(String siteA, String siteB) {
    List<Synthetic> cases = new ArrayList<>();
    String[] extents = {"TOTAL", "DISTAL", "DISTAL", "PROXIMAL"};
    for (int i = 0; i < CASES; i++) {
      int positive = (i * 7) % 23; // 0–22: every N category, N3b from 16
      List<int[]> stations = new ArrayList<>();
      // {station index, positive, examined}: 3, 4sb, 6, 7 and for most cases 8a, 9, 11p
      int atThree = Math.min(positive, 10);
      stations.add(new int[] {2, atThree, 12});
      stations.add(new int[] {4, Math.min(positive - atThree, 8), 9});
      stations.add(new int[] {7, positive - atThree - Math.min(positive - atThree, 8), 6});
      if (i % 6 != 5) {
        stations.add(new int[] {8, 0, 3 + i % 4});
        stations.add(new int[] {9, 0, 2});
        stations.add(new int[] {11, 0, 1 + i % 3});
      }
      if (i % 6 == 5) {
        // Too few nodes examined for pN: each station one more than its positive nodes or so.
        for (int k = 0; k < stations.size(); k++) {
          int[] station = stations.get(k);
          stations.set(k, new int[] {station[0], station[1], station[1] + (k == 2 ? 0 : 1)});
        }
      }
      int examined = stations.stream().mapToInt(s -> s[2]).sum();
      boolean yp = i % 4 == 3;
      String counted = pnFromCount(positive);
      // Every 5th case records N3 without a or b when the count gives N3a/N3b; every 13th
      // records one category too low (a slip the pN check flags).
      String recorded =
          counted.startsWith("N3") && i % 5 == 0
              ? "N3"
              : i % 13 == 0 && positive > 0 ? lower(counted) : counted;
      cases.add(
          new Synthetic(
              "G" + i,
              i % 2 == 0 ? siteA : siteB,
              extents[i % 4],
              yp,
              T[i % 6],
              recorded,
              i % 37 == 0,
              positive,
              examined,
              stations));
    }
    return cases;
  }

  static final String[] STATIONS = {
    "S1", "S2", "S3", "S4SA", "S4SB", "S4D", "S5", "S6", "S7", "S8A", "S9", "S11P", "S12A"
  };

  static LocalDate operationDate(Synthetic c) {
    int i = Integer.parseInt(c.code().substring(1));
    return LocalDate.of(2022, 1, 3).plusDays(i * 3L);
  }

  static Map<String, List<List<String>>> files(List<Synthetic> cases) {
    Map<String, List<List<String>>> files = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "study_code",
            "site_code",
            "sex",
            "age_years",
            "gastric_location",
            "lauren_type",
            "gastric_histology",
            "gastric_ct",
            "gastric_cn",
            "gastric_cm",
            "gastric_chemotherapy",
            "chemotherapy_regimen",
            "chemotherapy_cycles_before_surgery",
            "gastric_operation_date",
            "gastric_approach",
            "gastrectomy_extent",
            "lymphadenectomy_level",
            "reconstruction",
            "gastric_discharge_date",
            "gastric_any_complication",
            "gastric_path_prefix",
            "gastric_pt",
            "gastric_pn",
            "gastric_pm",
            "gastric_resection_margin"));
    List<List<String>> nodes = new ArrayList<>();
    nodes.add(
        List.of("study_code", "jgca_station", "station_nodes_positive", "station_nodes_examined"));
    List<List<String>> complications = new ArrayList<>();
    complications.add(
        List.of("study_code", "gastric_complication_type", "popf_grade", "gastric_clavien_dindo"));
    for (Synthetic c : cases) {
      int i = Integer.parseInt(c.code().substring(1));
      LocalDate operation = operationDate(c);
      boolean complication = i % 5 == 2;
      rows.add(
          List.of(
              c.code(),
              c.site(),
              i % 3 == 0 ? "FEMALE" : "MALE",
              String.valueOf(45 + i % 35),
              i % 7 == 0 ? "EGJ_OVER_2CM_INTO_STOMACH" : "ANTRUM_LOWER_THIRD",
              i % 2 == 0 ? "INTESTINAL" : "DIFFUSE",
              i % 9 == 0 ? "SIGNET_RING_CELL_CARCINOMA" : "TUBULAR_ADENOCARCINOMA",
              "T3",
              "N1",
              c.m1() ? "M1" : "M0",
              c.yp() ? "PERIOPERATIVE" : "NONE",
              c.yp() ? "FLOT" : "NOT_APPLICABLE",
              c.yp() ? "4" : "NOT_APPLICABLE",
              operation.toString(),
              i % 3 == 0 ? "LAPAROSCOPIC" : "OPEN",
              c.extent(),
              c.extent().equals("PROXIMAL") ? "D1_PLUS" : "D2",
              c.extent().equals("TOTAL") ? "ROUX_EN_Y" : "BILLROTH_I",
              operation.plusDays(7 + i % 9).toString(),
              complication ? "YES" : "NO",
              c.yp() ? "YP" : "P",
              c.pt(),
              c.recordedPn(),
              c.m1() ? "M1" : "M0",
              "R0"));
      for (int[] station : c.stations()) {
        nodes.add(
            List.of(
                c.code(),
                STATIONS[station[0]],
                String.valueOf(station[1]),
                String.valueOf(station[2])));
      }
      if (complication) {
        complications.add(List.of(c.code(), "PANCREATIC_FISTULA", "GRADE_B", "II"));
      }
    }
    files.put("cases", rows);
    files.put("gastric_nodes", nodes);
    files.put("gastric_complications", complications);
    return files;
  }

  // ------------------------------------------------------------ the rules, worked out here

  static String pnFromCount(int positive) {
    if (positive == 0) return "N0";
    if (positive <= 2) return "N1";
    if (positive <= 6) return "N2";
    return positive <= 15 ? "N3A" : "N3B";
  }

  static String lower(String n) {
    return switch (n) {
      case "N1" -> "N0";
      case "N2" -> "N1";
      case "N3A" -> "N2";
      default -> "N3A";
    };
  }

  static boolean mismatch(Synthetic c) {
    String counted = pnFromCount(c.positive());
    return !(c.recordedPn().equals(counted)
        || c.recordedPn().equals("N3") && counted.startsWith("N3"));
  }

  /** The stored stage name, or "reason:" and the stored reason. */
  static String expectedStage(Synthetic c) {
    if (c.m1()) {
      return "IV";
    }
    String row = c.pt().startsWith("T1") ? "T1" : c.pt();
    String n = c.recordedPn();
    if (c.yp()) {
      int column =
          switch (n) {
            case "N0" -> 0;
            case "N1" -> 1;
            case "N2" -> 2;
            default -> 3;
          };
      return POST_NEOADJUVANT.get(row)[column];
    }
    if (n.equals("N3")) {
      String a = PATHOLOGICAL.get(row)[3];
      String b = PATHOLOGICAL.get(row)[4];
      return a.equals(b) ? a : "reason:N_SUBCATEGORY_NEEDED";
    }
    int column = List.of("N0", "N1", "N2", "N3A", "N3B").indexOf(n);
    return PATHOLOGICAL.get(row)[column];
  }

  private static byte[] zip(Map<String, List<List<String>>> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, List<List<String>>> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey() + ".csv"));
        StringBuilder text = new StringBuilder();
        for (List<String> row : file.getValue()) {
          text.append(String.join(",", row)).append("\r\n");
        }
        zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
