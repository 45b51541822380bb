package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import read, judged and written in chunks of two cases: problems and list rows on both sides
 * of a chunk boundary come out exactly as from one chunk, list rows (built-in and custom) reach
 * their cases whichever chunk and row they are in, and a problem found only in the last chunk rolls
 * back what the earlier chunks wrote.
 */
@IntegrationTest
class ImportChunksIntegrationTest {

  @Autowired ImportService oneChunk;
  @Autowired CaseService caseService;
  @Autowired SeriesService seriesService;
  @Autowired MessageSource messages;
  @Autowired FormService formService;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  ImportService chunksOfTwo;
  HospitalSite site;
  CaseSeries series;
  CurrentAccount admin = new CurrentAccount(0, "chunks", "Chunks", Role.ADMIN, Set.of());

  @BeforeEach
  void setUp() {
    chunksOfTwo = new ImportService(caseService, seriesService, messages, formService, 2);
    site = testAccounts.site();
    series = fixtures.series(site);
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** A cases file of study codes and ages (pairs) at the test's site. */
  private String ages(String... codesAndAges) {
    StringBuilder text = new StringBuilder("study_code,site_code,age_years\n");
    for (int i = 0; i < codesAndAges.length; i += 2) {
      text.append(codesAndAges[i]).append(',').append(site.getCode()).append(',');
      text.append(codesAndAges[i + 1]).append('\n');
    }
    return text.toString();
  }

  private byte[] file(String cases, String nodes) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("cases.csv", cases);
    files.put("nodes.csv", nodes);
    return CustomListImportIntegrationTest.zip(files);
  }

  @Test
  void problemsOnBothSidesOfAChunkBoundaryAreReportedAsFromOneChunk() {
    String a = site.getCode();
    byte[] file =
        file(
            ages(
                "C1", "61", "C2", "130", "C3", "abc", "C1", "50", "C4", "70", "", "40", "C5", "55"),
            lines(
                "study_code,node_field,nodes_positive,nodes_examined",
                "C4,THORACIC,1,5",
                "C1,THORACIC,9,3",
                "C9,THORACIC,1,1",
                "C5,ABDOMINAL,x,4",
                "C2,ABDOMINAL,1,2",
                "C3,,,"));

    ImportReport chunked = chunksOfTwo.check(series.getId(), "c.zip", file, false, admin);
    ImportReport whole = oneChunk.check(series.getId(), "c.zip", file, false, admin);

    assertThat(chunked.problems())
        .extracting(
            ImportProblem::sheet, ImportProblem::row, ImportProblem::column, ImportProblem::value)
        .contains(
            tuple("cases.csv", 3, "age_years", "130"),
            tuple("cases.csv", 4, "age_years", "abc"),
            tuple("cases.csv", 5, "study_code", "C1"),
            tuple("cases.csv", 7, "study_code", ""),
            tuple("nodes.csv", 3, "nodes_positive", "9"),
            tuple("nodes.csv", 4, "study_code", "C9"),
            tuple("nodes.csv", 5, "nodes_positive", "x"));
    assertThat(chunked.problems()).isEqualTo(whole.problems());
    assertThat(chunked.warnings()).isEqualTo(whole.warnings());
    assertThat(chunked.notes()).isEqualTo(whole.notes());
    assertThat(chunked.newCases()).isEqualTo(whole.newCases()).isEqualTo(5);
    assertThat(chunked.rowCounts()).isEqualTo(whole.rowCounts());
    assertThat(count("select count(*) from surgical_case where series_id = ?", series.getId()))
        .isZero();
  }

  @Test
  void listRowsReachTheirCasesInRowOrderWhicheverChunkTheyAreIn() {
    String a = site.getCode();
    byte[] file =
        file(
            ages("C1", "61", "C2", "62", "C3", "63", "C4", "64", "C5", "65"),
            lines(
                "study_code,node_field,nodes_positive,nodes_examined",
                "C5,THORACIC,0,15",
                "C1,THORACIC,1,11",
                "C4,ABDOMINAL,0,14",
                "C1,ABDOMINAL,2,12",
                "C3,THORACIC,0,13",
                "C5,ABDOMINAL,3,25"));

    ImportReport written = chunksOfTwo.commit(series.getId(), "c.zip", file, false, admin);

    assertThat(written.problems()).isEmpty();
    assertThat(written.written()).isTrue();
    assertThat(written.newCases()).isEqualTo(5);
    assertThat(nodesExamined())
        .containsExactly("C1:11", "C1:12", "C3:13", "C4:14", "C5:15", "C5:25");
    assertThat(
            count(
                "select count(*) from case_audit where series_id = ? and action = 'IMPORT' and"
                    + " field = 'study_code'",
                series.getId()))
        .isEqualTo(5);

    // Updated in chunks: C2 gains a list, C5 loses one item, the rest is unchanged.
    byte[] update =
        file(
            lines("study_code,site_code", "C1," + a, "C2," + a, "C3," + a, "C4," + a, "C5," + a),
            lines(
                "study_code,node_field,nodes_positive,nodes_examined",
                "C1,THORACIC,1,11",
                "C4,ABDOMINAL,0,14",
                "C2,THORACIC,0,16",
                "C1,ABDOMINAL,2,12",
                "C3,THORACIC,0,13",
                "C5,THORACIC,0,15"));
    ImportReport updated = chunksOfTwo.commit(series.getId(), "u.zip", update, true, admin);
    assertThat(updated.problems()).isEmpty();
    assertThat(updated.updatedCases()).isEqualTo(2);
    assertThat(updated.unchangedCases()).isEqualTo(3);
    assertThat(updated.updates())
        .extracting(ImportReport.UpdatedCase::studyCode)
        .containsExactly("C2", "C5");
    assertThat(nodesExamined())
        .containsExactly("C1:11", "C1:12", "C2:16", "C3:13", "C4:14", "C5:15");
  }

  @Test
  void customListRowsReachTheirCasesAcrossChunks() {
    CaseSeries custom = fixtures.series(CustomListImportIntegrationTest.FORM, site);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "custom_runs.csv",
        lines(
            "study_code,run_mode,run_hours",
            "E3,1,30",
            "E1,2,10",
            "E4,1,40",
            "E1,1,11",
            "E5,2,50"));
    files.put(
        "cases.csv",
        lines(
            "study_code,site_code",
            "E1," + site.getCode(),
            "E2," + site.getCode(),
            "E3," + site.getCode(),
            "E4," + site.getCode(),
            "E5," + site.getCode()));
    byte[] file = CustomListImportIntegrationTest.zip(files);

    ImportReport written = chunksOfTwo.commit(custom.getId(), "runs.zip", file, false, admin);

    assertThat(written.problems()).isEmpty();
    assertThat(written.written()).isTrue();
    Map<String, List<Object>> hours = new LinkedHashMap<>();
    caseService.casesOfSeries(custom.getId(), CaseFixtures.system()).stream()
        .forEach(
            c ->
                hours.put(
                    c.header().studyCode(),
                    c.data().custom().items("runs").stream()
                        .map(SectionValues::values)
                        .map(values -> values.get("run_hours"))
                        .toList()));
    assertThat(hours)
        .containsEntry("E1", List.of(10, 11))
        .containsEntry("E2", List.of())
        .containsEntry("E3", List.of(30))
        .containsEntry("E4", List.of(40))
        .containsEntry("E5", List.of(50));
  }

  @Test
  void aProblemFoundOnlyInTheLastChunkRollsBackTheChunksWrittenBeforeIt() {
    String a = site.getCode();
    String existing =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?",
            String.class,
            fixtures.newCase(series, site));
    String nodes = lines("study_code,node_field,nodes_positive,nodes_examined", "C1,THORACIC,0,10");
    // The last case is already in the series: only the case service, in the third chunk, sees it.
    byte[] taken =
        file(
            lines(
                "study_code,site_code",
                "C1," + a,
                "C2," + a,
                "C3," + a,
                "C4," + a,
                existing + "," + a),
            nodes);
    // The last case has a bad cell: only the reading of the third chunk sees it.
    byte[] badCell = file(ages("C1", "61", "C2", "62", "C3", "63", "C4", "64", "C5", "130"), nodes);

    long audit = count("select count(*) from case_audit where series_id = ?", series.getId());
    for (byte[] file : List.of(taken, badCell)) {
      long idsBefore = nextCaseId();
      ImportReport refused = chunksOfTwo.commit(series.getId(), "late.zip", file, false, admin);
      long idsAfter = nextCaseId();

      assertThat(refused.written()).isFalse();
      assertThat(refused.problems()).hasSize(1);
      assertThat(refused.problems().get(0).row()).isEqualTo(6);
      // The first two chunks drew ids for their four cases and wrote them, then were rolled back.
      assertThat(idsAfter - idsBefore).isGreaterThan(4);
      assertThat(count("select count(*) from surgical_case where series_id = ?", series.getId()))
          .isEqualTo(1);
      assertThat(count("select count(*) from case_audit where series_id = ?", series.getId()))
          .isEqualTo(audit);
      assertThat(
              count(
                  "select count(*) from case_node_group n join surgical_case c on c.id ="
                      + " n.case_id where c.series_id = ?",
                  series.getId()))
          .isZero();
    }
  }

  /** "study code:nodes examined" of every node group of the series, by case and position. */
  private List<String> nodesExamined() {
    return jdbc.queryForList(
        "select c.study_code || ':' || n.nodes_examined from case_node_group n join surgical_case"
            + " c on c.id = n.case_id where c.series_id = ? order by c.study_code, n.position",
        String.class,
        series.getId());
  }

  private long nextCaseId() {
    return jdbc.queryForObject(
        "select nextval(pg_get_serial_sequence('surgical_case', 'id'))", Long.class);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
