package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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

/** The dashboard and its charts cost the same number of SQL statements with 3 cases as with 30. */
@IntegrationTest
class DashboardStatementsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired StatementCounter statements;

  @Test
  void statementsDoNotGrowWithTheNumberOfCases() throws Exception {
    HospitalSite a = testAccounts.site();
    HospitalSite b = testAccounts.site();
    CaseSeries series = fixtures.series(a, b);
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, a, b));
    String page = "/series/" + series.getId() + "/dashboard";
    String[] paths = {
      page,
      page + "?split=site&site=" + a.getId(),
      page + "?split=abdominal-approach",
      page + "/charts/overall-survival.svg?split=neoadjuvant-therapy",
      page + "/charts/follow-up.png",
      page + "/charts/eccg-categories.svg"
    };
    addCases(series, a, b, 3);
    long[] few = new long[paths.length];
    for (int i = 0; i < paths.length; i++) {
      few[i] = statementsFor(paths[i], coordinator);
    }
    addCases(series, a, b, 27);
    for (int i = 0; i < paths.length; i++) {
      // Never more with more cases (one fewer is possible: a split whose groups all have events
      // skips a statement).
      assertThat(statementsFor(paths[i], coordinator)).as(paths[i]).isLessThanOrEqualTo(few[i]);
    }
    org.slf4j.LoggerFactory.getLogger(getClass())
        .info("Statements per request: {}", java.util.Arrays.toString(few));
    assertThat(few[0]).as("the whole page").isLessThanOrEqualTo(12);
    assertThat(few[3]).as("one chart").isLessThanOrEqualTo(6);
  }

  private void addCases(CaseSeries series, HospitalSite a, HospitalSite b, int count) {
    LocalDate operated = LocalDate.of(2023, 1, 1);
    for (int i = 0; i < count; i++) {
      long caseId = fixtures.newCase(series, i % 2 == 0 ? a : b);
      fixtures.save(
          caseId,
          Section.OPERATION,
          Map.of(
              "operation_date",
              operated.plusDays(7L * i).toString(),
              "abdominal_approach",
              i % 3 == 0 ? "OPEN" : "LAPAROSCOPIC"));
      fixtures.save(
          caseId,
          Section.POSTOP,
          Map.of(
              "any_complication",
              "YES",
              "discharge_date",
              operated.plusDays(7L * i + 9 + i % 5).toString()));
      fixtures.addItem(
          caseId,
          Section.COMPLICATIONS,
          Map.of(
              "complication_type",
              i % 4 == 0 ? "ANASTOMOTIC_LEAK" : "PNEUMONIA",
              "clavien_dindo",
              "II"));
      fixtures.addItem(
          caseId, Section.FOLLOWUP, Map.of("visit_month", "1", "followup_status", "WELL"));
      fixtures.addItem(
          caseId,
          Section.FOLLOWUP,
          Map.of("visit_month", "6", "followup_status", i % 5 == 0 ? "DIED" : "REFLUX"));
    }
  }

  private long statementsFor(String path, SignedInAccount account) throws Exception {
    statements.reset();
    mvc.perform(get(path).with(user(account))).andExpect(status().isOk());
    return statements.count();
  }
}
