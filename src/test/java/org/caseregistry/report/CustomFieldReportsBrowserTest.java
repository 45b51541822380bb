package org.caseregistry.report;

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
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator of an ICU ECMO series ticks custom fields as per-patient rows, sees them as tables
 * of their own sections, and finds the custom fields' completeness on the data-quality page.
 */
class CustomFieldReportsBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aCoordinatorChoosesCustomRowsAndSeesTheirCompleteness() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(FormTemplate.ICU_CASE_SERIES.definition(), site);
    long first = fixtures.newCase(series, site);
    fixtures.saveCustom(
        first,
        "presentation",
        Map.of("allergen", "1", "cardiac_arrest", "1", "cpr_duration_min", "25"));
    fixtures.saveCustom(
        first,
        "ecmo",
        Map.of(
            "ecmo_mode", "1",
            "ecmo_start", "2026-01-02",
            "ecmo_end", "2026-01-06",
            "ecmo_compl", "1,3",
            "ecmo_weaned", "1"));
    long second = fixtures.newCase(series, site);
    fixtures.saveCustom(second, "presentation", Map.of("allergen", "3", "cardiac_arrest", "0"));
    fixtures.saveCustom(second, "outcome", Map.of("icu_days", "75"));
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    String base = "/series/" + series.getId() + "/reports";

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open(base + "/settings");
    for (String row :
        new String[] {
          "custom:allergen",
          "custom:cpr_duration_min",
          "custom:ecmo_days",
          "custom:ecmo_compl",
          "custom:survival_discharge"
        }) {
      byId("row-" + row).click();
    }
    saveScreenshot("report-settings-custom-rows");
    clickAndWait("save");
    assertThat(heading()).isEqualTo("Per-patient tables");
    assertThat(byId("patients-custom-presentation").getText())
        .contains("Anaphylaxis and circulatory failure")
        .contains("Suspected allergen")
        .contains("Insect venom")
        .contains("Duration of CPR (min)")
        .contains("n/a");
    assertThat(byId("patients-custom-ecmo").getText())
        .contains("Days on ECMO (days)")
        .contains("Bleeding; Circuit thrombosis");
    scrollTo("patients-custom-presentation");
    saveScreenshot("report-patients-custom-rows");

    open(base + "/quality");
    assertThat(byId("custom-missing").getText())
        .contains("ECMO: ECMO mode")
        .contains("Outcome: Days in ICU")
        .contains("Required, left empty");
    scrollTo("custom-missing");
    saveScreenshot("report-quality-custom-fields");
  }

  private void scrollTo(String id) {
    ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView()", byId(id));
  }
}
