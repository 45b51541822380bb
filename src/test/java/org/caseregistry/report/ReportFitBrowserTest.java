package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-patient tables fit a 1280 px wide window without sideways scrolling, with the overall
 * column in view: for the demo series, and for ten patients with the longest category labels.
 */
class ReportFitBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired HospitalSiteRepository sites;
  @Autowired JdbcTemplate jdbc;
  @Autowired MessageSource messages;

  @Test
  void theDemoSeriesTablesFit1280PixelsInBothLanguages() {
    Account coordinator =
        testAccounts.account(
            Role.COORDINATOR,
            sites.findByCodeIgnoreCase("BVE").orElseThrow(),
            sites.findByCodeIgnoreCase("BVTN").orElseThrow());
    long series =
        jdbc.queryForObject(
            "select id from case_series where title = ?",
            Long.class,
            ReportGoldenIntegrationTest.DEMO_TITLE);
    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    driver().manage().window().setSize(new Dimension(1280, 900));
    open("/series/" + series + "/reports/patients");
    assertFits("demo");
    open("/series/" + series + "/reports/patients?lang=vi");
    assertFits("demo-vi");
  }

  @Test
  void tenPatientsWithTheLongestLabelsFit1280Pixels() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    for (int i = 0; i < 10; i++) {
      long caseId = fixtures.newCase(series, site);
      for (Section section :
          List.of(Section.PATIENT, Section.TUMOUR, Section.OPERATION, Section.POSTOP)) {
        fixtures.save(caseId, section, longestValues(section, i));
      }
    }
    signIn(testAccounts.account(Role.COORDINATOR, site).getUsername(), TestAccounts.PASSWORD);
    driver().manage().window().setSize(new Dimension(1280, 900));
    open("/series/" + series.getId() + "/reports/patients");
    assertThat(driver().findElements(By.cssSelector("#patients-preoperative thead th")))
        .hasSizeGreaterThanOrEqualTo(11);
    assertFits("ten");
  }

  /** Every coded variable at its longest English label, numbers in their usual range. */
  private Map<String, String> longestValues(Section section, int i) {
    Map<String, String> values = new HashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      if (variable.isCoded()) {
        CodeOption longest =
            variable.options().stream()
                .max(Comparator.comparingInt(option -> label(option).length()))
                .orElseThrow();
        values.put(variable.name(), longest.code());
      } else if (variable.isNumeric() && variable.usualMin() != null) {
        values.put(
            variable.name(),
            variable
                .usualMin()
                .add(variable.usualMax())
                .divide(BigDecimal.valueOf(2))
                .toBigInteger()
                .add(BigInteger.valueOf(i))
                .toString());
      }
    }
    values.remove("bmi_entered");
    values.remove("birth_year");
    return values;
  }

  private String label(CodeOption option) {
    return option.literalLabel() != null
        ? option.literalLabel()
        : messages.getMessage(option.labelKey(), null, option.code(), Locale.ENGLISH);
  }

  private void assertFits(String what) {
    JavascriptExecutor js = (JavascriptExecutor) driver();
    long overflow =
        (Long)
            js.executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth");
    assertThat(overflow).as("%s: the page scrolls sideways", what).isLessThanOrEqualTo(0);
    List<WebElement> wraps = driver().findElements(By.cssSelector(".report-table-wrap"));
    assertThat(wraps).hasSize(3);
    for (WebElement wrap : wraps) {
      long hidden =
          (Long)
              js.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", wrap);
      assertThat(hidden).as("%s: a table scrolls sideways", what).isLessThanOrEqualTo(0);
      List<WebElement> header = wrap.findElements(By.cssSelector("thead tr:first-child th"));
      WebElement last = header.get(header.size() - 1);
      Number right =
          (Number) js.executeScript("return arguments[0].getBoundingClientRect().right", last);
      assertThat(right.doubleValue())
          .as("%s: the last column in view", what)
          .isLessThanOrEqualTo(1280);
    }
  }
}
