package org.caseregistry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/** The seed paper's six patients, loaded at start-up through the same checks as typed data. */
@IntegrationTest
class DemoDataIntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DemoDataLoader loader;

  private Map<String, Object> demoCase(String code) {
    return jdbc.queryForMap(
        "select c.* from surgical_case c join case_series s on s.id = c.series_id"
            + " where s.title = ? and c.study_code = ?",
        DemoDataLoader.SERIES_TITLE,
        code);
  }

  @Test
  void theSixSeedPatientsAreThereMarkedAsDemo() {
    List<Map<String, Object>> cases =
        jdbc.queryForList(
            "select c.study_code, h.code as site, c.demo from surgical_case c join case_series s on"
                + " s.id = c.series_id join hospital_site h on h.id = c.site_id where s.title = ?"
                + " and s.demo order by c.study_code",
            DemoDataLoader.SERIES_TITLE);
    assertThat(cases)
        .extracting(row -> row.get("study_code"))
        .containsExactly("BN1", "BN2", "BN3", "BN4", "BN5", "BN6");
    assertThat(cases)
        .extracting(row -> row.get("site"))
        .containsExactly("BVE", "BVE", "BVE", "BVE", "BVTN", "BVTN");
    assertThat(cases).allMatch(row -> Boolean.TRUE.equals(row.get("demo")));
  }

  @Test
  void theChecksCatchTheSlipsOfThePublishedTables() {
    Map<String, Object> bn6 = demoCase("BN6");
    assertThat(bn6.get("nodes_positive_total")).isEqualTo(7);
    assertThat(bn6.get("nodes_examined_total")).isEqualTo(26);
    assertThat(bn6.get("pn_from_count")).isEqualTo("N3");
    assertThat(bn6.get("pathological_stage")).isEqualTo("IVA");
    assertThat(codes("BN6")).contains("pn-mismatch");
    assertThat(codes("BN3")).contains("p-after-neoadjuvant");
    assertThat(codes("BN1")).doesNotContain("pn-mismatch", "p-after-neoadjuvant");
    assertThat(demoCase("BN4").get("complication_count")).isEqualTo(1);
    assertThat(demoCase("BN1").get("bmi").toString()).isEqualTo("18.32");
  }

  @Test
  void loadingAgainChangesNothing() throws Exception {
    Long before = jdbc.queryForObject("select count(*) from surgical_case", Long.class);
    ApplicationArguments none = new DefaultApplicationArguments();
    loader.run(none);
    assertThat(jdbc.queryForObject("select count(*) from surgical_case", Long.class))
        .isEqualTo(before);
  }

  private List<String> codes(String studyCode) {
    return jdbc.queryForList(
        "select unnest(c.warning_codes) from surgical_case c join case_series s on s.id ="
            + " c.series_id where s.title = ? and c.study_code = ?",
        String.class,
        DemoDataLoader.SERIES_TITLE,
        studyCode);
  }
}
