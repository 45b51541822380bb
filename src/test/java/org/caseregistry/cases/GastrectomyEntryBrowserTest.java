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
 * A surgeon enters a total gastrectomy with D2 lymphadenectomy and Roux-en-Y reconstruction in a
 * gastric series: nodes at five JGCA stations and a grade B pancreatic fistula. The case page
 * derives pN3a from the 9 positive nodes, stage IIIB from pT3 N3a and a CCI of 20.9.
 */
class GastrectomyEntryBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Test
  void aSurgeonEntersATotalGastrectomyAndSeesPnStageAndCci() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.gastricSeries(site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    clickAndWait("nav-series");
    clickAndWait(By.linkText(series.getTitle()));
    clickAndWait("new-case");
    type("studyCode", "DD1");
    select("siteId", String.valueOf(site.getId()));
    clickAndWait("save");
    assertThat(byId("study-code").getText()).isEqualTo("DD1");
    // The gastric form: no esophagus sections.
    assertThat(exists(By.id("edit-tumour"))).isFalse();
    assertThat(exists(By.id("edit-operation"))).isFalse();

    editSection("patient", values("sex", "FEMALE", "age_years", "58"));
    editSection(
        "gastric_tumour",
        values(
            "gastric_location", "BODY_MIDDLE_THIRD",
            "borrmann_type", "TYPE_3",
            "lauren_type", "DIFFUSE",
            "gastric_histology", "SIGNET_RING_CELL_CARCINOMA",
            "gastric_ct", "T3",
            "gastric_cn", "N1",
            "gastric_cm", "M0",
            "gastric_chemotherapy", "NONE",
            "chemotherapy_regimen", "NOT_APPLICABLE"));
    editSection(
        "gastric_operation",
        values(
            "gastric_operation_date", "2024-03-04",
            "gastric_approach", "LAPAROSCOPIC",
            "gastrectomy_extent", "TOTAL",
            "lymphadenectomy_level", "D2",
            "reconstruction", "ROUX_EN_Y",
            "combined_resection", "NONE",
            "gastric_operative_time_min", "240",
            "gastric_blood_loss_ml", "150",
            "gastric_intraop_event", "NO"));
    editSection(
        "gastric_postop",
        values(
            "flatus_pod", "3",
            "gastric_oral_intake_pod", "4",
            "gastric_discharge_date", "2024-03-16",
            "gastric_any_complication", "YES"));

    // An ISGPS grade on an ileus is refused at the field, with what was typed kept.
    clickAndWait("add-gastric_complications");
    select("f-gastric_complication_type", "ILEUS");
    select("f-popf_grade", "GRADE_B");
    select("f-gastric_clavien_dindo", "II");
    clickAndWait("save");
    assertThat(fieldError("popf_grade")).contains("pancreatic fistula");
    assertThat(value("f-gastric_clavien_dindo")).isEqualTo("II");
    select("f-gastric_complication_type", "PANCREATIC_FISTULA");
    type("f-gastric_onset_pod", "5");
    saveAndExpectCasePage();

    editSection(
        "gastric_pathology",
        values(
            "gastric_path_prefix", "P",
            "gastric_pt", "T3",
            "gastric_pn", "N3A",
            "gastric_pm", "M0",
            "gastric_grade", "G3",
            "proximal_margin_cm", "4,5",
            "distal_margin_cm", "3",
            "gastric_resection_margin", "R0"));
    addStation("S3", "4", "10");
    addStation("S4SB", "2", "6");
    addStation("S6", "2", "5");
    addStation("S7", "1", "4");
    addStation("S11P", "0", "3");

    assertThat(rows("items-gastric_nodes")).hasSize(5);
    assertThat(byId("derived-nodes").getText()).isEqualTo("9/28");
    assertThat(byId("derived-pn").getText()).isEqualTo("N3a");
    assertThat(byId("derived-pathological-stage").getText()).isEqualTo("Stage IIIB (pTNM)");
    assertThat(byId("derived-clinical-stage").getText()).isEqualTo("Stage III (cTNM)");
    assertThat(byId("derived-cci").getText()).isEqualTo("20.9");
    assertThat(byId("derived-worst-cd").getText()).isEqualTo("II");
    assertThat(byId("derived-los").getText()).isEqualTo("12");
    assertThat(warningCodes()).isEmpty();
    assertThat(driver().getPageSource()).as("no message key without a text").doesNotContain("??");
    saveScreenshot("GastrectomyEntryBrowserTest.case-page");

    // The stations' own page shows the count it derives, beside the form.
    clickAndWait("lang-vi");
    assertThat(byId("derived-pathological-stage").getText()).isEqualTo("Giai đoạn IIIB (pTNM)");
    assertThat(driver().getPageSource()).doesNotContain("??");
  }

  private void addStation(String station, String positive, String examined) {
    clickAndWait("add-gastric_nodes");
    fill(
        values(
            "jgca_station", station,
            "station_nodes_positive", positive,
            "station_nodes_examined", examined));
    saveAndExpectCasePage();
  }

  private static Map<String, String> values(String... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  private void editSection(String slug, Map<String, String> values) {
    clickAndWait("edit-" + slug);
    fill(values);
    saveAndExpectCasePage();
  }

  private void fill(Map<String, String> values) {
    values.forEach(
        (variable, text) -> {
          String id = "f-" + variable;
          if ("select".equals(byId(id).getTagName())) {
            select(id, text);
          } else if ("date".equals(byId(id).getDomAttribute("type"))) {
            // A date input takes keystrokes in the browser's locale order; set the ISO value.
            ((JavascriptExecutor) driver())
                .executeScript("arguments[0].value = arguments[1]", byId(id), text);
          } else {
            type(id, text);
          }
        });
  }

  private void saveAndExpectCasePage() {
    clickAndWait("save");
    List<String> problems =
        driver().findElements(By.cssSelector(".invalid-feedback, #global-errors")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(exists(By.id("section-form"))).as("saved without problems: %s", problems).isFalse();
    assertThat(driver().getCurrentUrl()).matches(".*/cases/\\d+(#\\w+)?$");
  }

  private List<WebElement> rows(String tableId) {
    return byId(tableId).findElements(By.cssSelector("tbody tr"));
  }

  private List<String> warningCodes() {
    return driver().findElements(By.cssSelector("#warnings li[data-code]")).stream()
        .map(li -> li.getDomAttribute("data-code"))
        .toList();
  }
}
