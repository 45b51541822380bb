package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator moves a custom section up, between two built-in modules, in the form editor; the
 * surgeon's case page and its workspace navigation show it there.
 */
class FormOrderBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aCustomSectionMovedBetweenTwoModulesIsShownThereOnTheCasePage() {
    HospitalSite site = testAccounts.site();
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    CaseSeries series = fixtures.series(FormOrderIntegrationTest.form(), site);
    long caseId = fixtures.newCase(series, site);

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series.getId() + "/form");
    assertThat(keys(".list-group-item", "order-"))
        .containsExactly("patient", "operation", "postop", "ecmo", "outcome");
    clickAndWait("order-up-ecmo");
    assertThat(keys(".list-group-item", "order-"))
        .containsExactly("patient", "operation", "ecmo", "postop", "outcome");
    assertThat(byId("preview").getText())
        .containsSubsequence("Operation", "ECMO course", "ECMO days", "Postoperative");
    saveScreenshot("form-order-editor");
    signOut();

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    open("/cases/" + caseId);
    assertThat(keys("#workspace-nav li", "nav-"))
        .containsExactly("patient", "operation", "custom-ecmo", "postop", "custom-outcome");
    List<String> cards =
        driver().findElements(By.cssSelector(".col-lg-10 > .card")).stream()
            .map(card -> card.getDomAttribute("id"))
            .filter(id -> List.of("operation", "custom-ecmo", "postop").contains(id))
            .toList();
    assertThat(cards).containsExactly("operation", "custom-ecmo", "postop");
    ((JavascriptExecutor) driver())
        .executeScript("arguments[0].scrollIntoView()", byId("operation"));
    saveScreenshot("form-order-case-page");
  }

  private List<String> keys(String selector, String prefix) {
    return driver().findElements(By.cssSelector(selector)).stream()
        .map(element -> element.getDomAttribute("id"))
        .filter(id -> id != null && id.startsWith(prefix))
        .map(id -> id.substring(prefix.length()))
        .toList();
  }
}
