package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.caseregistry.testing.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report pages run the same number of SQL statements for 6 cases as for 60 (per-patient tables:
 * as for 30, their maximum): aggregation happens in the database, not case by case.
 */
@IntegrationTest
class ReportStatementsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired StatementCounter statements;

  static final String SUMMARY =
      "/summary?vars=age_at_surgery&vars=sex&vars=bmi&vars=abdominal_approach&vars=conduit_time_min"
          + "&vars=pathological_stage&vars=cci&group=site";

  @Test
  void statementCountsDoNotGrowWithTheNumberOfCases() throws Exception {
    HospitalSite siteA = testAccounts.site();
    HospitalSite siteB = testAccounts.site();
    CaseSeries series = fixtures.series(siteA, siteB);
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, siteA, siteB));
    String base = "/series/" + series.getId() + "/reports";

    addCases(series, siteA, siteB, 6, 0);
    Map<String, Long> six = measure(base, coordinator);
    addCases(series, siteA, siteB, 24, 6);
    Map<String, Long> thirty = measure(base, coordinator);
    addCases(series, siteA, siteB, 30, 30);
    Map<String, Long> sixty = measure(base, coordinator);

    System.out.printf(
        "SQL statements per request: 6 cases %s; 30 cases %s; 60 cases %s%n", six, thirty, sixty);
    assertThat(six.values()).allMatch(count -> count > 0);
    assertThat(thirty).as("6 cases: %s; 30 cases: %s", six, thirty).isEqualTo(six);
    assertThat(sixty.get(SUMMARY)).isEqualTo(six.get(SUMMARY));
    assertThat(sixty.get("/quality")).isEqualTo(six.get("/quality"));
    assertThat(sixty.get("/summary.xlsx")).isEqualTo(six.get("/summary.xlsx"));
    assertThat(sixty.get("/dataset.zip")).isEqualTo(six.get("/dataset.zip"));
    // Beyond 30 cases the per-patient tables are not built: fewer statements, never more.
    assertThat(sixty.get("/patients")).isLessThanOrEqualTo(six.get("/patients"));
    assertThat(six.get(SUMMARY)).as("summary statements").isLessThanOrEqualTo(8);
    assertThat(six.get("/patients"))
        .as("per-patient statements")
        .isLessThanOrEqualTo(11); // 10 before this round: + the series' form
    // 8 before this round: + the series' form and the open-query metrics.
    assertThat(six.get("/quality")).as("data-quality statements").isLessThanOrEqualTo(10);
  }

  private Map<String, Long> measure(String base, SignedInAccount account) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String path :
        new String[] {SUMMARY, "/patients", "/quality", "/summary.xlsx", "/dataset.zip"}) {
      statements.reset();
      mvc.perform(get(base + path).with(user(account))).andExpect(status().isOk());
      counts.put(path, statements.count());
    }
    return counts;
  }

  private void addCases(
      CaseSeries series, HospitalSite siteA, HospitalSite siteB, int count, int offset) {
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      long caseId = fixtures.newCase(series, n % 3 == 0 ? siteB : siteA);
      fixtures.save(
          caseId,
          Section.PATIENT,
          Map.of(
              "sex",
              n % 4 == 0 ? "FEMALE" : "MALE",
              "age_years",
              Integer.toString(45 + n % 30),
              "bmi_entered",
              "2" + (n % 10) + ".5"));
      fixtures.save(
          caseId,
          Section.OPERATION,
          Map.of(
              "abdominal_approach",
              n % 2 == 0 ? "LAPAROSCOPIC" : "OPEN",
              "conduit_time_min",
              Integer.toString(30 + n % 20)));
      fixtures.addItem(
          caseId,
          Section.NODES,
          Map.of(
              "node_field",
              "THORACIC",
              "nodes_positive",
              Integer.toString(n % 3),
              "nodes_examined",
              "12"));
    }
  }
}
