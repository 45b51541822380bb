package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case workspace as a surgeon uses it: seed patient BN6 (reference/seed-case-series.csv)
 * entered completely in at most 12 page loads, counted from Chrome's network log; the section
 * navigation with each section's state; the error summary; the length count of text fields.
 */
class CaseWorkspaceBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Override
  protected boolean recordsNetwork() {
    return true;
  }

  @Test
  void aSurgeonEntersSeedPatientBn6CompletelyInAtMostTwelvePageLoads() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.series(site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    networkLog(); // start counting from here: the sign-in page is the first load

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series.getId() + "/cases");
    clickAndWait("new-case");
    type("studyCode", "BN6");
    assertThat(value("siteId")).as("the surgeon's only site").isEqualTo(site.getId().toString());
    clickAndWait("save");
    assertThat(byId("study-code").getText()).isEqualTo("BN6");
    assertThat(state("patient")).isEqualTo("EMPTY");

    // Every single section on one page, one submit.
    clickAndWait("enter-all");
    fill(
        values(
            "sex", "MALE",
            "age_years", "65",
            "bmi_entered", "18,52",
            "asa_class", "II",
            "tumour_location", "LOWER_THIRD",
            "histology", "UNKNOWN",
            "ct", "T2",
            "cn", "N0",
            "cm", "M0",
            "neoadjuvant_therapy", "NONE"));
    // No neoadjuvant therapy: its dates and regimen are not asked.
    assertThat(byId("row-neoadjuvant_start_date").isDisplayed()).isFalse();
    assertThat(byId("row-neoadjuvant_regimen").isDisplayed()).isFalse();
    fill(
        values(
            "thoracic_approach", "THORACOSCOPIC",
            "abdominal_approach", "OPEN",
            "anastomosis_site", "CERVICAL",
            "lymphadenectomy", "TWO_FIELD",
            "stomach_condition", "NORMAL",
            "conduit", "WHOLE_STOMACH",
            "conduit_time_min", "30",
            "pyloroplasty", "NO",
            "feeding_jejunostomy", "NO",
            "intraop_complication", "NO"));
    assertThat(byId("row-intraop_complication_details").isDisplayed()).isFalse();
    fill(
        values(
            "chest_drain_removal_pod", "4",
            "ng_tube_removal_pod", "8",
            "oral_intake_pod", "8",
            "any_complication", "NO",
            "path_prefix", "P",
            "pt", "T4A",
            "pn", "N2", // as published, although the nodes give N3
            "pm", "M0",
            "adjuvant_therapy", "CHEMOTHERAPY"));
    clickAndWait("save-next");
    // No complication: the complications are skipped; next come the lymph nodes.
    assertThat(driver().getCurrentUrl()).endsWith("/sections/nodes/items/new");
    assertThat(state("complications")).isEqualTo("NOT_APPLICABLE");
    assertThat(state("operation")).isEqualTo("FILLED");

    fill(values("node_field", "THORACIC", "nodes_positive", "1", "nodes_examined", "17"));
    clickAndWait("save-another");
    assertThat(driver().getCurrentUrl()).endsWith("/sections/nodes/items/new");
    fill(values("node_field", "ABDOMINAL", "nodes_positive", "6", "nodes_examined", "9"));
    clickAndWait("save-next");
    assertThat(driver().getCurrentUrl()).endsWith("/sections/followup/items/new");
    fill(values("visit_month", "1", "followup_status", "WELL"));
    clickAndWait("save-another");
    fill(values("visit_month", "3", "followup_status", "WELL"));
    clickAndWait("save-next");
    // Nothing left to enter: back on the case, at the section just saved.
    assertThat(driver().getCurrentUrl()).matches(".*/cases/\\d+#followup$");

    List<String> loads = networkLog().pageLoads();
    assertThat(loads).as("page loads: %s", loads).hasSizeLessThanOrEqualTo(12);
    System.out.printf("BN6 entered in %d page loads (sign-in included)%n", loads.size());

    assertThat(byId("value-neoadjuvant_start_date").getText()).isEqualTo("not applicable");
    assertThat(byId("value-intraop_complication_details").getText()).isEqualTo("not applicable");
    assertThat(byId("value-bmi_entered").getText()).isEqualTo("18.52");
    assertThat(byId("derived-nodes").getText()).isEqualTo("7/26");
    assertThat(byId("derived-pn").getText()).isEqualTo("N3");
    assertThat(byId("derived-pathological-stage").getText()).isEqualTo("Stage IVA (pTNM)");
    assertThat(rows("items-nodes")).hasSize(2);
    assertThat(rows("items-followup")).hasSize(2);
    // The pN slip shows in the navigation, on the pathology section only.
    assertThat(state("pathology")).isEqualTo("WARNINGS");
    assertThat(state("patient")).isEqualTo("FILLED");
    assertThat(state("followup")).isEqualTo("FILLED");
    assertThat(byId("nav-nodes").getText()).contains("(2)");
    assertThat(driver().getPageSource()).doesNotContain("??");

    // The pN warning is in the sidebar of the pathology form, not of the patient form.
    clickAndWait(By.cssSelector("#nav-patient a"));
    assertThat(exists(By.cssSelector("#derived li[data-code=pn-mismatch]"))).isFalse();
    driver().get(driver().getCurrentUrl().replace("/patient", "/pathology"));
    assertThat(exists(By.cssSelector("#derived li[data-code=pn-mismatch]"))).isTrue();

    // The case list: the row under its header (its cells are written by CaseListRows).
    open("/series/" + series.getId() + "/cases");
    saveScreenshot("CaseWorkspaceBrowserTest.case-list");
    List<WebElement> header = driver().findElements(By.cssSelector("#cases thead th"));
    List<WebElement> cells = driver().findElements(By.cssSelector("#cases tbody tr td"));
    assertThat(cells).hasSameSizeAs(header);
    assertThat(cells.get(0).getText()).isEqualTo("BN6");
    assertThat(cells.get(header.size() - 4).getText()).isNotBlank();
    assertThat(cells.get(header.size() - 3).getText()).isEqualTo("Stage IVA");
    assertThat(cells.get(header.size() - 2).getText()).isEqualTo("1");
    assertThat(driver().findElements(By.cssSelector("#cases tbody .text-success")))
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(driver().getPageSource()).doesNotContain("??");
    clickAndWait(By.linkText("BN6"));
    assertThat(byId("study-code").getText()).isEqualTo("BN6");
  }

  @Test
  void problemsAreSummedUpAtTheTopWithLinksAndTheFocusAndLongTextShowsItsLength() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.series(site);
    long caseId = caseFixtures.newCase(series, site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    open("/cases/" + caseId + "/sections/patient");

    assertThat(byId("f-comorbidities").getDomAttribute("maxlength")).isEqualTo("2000");
    assertThat(byId("comorbidities-count").getText()).isEqualTo("0 of 2,000 characters");
    byId("f-comorbidities").sendKeys("COPD");
    assertThat(byId("comorbidities-count").getText()).isEqualTo("4 of 2,000 characters");
    assertThat(byId("f-patient_name").getDomAttribute("maxlength")).isEqualTo("200");

    type("f-age_years", "sixty-five");
    type("f-height_cm", "400");
    clickAndWait("save");
    WebElement summary = byId("error-summary");
    assertThat(summary.getText()).contains("2 problems to correct");
    List<WebElement> links = summary.findElements(By.tagName("a"));
    assertThat(links)
        .extracting(link -> link.getDomAttribute("href"))
        .containsExactly("#f-age_years", "#f-height_cm");
    assertThat(links.get(0).getText()).isEqualTo("Age at surgery (years): Enter a whole number.");
    Object focused =
        ((JavascriptExecutor) driver()).executeScript("return document.activeElement.id");
    assertThat(focused).isEqualTo("error-summary");
    assertThat(byId("comorbidities-count").getText()).isEqualTo("4 of 2,000 characters");
    links.get(1).click();
    assertThat(driver().getCurrentUrl()).endsWith("#f-height_cm");
  }

  private String state(String section) {
    return byId("nav-" + section).getDomAttribute("data-state");
  }

  private static Map<String, String> values(String... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  private void fill(Map<String, String> values) {
    values.forEach(
        (variable, text) -> {
          String id = "f-" + variable;
          if ("select".equals(byId(id).getTagName())) {
            select(id, text);
          } else {
            type(id, text);
          }
        });
  }

  private List<WebElement> rows(String tableId) {
    return byId(tableId).findElements(By.cssSelector("tbody tr"));
  }
}
