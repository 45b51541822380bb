package org.caseregistry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data-cleaning conversation on the demo series: a coordinator raises a query on BN6's pN, the
 * surgeon of Thanh Nhàn finds it in the worklist (and the navigation badge), corrects the value
 * from the query, the coordinator closes it; BN6's history shows the thread and the correction.
 */
class QueryBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired HospitalSiteRepository sites;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  private long bn6;

  private long demoCase(String code) {
    return jdbc.queryForObject(
        "select c.id from surgical_case c join case_series s on s.id = c.series_id"
            + " where s.demo and c.study_code = ?",
        Long.class,
        code);
  }

  @Test
  void aCoordinatorAsksTheSurgeonCorrectsFromTheQueryAndTheCoordinatorCloses() {
    bn6 = demoCase("BN6");
    Account coordinator =
        testAccounts.account(
            Role.COORDINATOR,
            sites.findByCodeIgnoreCase("BVE").orElseThrow(),
            sites.findByCodeIgnoreCase("BVTN").orElseThrow());
    Account surgeon =
        testAccounts.account(Role.SURGEON, sites.findByCodeIgnoreCase("BVTN").orElseThrow());

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/cases/" + bn6);
    assertThat(byId("value-pn").getText()).contains("N2");
    clickAndWait("raise-query-pn");
    type("question", "pN2 with 7 positive nodes: is the node count or the pN wrong?");
    type("proposedValue", "N3");
    clickAndWait("raise-query");
    assertThat(byId("query-state").getText()).isEqualTo("Open");
    String queryPath = driver().getCurrentUrl().substring(url("").length());
    open("/cases/" + bn6);
    assertThat(byId("queries-pn").getText()).contains("pN2 with 7 positive nodes");
    signOut();

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    assertThat(byId("query-badge").getText()).matches("[1-9][0-9]*");
    clickAndWait("nav-queries");
    assertThat(byId("worklist").getText()).contains("BN6").contains("pN2 with 7 positive nodes");
    clickAndWait(By.linkText("BN6"));
    assertThat(byId("query-current").getText()).contains("N2");
    select("value", "N3");
    type("answer-message", "Checked the pathology report: 7 of 26 positive, pN3.");
    clickAndWait("answer");
    assertThat(byId("query-state").getText()).isEqualTo("Answered");
    assertThat(byId("query-current").getText()).contains("N3");
    assertThat(byId("thread-" + queryId(queryPath)).getText()).contains("N2 → N3");
    signOut();

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open(queryPath);
    type("close-message", "Thank you.");
    clickAndWait("close-query");
    assertThat(byId("query-state").getText()).isEqualTo("Closed");
    open("/cases/" + bn6);
    assertThat(byId("value-pn").getText()).contains("N3");
    assertThat(exists(By.cssSelector("#warnings li[data-code=pn-mismatch]"))).isFalse();
    clickAndWait("history-link");
    String history = byId("history").getText();
    assertThat(history)
        .contains("Query opened")
        .contains("pN2 with 7 positive nodes")
        .contains("Query answered")
        .contains("Checked the pathology report")
        .contains("Query closed");
    // The correction itself, linked to the query.
    String correction =
        driver()
            .findElement(
                By.xpath(
                    "//table[@id='history']//tr[td[normalize-space()='Changed']]"
                        + "[.//a[contains(@class,'history-query')]]"))
            .getText();
    assertThat(correction).contains("N2").contains("N3").contains("#" + queryId(queryPath));
  }

  private static String queryId(String queryPath) {
    return queryPath.substring(queryPath.lastIndexOf('/') + 1);
  }

  /** The demo series is shared by the run's tests: BN6 gets its published pN2 back. */
  @AfterEach
  void restoreBn6() {
    if (bn6 != 0) {
      fixtures.save(bn6, Section.PATHOLOGY, Map.of("pn", "N2"));
      jdbc.update("update field_query set state = 'CLOSED' where case_id = ?", bn6);
    }
  }
}
