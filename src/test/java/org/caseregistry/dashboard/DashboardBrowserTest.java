package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Base64;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class DashboardBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired HospitalSiteRepository sites;

  @Test
  void aCoordinatorOpensTheDemoDashboardInBothLanguagesAndDownloadsAChart() throws Exception {
    long bve = jdbc.queryForObject("select id from hospital_site where code = 'BVE'", Long.class);
    long bvtn = jdbc.queryForObject("select id from hospital_site where code = 'BVTN'", Long.class);
    long series =
        jdbc.queryForObject(
            "select id from case_series where title = ?",
            Long.class,
            DashboardIntegrationTest.DEMO_TITLE);
    Account coordinator =
        testAccounts.account(
            Role.COORDINATOR,
            sites.findById(bve).orElseThrow(),
            sites.findById(bvtn).orElseThrow());

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series + "/cases");
    clickAndWait("series-dashboard");
    assertThat(heading())
        .isEqualTo("Dashboard: " + DashboardIntegrationTest.DEMO_TITLE + " Demo data");
    assertThat(byId("figure-cases").getText()).contains("6");
    WebElement followUp = byId("panel-follow-up");
    assertThat(followUp.findElement(By.tagName("h2")).getText())
        .isEqualTo("Follow-up status at each visit window");
    assertThat(followUp.findElements(By.cssSelector("svg[role=img] title"))).hasSize(1);

    // The numbers behind the chart are one click away.
    WebElement numbers = byId("numbers-follow-up");
    assertThat(numbers.findElement(By.tagName("table")).isDisplayed()).isFalse();
    reveal(numbers.findElement(By.tagName("summary"))).click();
    assertThat(numbers.findElement(By.tagName("table")).isDisplayed()).isTrue();
    assertThat(numbers.findElement(By.tagName("tbody")).getText())
        .contains("Well 5 (83.3%) 6 (100.0%)")
        .contains("Reflux 1 (16.7%) 0 (0.0%)");

    reveal(byId("lang-vi"));
    clickAndWait("lang-vi");
    assertThat(heading()).startsWith("Tổng quan: ");
    assertThat(byId("panel-overall-survival").findElement(By.tagName("h2")).getText())
        .isEqualTo("Sống còn toàn bộ");
    reveal(byId("numbers-follow-up").findElement(By.tagName("summary"))).click();
    assertThat(byId("numbers-follow-up").findElement(By.tagName("tbody")).getText())
        .contains("Tốt 5 (83,3%)");

    reveal(byId("lang-en"));
    clickAndWait("lang-en");
    assertThat(heading()).startsWith("Dashboard: ");

    // Download one chart as SVG and as PNG with the signed-in session.
    String svgUrl = byId("download-svg-overall-survival").getDomAttribute("href");
    String svg = fetchText(svgUrl);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(
            document
                .getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                .item(0)
                .getTextContent())
        .isEqualTo("Overall survival");

    String pngUrl = byId("download-png-overall-survival").getDomAttribute("href");
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(fetchBytes(pngUrl)));
    assertThat(png).isNotNull();
    assertThat(png.getWidth()).isGreaterThan(700);
  }

  /**
   * Scrolls the element to the middle of the window at once (Bootstrap scrolls smoothly), so that
   * the click lands on it.
   */
  private WebElement reveal(WebElement element) {
    ((JavascriptExecutor) driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    return element;
  }

  private String fetchText(String path) {
    Object text =
        ((JavascriptExecutor) driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];fetch(arguments[0]).then(r => r.ok ?"
                    + " r.text() : 'HTTP ' + r.status).then(done);",
                path);
    return (String) text;
  }

  private byte[] fetchBytes(String path) {
    Object base64 =
        ((JavascriptExecutor) driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                    + " let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
                    + " done(btoa(s)); });",
                path);
    return Base64.getDecoder().decode((String) base64);
  }
}
