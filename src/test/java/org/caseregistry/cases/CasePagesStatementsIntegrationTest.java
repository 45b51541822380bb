package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.caseregistry.testing.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** List and case pages cost the same number of SQL statements with 3 cases as with 40. */
@IntegrationTest
class CasePagesStatementsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired StatementCounter statements;

  @Test
  void statementsPerPageDoNotGrowWithTheNumberOfCases() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    SignedInAccount surgeon = TestAccounts.principal(testAccounts.account(Role.SURGEON, site));
    long firstCase = addCases(series, site, 3);
    String list = "/series/" + series.getId() + "/cases";
    long listFew = statementsFor(list, surgeon);
    long caseFew = statementsFor("/cases/" + firstCase, surgeon);
    long searchFew = statementsFor(list + "?q=BN&sort=warnings&status=ACTIVE", surgeon);

    addCases(series, site, 37);
    assertThat(statementsFor(list, surgeon)).isEqualTo(listFew);
    assertThat(statementsFor("/cases/" + firstCase, surgeon)).isEqualTo(caseFew);
    assertThat(statementsFor(list + "?q=BN&sort=warnings&status=ACTIVE", surgeon))
        .isEqualTo(searchFew);
    assertThat(statementsFor(list + "?page=2", surgeon)).isEqualTo(listFew);
    assertThat(listFew).isLessThanOrEqualTo(8);
    // 16 before this round; since then, each a fixed cost per request: the session in PostgreSQL
    // (read and save), the series' form, the custom values, the sign-off state and the case's
    // field queries.
    assertThat(caseFew).isLessThanOrEqualTo(20);
  }

  private long addCases(CaseSeries series, HospitalSite site, int count) {
    long first = 0;
    for (int i = 0; i < count; i++) {
      long caseId = fixtures.newCase(series, site);
      fixtures.save(caseId, Section.PATIENT, Map.of("sex", "MALE", "age_years", "60"));
      fixtures.addItem(
          caseId,
          Section.NODES,
          Map.of("node_field", "THORACIC", "nodes_positive", "1", "nodes_examined", "10"));
      fixtures.addItem(
          caseId,
          Section.COMPLICATIONS,
          Map.of("complication_type", "PNEUMONIA", "clavien_dindo", "II"));
      first = first == 0 ? caseId : first;
    }
    return first;
  }

  private long statementsFor(String path, SignedInAccount account) throws Exception {
    statements.reset();
    mvc.perform(get(path).with(user(account))).andExpect(status().isOk());
    return statements.count();
  }
}
