package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people at two computers edit the same section of a case: the later save is refused with a
 * message, keeps what its author typed, and does not overwrite the earlier one.
 */
class CaseConflictBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Test
  void theSecondOfTwoConcurrentSavesIsRefusedAndKeepsItsInput() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.series(site);
    long caseId = caseFixtures.newCase(series, site);
    caseFixtures.save(
        caseId,
        Section.POSTOP,
        Map.of("chest_drain_removal_pod", "4", "ng_tube_removal_pod", "8", "oral_intake_pod", "8"));
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    String form = "/cases/" + caseId + "/sections/postop";

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    open(form);
    assertThat(value("f-oral_intake_pod")).isEqualTo("8");

    WebDriver other = newBrowser();
    inBrowser(
        other,
        () -> {
          signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
          open(form);
          assertThat(value("f-oral_intake_pod")).isEqualTo("8");
        });

    // The surgeon saves first.
    type("f-oral_intake_pod", "9");
    clickAndWait("save");
    // Back on the case with the saved section in view (issue 14: never at the top of the page).
    assertThat(driver().getCurrentUrl()).endsWith("/cases/" + caseId + "#postop");
    assertThat(byId("value-oral_intake_pod").getText()).isEqualTo("9");

    // The coordinator, still on the form opened before that save, saves a different value.
    inBrowser(
        other,
        () -> {
          type("f-oral_intake_pod", "10");
          type("f-ng_tube_removal_pod", "7");
          clickAndWait("save");
          assertThat(byId("global-errors").getText()).contains("Someone else saved this record");
          assertThat(driver().getCurrentUrl()).endsWith(form);
          assertThat(value("f-oral_intake_pod")).as("the coordinator's input kept").isEqualTo("10");
          assertThat(value("f-ng_tube_removal_pod")).isEqualTo("7");
          assertThat(value("f-chest_drain_removal_pod")).isEqualTo("4");
          assertThat(exists(By.cssSelector(".alert-success"))).as("nothing saved").isFalse();
        });

    // What is stored is the surgeon's save, seen from both browsers.
    open("/cases/" + caseId);
    assertThat(byId("value-oral_intake_pod").getText()).isEqualTo("9");
    assertThat(byId("value-ng_tube_removal_pod").getText()).isEqualTo("8");
    inBrowser(
        other,
        () -> {
          open("/cases/" + caseId);
          assertThat(byId("value-oral_intake_pod").getText()).isEqualTo("9");
          assertThat(byId("value-ng_tube_removal_pod").getText()).isEqualTo("8");
        });
  }
}
