package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.MockMvc;

/** A gastric series' per-patient tables, summary and data quality offer the gastric variables. */
@IntegrationTest
class GastricPatientTablesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void theReportsOfAGastricSeriesShowItsOwnVariables() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.gastricSeries(site);
    for (String extent : List.of("TOTAL", "DISTAL", "TOTAL")) {
      long caseId = fixtures.newCase(series, site);
      fixtures.save(
          caseId,
          Section.GASTRIC_OPERATION,
          Map.of("gastrectomy_extent", extent, "lymphadenectomy_level", "D2"));
      fixtures.save(
          caseId,
          Section.GASTRIC_PATHOLOGY,
          Map.of(
              "gastric_path_prefix",
              "P",
              "gastric_pt",
              "T2",
              "gastric_pn",
              "N1",
              "gastric_pm",
              "M0"));
      fixtures.addItem(
          caseId,
          Section.GASTRIC_NODES,
          Map.of(
              "jgca_station", "S3", "station_nodes_positive", "1", "station_nodes_examined", "20"));
    }
    SignedInAccount admin = TestAccounts.principal(testAccounts.account(Role.ADMIN));
    String base = "/series/" + series.getId() + "/reports";
    String patients = page(base + "/patients", admin);
    assertThat(patients)
        .contains("Extent of gastrectomy")
        .contains("Lymphadenectomy (D level)")
        .contains("pT2N1M0")
        .contains("Stage IIA")
        .contains("2/3") // total gastrectomy, the reference code
        .doesNotContain("Thoracic phase");
    String summary = page(base + "/summary", admin);
    assertThat(summary).contains("Extent of gastrectomy").contains("Total").contains("66.7");
    assertThat(summary).doesNotContain("Conduit construction");
    String quality = page(base + "/quality", admin);
    assertThat(quality).contains("Borrmann type").doesNotContain("Conduit construction");
  }

  private String page(String path, SignedInAccount account) throws Exception {
    return mvc.perform(get(path).param("lang", "en").with(user(account)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
