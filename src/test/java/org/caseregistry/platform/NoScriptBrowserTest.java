package org.caseregistry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without JavaScript, on a phone-sized screen: the navigation menu opens and closes, "Remove" asks
 * on a page of its own, and the case list does not scroll sideways at 390 px.
 */
class NoScriptBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Test
  void theMenuOpensOnAPhoneWithoutScripts() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.series(site);
    caseFixtures.newCase(series, site);
    String username = testAccounts.account(Role.SURGEON, site).getUsername();
    WebDriver phone = newBrowserWithoutScripts();
    phone.manage().window().setSize(new Dimension(390, 844));
    inBrowser(
        phone,
        () -> {
          signIn(username, TestAccounts.PASSWORD);
          WebElement menu = byId("nav-menu");
          WebElement toggle = byId("nav-toggle");
          assertThat(toggle.isDisplayed()).as("the toggle on a phone").isTrue();
          // Sent open, so that it works without a script; closes and opens with a tap.
          toggle.click();
          assertThat(menu.getDomAttribute("open")).isNull();
          assertThat(byId("nav-series").isDisplayed()).isFalse();
          toggle.click();
          assertThat(menu.getDomAttribute("open")).isNotNull();
          clickAndWait("nav-series");
          assertThat(heading()).isEqualTo("Case series");
          clickAndWait(By.linkText(series.getTitle()));
          assertThat(horizontalOverflow())
              .as("the case list at 390 px; too wide: %s", tooWide())
              .isLessThanOrEqualTo(0);
        });
  }

  @Test
  void removeAsksOnAPageOfItsOwnWithoutScripts() {
    HospitalSite site = testAccounts.site();
    long caseId = caseFixtures.newCase(caseFixtures.series(site), site);
    caseFixtures.addItem(
        caseId,
        Section.NODES,
        Map.of("node_field", "THORACIC", "nodes_positive", "1", "nodes_examined", "17"));
    String username = testAccounts.account(Role.SURGEON, site).getUsername();
    inBrowser(
        newBrowserWithoutScripts(),
        () -> {
          signIn(username, TestAccounts.PASSWORD);
          open("/cases/" + caseId);
          assertThat(byId("items-nodes").findElements(By.cssSelector("tbody tr"))).hasSize(1);
          clickAndWait(By.cssSelector("#items-nodes button[type=submit]"));
          assertThat(heading()).isEqualTo("Remove this item?");
          assertThat(byId("remove-item").getText()).contains("Thoracic").contains("17");
          clickAndWait("cancel-remove");
          assertThat(
                  byId("items-nodes").findElements(By.cssSelector("tbody tr td")).get(0).getText())
              .as("still there after cancelling")
              .isEqualTo("Thoracic");
          clickAndWait(By.cssSelector("#items-nodes button[type=submit]"));
          clickAndWait("confirm-remove");
          assertThat(driver().getCurrentUrl()).endsWith("/cases/" + caseId + "#nodes");
          assertThat(byId("items-nodes").getText()).contains("None recorded.");
        });
  }

  /** The elements that stick out on the right (outside a scrolling table), for the message. */
  private Object tooWide() {
    return ((JavascriptExecutor) driver())
        .executeScript(
            "var w = document.documentElement.clientWidth, out = [];document.querySelectorAll('body"
                + " *').forEach(function (e) { if (!e.closest('.table-responsive') &&"
                + " e.getBoundingClientRect().right > w + 1) { out.push(e.tagName + '#' + e.id +"
                + " '.' + e.className); } });var t = document.getElementById('cases');for (var e ="
                + " t; e; e = e.parentElement) { out.push(e.tagName + '.' + e.className + ' ' +"
                + " e.clientWidth + '/' + e.scrollWidth + ' ' + getComputedStyle(e).overflowX);"
                + " }return out.slice(0, 20).join(', ');");
  }

  private long horizontalOverflow() {
    return (Long)
        ((JavascriptExecutor) driver())
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth");
  }
}
