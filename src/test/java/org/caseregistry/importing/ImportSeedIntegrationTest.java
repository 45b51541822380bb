package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.SiteService;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed paper's table, converted to the import format, imports cleanly into a new series and
 * gives exactly the cases of the demo series that the demo loader entered through the forms.
 */
@IntegrationTest
class ImportSeedIntegrationTest {

  static final String DEMO_SERIES =
      "[Demo] Whole-stomach reconstruction after thoracoscopic esophagectomy, 2021–2022";

  @Autowired ImportService importService;
  @Autowired CaseFixtures fixtures;
  @Autowired SiteService siteService;
  @Autowired JdbcTemplate jdbc;

  static CurrentAccount admin() {
    return new CurrentAccount(0, "import-test", "Import test", Role.ADMIN, Set.of());
  }

  @Test
  void theSeedFileImportsIntoAnEmptySeriesAsTheDemoCases() throws Exception {
    HospitalSite hospitalE = siteService.ensure("BVE", "Bệnh viện E", "Hà Nội");
    HospitalSite thanhNhan = siteService.ensure("BVTN", "Bệnh viện Thanh Nhàn", "Hà Nội");
    CaseSeries series = fixtures.series(hospitalE, thanhNhan);
    byte[] file = ImportFiles.xlsx(SeedFileConverter.convert());

    ImportReport dryRun = importService.check(series.getId(), "seed.xlsx", file, false, admin());
    assertThat(dryRun.problems()).isEmpty();
    assertThat(dryRun.newCases()).isEqualTo(6);
    assertThat(dryRun.written()).isFalse();
    assertThat(count(series)).isZero();
    assertThat(dryRun.warnings())
        .extracting(warning -> warning.studyCode() + " " + warning.warning().code())
        .contains("BN6 pn-mismatch", "BN3 p-after-neoadjuvant");

    ImportReport committed =
        importService.commit(series.getId(), "seed.xlsx", file, false, admin());
    assertThat(committed.problems()).isEmpty();
    assertThat(committed.written()).isTrue();
    assertThat(committed.newCases()).isEqualTo(6);

    long demoSeries =
        jdbc.queryForObject("select id from case_series where title = ?", Long.class, DEMO_SERIES);
    Map<String, Map<String, Object>> demo = CaseSnapshots.of(jdbc, demoSeries);
    Map<String, Map<String, Object>> imported = CaseSnapshots.of(jdbc, series.getId());
    assertThat(imported.keySet()).containsExactly("BN1", "BN2", "BN3", "BN4", "BN5", "BN6");
    assertThat(imported).isEqualTo(demo);
    assertThat(
            jdbc.queryForList(
                "select section || '.' || field || '=' || new_value from case_audit where series_id"
                    + " = ? and study_code = 'BN1' and action = 'IMPORT' and username ="
                    + " 'import-test'",
                String.class,
                series.getId()))
        .contains(
            "PATIENT.age_years=62",
            "TUMOUR.ct=T2",
            "NODES.nodes_examined=8",
            "FOLLOWUP.followup_status=WELL")
        // The IMPORT event, 29 section values, 4 values that do not apply (issue 14: the
        // neoadjuvant dates and regimen without neoadjuvant therapy, the intraoperative
        // complication's details without one, stored as not applicable), 2 node groups, 2 visits.
        .contains("NEOADJUVANT.neoadjuvant_regimen=[NOT_APPLICABLE]")
        .hasSize(1 + 29 + 4 + 6 + 4);
  }

  private long count(CaseSeries series) {
    return jdbc.queryForObject(
        "select count(*) from surgical_case where series_id = ?", Long.class, series.getId());
  }
}
