package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard of an ICU series: its custom fields in the completeness panel, no empty panels. */
class CustomFormDashboardBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aCoordinatorSeesTheCustomFieldsOfAnIcuSeriesInBothLanguages() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(FormTemplate.ICU_CASE_SERIES.definition(), site);
    long first = fixtures.newCase(series, site);
    fixtures.saveCustom(
        first,
        "presentation",
        Map.of("allergen", "1", "cardiac_arrest", "0", "vis_pre_ecmo", "80"));
    fixtures.saveCustom(first, "ecmo", Map.of("ecmo_mode", "1", "ecmo_weaned", "1"));
    fixtures.saveCustom(first, "outcome", Map.of("survival_discharge", "1", "icu_days", "12"));
    long second = fixtures.newCase(series, site);
    fixtures.saveCustom(second, "presentation", Map.of("allergen", "2", "cardiac_arrest", "1"));
    fixtures.newCase(series, site);
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series.getId() + "/dashboard?lang=en");
    assertThat(exists(By.id("panel-enrolment"))).isTrue();
    assertThat(exists(By.id("panel-follow-up"))).isFalse();
    assertThat(exists(By.id("panel-clavien-dindo"))).isFalse();
    assertThat(exists(By.id("split"))).isFalse();
    WebElement completeness = byId("panel-completeness");
    assertThat(completeness.findElement(By.cssSelector("figcaption")).getText())
        .contains("Suspected allergen 66.7%", "Duration of CPR 33.3%", "Weaned from ECMO 33.3%");
    WebElement numbers = byId("numbers-completeness");
    reveal(numbers.findElement(By.tagName("summary"))).click();
    assertThat(numbers.findElements(By.tagName("table"))).hasSize(2);
    assertThat(numbers.findElements(By.tagName("table")).get(1).getText())
        .contains("Custom fields answered")
        .contains("Duration of CPR Anaphylaxis and circulatory failure 1 3 33.3%");
    reveal(completeness);
    saveScreenshot("dashboard-icu-series-en");

    open("/series/" + series.getId() + "/dashboard?lang=vi");
    WebElement vi = byId("panel-completeness");
    assertThat(vi.findElement(By.tagName("h2")).getText()).isEqualTo("Mức độ đầy đủ của từng phần");
    assertThat(vi.findElement(By.cssSelector("figcaption")).getText())
        .contains("Dị nguyên nghi ngờ 66,7%");
    reveal(vi);
    saveScreenshot("dashboard-icu-series-vi");
  }

  private WebElement reveal(WebElement element) {
    ((JavascriptExecutor) driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", element);
    return element;
  }
}
