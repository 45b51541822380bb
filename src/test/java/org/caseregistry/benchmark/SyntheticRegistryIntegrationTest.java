package org.caseregistry.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's generator writes cases the application reads exactly as its own. */
@IntegrationTest
class SyntheticRegistryIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseService caseService;

  @Test
  void generatedCasesAreCompleteAndConsistent() throws Exception {
    long seed = System.nanoTime() % 100_000;
    SyntheticRegistry.Generated generated =
        new SyntheticRegistry(dataSource, new SyntheticRegistry.Layout(300, 4, 3, seed))
            .generate(30);
    assertThat(generated.cases()).isEqualTo(330);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from surgical_case where series_id = ?",
                Long.class,
                generated.smallSeriesId()))
        .isEqualTo(30);
    long someCase =
        jdbc.queryForObject(
            "select min(id) from surgical_case where series_id = ?",
            Long.class,
            generated.seriesIds().get(0));
    CaseService.CaseView view = caseService.view(someCase, CaseFixtures.system());
    assertThat(view.data().items(org.caseregistry.catalog.Section.NODES)).hasSize(2);
    assertThat(view.derived().nodesExaminedTotal())
        .isEqualTo(
            jdbc.queryForObject(
                "select nodes_examined_total from surgical_case where id = ?",
                Integer.class,
                someCase));
    assertThat(view.derived().sectionsFilled()).hasSizeGreaterThanOrEqualTo(8);
    // A case written by the generator can be edited like any other.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_operation where case_id = ?", Long.class, someCase))
        .isEqualTo(1);
  }
}
