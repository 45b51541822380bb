package org.caseregistry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page's trail comes from the one breadcrumb fragment ({@code fragments/nav :: breadcrumb}):
 * the same links and the same page name, in the same markup, as when each page had its own copy.
 */
class BreadcrumbBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eachPageShowsItsTrailBackToTheSeriesAndTheCase() {
    long series = jdbc.queryForObject("select id from case_series where demo", Long.class);
    String title =
        jdbc.queryForObject("select title from case_series where id = ?", String.class, series);
    long bn6 =
        jdbc.queryForObject(
            "select id from surgical_case where series_id = ? and study_code = 'BN6'",
            Long.class,
            series);
    String list = link("Case series", "/series");
    String ofSeries = link(title, "/series/" + series + "/cases");
    String ofCase = link("BN6", "/cases/" + bn6);
    Account admin = testAccounts.account(Role.ADMIN);
    signIn(admin.getUsername(), TestAccounts.PASSWORD);

    assertTrail("/series/" + series + "/cases", list, here(title));
    assertTrail("/cases/" + bn6, list, ofSeries, here("BN6"));
    assertTrail("/cases/" + bn6 + "/history", ofSeries, ofCase, here("History"));
    assertTrail("/cases/" + bn6 + "/header", ofSeries, ofCase, here("Study code and site"));
    assertTrail("/cases/" + bn6 + "/sections/patient", ofSeries, ofCase, here("Patient"));
    assertTrail("/cases/" + bn6 + "/sections", ofSeries, ofCase, here("Sections of the case"));
    assertTrail("/series/" + series + "/form", list, ofSeries, here("Form"));
    assertTrail(
        "/series/" + series + "/form/history",
        ofSeries,
        link("Form", "/series/" + series + "/form"),
        here("Form history"));
    assertTrail("/series/" + series + "/cases/new", ofSeries, here("New case"));
    assertTrail("/series/" + series + "/dashboard", list, ofSeries, here("Dashboard"));
    assertThat(
            byId("main")
                .findElement(By.cssSelector("nav[aria-label=breadcrumb]"))
                .getDomAttribute("class"))
        .as("the dashboard's trail is not printed")
        .isEqualTo("d-print-none");
    assertTrail(
        "/series/" + series + "/reports",
        list,
        ofSeries,
        "Reports → /series/" + series + "/reports (here)");
    assertTrail("/series/" + series + "/import", list, ofSeries, here("Import cases"));
    assertTrail("/series/" + series + "/redcap", list, ofSeries, here("REDCap"));
    assertTrail("/series/" + series + "/queries", list, ofSeries, here("Queries"));
    assertTrail(
        "/series/" + series + "/frozen",
        list,
        ofSeries,
        link("Reports", "/series/" + series + "/reports"),
        here("Frozen datasets"));
    open("/queries");
    assertThat(exists(By.cssSelector("nav[aria-label=breadcrumb]")))
        .as("the worklist of every series has no trail")
        .isFalse();
  }

  private static String link(String text, String href) {
    return text + " → " + href;
  }

  private static String here(String text) {
    return text + " (here)";
  }

  private void assertTrail(String path, String... crumbs) {
    open(path);
    assertThat(
            driver()
                .findElements(By.cssSelector("nav[aria-label=breadcrumb] > ol.breadcrumb > li"))
                .stream()
                .map(BreadcrumbBrowserTest::describe)
                .toList())
        .as(path)
        .containsExactly(crumbs);
  }

  /** "text → href" for a link, "(here)" after the page itself (active, aria-current=page). */
  private static String describe(WebElement item) {
    assertThat(Arrays.asList(item.getDomAttribute("class").split(" "))).contains("breadcrumb-item");
    boolean current =
        item.getDomAttribute("class").contains("active")
            && "page".equals(item.getDomAttribute("aria-current"));
    var links = item.findElements(By.tagName("a"));
    String text =
        links.isEmpty()
            ? item.getText()
            : link(item.getText(), links.get(0).getDomAttribute("href"));
    return current ? here(text) : text;
  }
}
