package org.caseregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person creates a token on the token page, opens the API documentation (Swagger UI, from its
 * webjar, under the registry's content security policy), authorizes with the token and lists the
 * series through the API from the browser.
 */
class ApiDocumentationBrowserTest extends BrowserTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aTokenFromTheTokenPageWorksInTheApiDocumentation() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);

    clickAndWait("nav-tokens");
    assertThat(heading()).isEqualTo("API tokens");
    type("name", "Swagger UI");
    clickAndWait("create-token");
    String token = byId("issued-token-value").getText();
    assertThat(token).startsWith("crg_");

    // Every content security policy violation from the first script of each page on.
    ((HasCdp) driver())
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                "window.cspViolations = [];"
                    + "document.addEventListener('securitypolicyviolation', e =>"
                    + " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    open("/swagger-ui.html");
    WebDriverWait wait = new WebDriverWait(driver(), WAIT);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".swagger-ui .info .title"), "Case Registry REST API"));
    JavascriptExecutor js = (JavascriptExecutor) driver();

    driver().findElement(By.cssSelector(".swagger-ui .btn.authorize")).click();
    WebElement tokenInput =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".swagger-ui .auth-container input")));
    tokenInput.sendKeys(token);
    driver().findElement(By.cssSelector(".swagger-ui .auth-btn-wrapper .authorize")).click();
    driver().findElement(By.cssSelector(".swagger-ui .auth-btn-wrapper .btn-done")).click();

    WebElement operation = byId("operations-Case_series-list");
    operation.findElement(By.cssSelector(".opblock-summary")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector(".try-out__btn"))))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector(".execute"))))
        .click();
    WebElement status =
        wait.until(
                ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                    operation, By.cssSelector(".live-responses-table tbody .response-col_status")))
            .get(0);
    assertThat(status.getText()).isEqualTo("200");
    assertThat(operation.findElement(By.cssSelector(".live-responses-table")).getText())
        .contains(series.getTitle());

    @SuppressWarnings("unchecked")
    List<String> violations = (List<String>) js.executeScript("return window.cspViolations;");
    assertThat(violations).as("content security policy violations").isEmpty();
  }
}
