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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A surgeon enters the seed paper's patient BN6 (reference/seed-case-series.csv) completely through
 * the pages, section by section, and the case page derives what the paper got wrong: 1 + 6 = 7
 * positive nodes is N3, not the published pN2.
 */
class CaseEntryBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Test
  void aSurgeonEntersSeedPatientBn6ThroughThePagesAndSeesWhatIsDerived() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.series(site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    clickAndWait("nav-series");
    clickAndWait(By.linkText(series.getTitle()));
    assertThat(heading()).contains(series.getTitle());
    clickAndWait("new-case");
    assertThat(heading()).isEqualTo("New case");
    // Study codes are unique per series only, and this series is new: BN6 as in the paper.
    type("studyCode", "BN6");
    select("siteId", String.valueOf(site.getId()));
    clickAndWait("save");
    assertThat(driver().getCurrentUrl()).matches(".*/cases/\\d+$");
    assertThat(byId("study-code").getText()).isEqualTo("BN6");
    String caseId = driver().getCurrentUrl().replaceAll(".*/cases/", "");

    // Patient: first with an age that is not a number, which comes back with every input kept.
    clickAndWait("edit-patient");
    select("f-sex", "MALE");
    type("f-age_years", "sixty-five");
    type("f-bmi_entered", "18,52"); // a decimal comma, as Vietnamese users type it
    select("f-asa_class", "II");
    clickAndWait("save");
    assertThat(fieldError("age_years")).isEqualTo("Enter a whole number.");
    assertThat(byId("f-age_years").getDomAttribute("class")).contains("is-invalid");
    assertThat(fieldError("bmi_entered")).isNull();
    assertThat(value("f-age_years")).isEqualTo("sixty-five");
    assertThat(value("f-bmi_entered")).isEqualTo("18,52");
    assertThat(value("f-sex")).isEqualTo("MALE");
    assertThat(value("f-asa_class")).isEqualTo("II");
    type("f-age_years", "65");
    saveAndExpectCasePage();

    editSection(
        "tumour",
        values(
            "tumour_location", "LOWER_THIRD",
            "histology", "UNKNOWN", // not published
            "ct", "T2",
            "cn", "N0",
            "cm", "M0"));

    // No neoadjuvant therapy: its dates and regimen are "not applicable", not merely blank. The
    // form hides them once "None" is chosen (issue 14), and the server stores them so.
    clickAndWait("edit-neoadjuvant");
    select("f-neoadjuvant_therapy", "NONE");
    assertThat(byId("row-neoadjuvant_start_date").isDisplayed()).isFalse();
    assertThat(byId("row-neoadjuvant_regimen").isDisplayed()).isFalse();
    saveAndExpectCasePage();

    editSection(
        "operation",
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

    editSection(
        "postop",
        values(
            "chest_drain_removal_pod", "4",
            "ng_tube_removal_pod", "8",
            "oral_intake_pod", "8",
            "any_complication", "NO"));

    // pN2 as published, although the node count below gives N3.
    editSection("pathology", values("path_prefix", "P", "pt", "T4A", "pn", "N2", "pm", "M0"));

    // Thoracic nodes 1/17, first mistyped as 20/17: refused, with the message at the field.
    clickAndWait("add-nodes");
    select("f-node_field", "THORACIC");
    type("f-nodes_positive", "20");
    type("f-nodes_examined", "17");
    clickAndWait("save");
    assertThat(fieldError("nodes_positive")).isEqualTo("More positive nodes than examined (17).");
    assertThat(byId("f-nodes_positive").getDomAttribute("class")).contains("is-invalid");
    assertThat(fieldError("nodes_examined")).isNull();
    assertThat(value("f-node_field")).isEqualTo("THORACIC");
    assertThat(value("f-nodes_positive")).isEqualTo("20");
    assertThat(value("f-nodes_examined")).isEqualTo("17");
    type("f-nodes_positive", "1");
    saveAndExpectCasePage();
    addItem(
        "nodes", values("node_field", "ABDOMINAL", "nodes_positive", "6", "nodes_examined", "9"));

    editSection("adjuvant", values("adjuvant_therapy", "CHEMOTHERAPY"));
    addItem("followup", values("visit_month", "1", "followup_status", "WELL"));
    addItem("followup", values("visit_month", "3", "followup_status", "WELL"));

    // The case page: what was entered, and what follows from it.
    assertThat(byId("value-sex").getText()).isEqualTo("Male");
    assertThat(byId("value-age_years").getText()).isEqualTo("65");
    assertThat(byId("value-bmi_entered").getText()).isEqualTo("18.52");
    assertThat(byId("value-asa_class").getText()).isEqualTo("ASA II");
    assertThat(byId("value-neoadjuvant_start_date").getText()).isEqualTo("not applicable");
    assertThat(byId("value-lymphadenectomy").getText()).isEqualTo("Thoraco-abdominal (2-field)");
    assertThat(byId("value-conduit_time_min").getText()).isEqualTo("30");
    assertThat(byId("value-pn").getText()).isEqualTo("N2");
    assertThat(rows("items-nodes")).hasSize(2);
    assertThat(rows("items-followup")).hasSize(2);

    assertThat(byId("derived-bmi").getText()).isEqualTo("18.52");
    assertThat(byId("derived-age").getText()).isEqualTo("65");
    assertThat(byId("derived-nodes").getText()).isEqualTo("7/26");
    assertThat(byId("derived-pn").getText()).isEqualTo("N3");
    assertThat(byId("derived-pathological-stage").getText()).isEqualTo("Stage IVA (pTNM)");
    // cT2 N0 is stage II for squamous cell carcinoma but IIB for adenocarcinoma.
    assertThat(byId("derived-clinical-stage").getText()).startsWith("not derivable");
    assertThat(byId("derived-cci").getText()).isEqualTo("0");
    assertThat(warningCodes()).contains("pn-mismatch");
    WebElement pnWarning =
        driver().findElement(By.cssSelector("#warnings li[data-code=pn-mismatch]"));
    assertThat(pnWarning.getText()).contains("N2").contains("7").contains("N3");
    assertThat(driver().getPageSource()).as("no message key without a text").doesNotContain("??");
    saveFullPageScreenshot("CaseEntryBrowserTest.bn6-case-page");

    // History: every change, by the surgeon who made it.
    clickAndWait("history-link");
    List<WebElement> history = rows("history");
    assertThat(history).hasSizeGreaterThan(30);
    assertThat(history)
        .allSatisfy(row -> assertThat(cells(row).get(1)).isEqualTo(surgeon.getUsername()));
    assertThat(history)
        .anySatisfy(
            row ->
                assertThat(cells(row).subList(3, 7))
                    .containsExactly(
                        "Patient", "BMI entered (when height or weight is unknown)", "–", "18.52"));
    assertThat(history)
        .anySatisfy(
            row ->
                assertThat(cells(row).subList(2, 7))
                    .containsExactly("Added", "Lymph nodes", "Positive nodes", "–", "6"));

    // In Vietnamese, numbers take a decimal comma.
    clickAndWait(By.cssSelector(".breadcrumb a[href$='/cases/" + caseId + "']"));
    clickAndWait("lang-vi");
    assertThat(driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
    assertThat(byId("derived-bmi").getText()).isEqualTo("18,52");
    assertThat(byId("value-bmi_entered").getText()).isEqualTo("18,52");
    assertThat(byId("derived-pathological-stage").getText()).isEqualTo("Giai đoạn IVA (pTNM)");
    assertThat(driver().getPageSource()).doesNotContain("??");
    saveFullPageScreenshot("CaseEntryBrowserTest.bn6-case-page-vi");
  }

  private static Map<String, String> values(String... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** Opens the section's form from the case page, fills it in and saves it. */
  private void editSection(String slug, Map<String, String> values) {
    clickAndWait("edit-" + slug);
    fill(values);
    saveAndExpectCasePage();
  }

  /** Adds an item to a list section from the case page. */
  private void addItem(String slug, Map<String, String> values) {
    clickAndWait("add-" + slug);
    fill(values);
    saveAndExpectCasePage();
  }

  /** Selects codes in selects and types into the other fields ({@code f-<variable>}). */
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

  private void saveAndExpectCasePage() {
    clickAndWait("save");
    List<String> problems =
        driver().findElements(By.cssSelector(".invalid-feedback, #global-errors")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(exists(By.id("section-form"))).as("saved without problems: %s", problems).isFalse();
    assertThat(driver().getCurrentUrl()).matches(".*/cases/\\d+(#\\w+)?$");
    assertThat(driver().findElement(By.cssSelector("main .alert-success")).getText())
        .isEqualTo("Saved.");
  }

  private List<WebElement> rows(String tableId) {
    return byId(tableId).findElements(By.cssSelector("tbody tr"));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  private List<String> warningCodes() {
    return driver().findElements(By.cssSelector("#warnings li[data-code]")).stream()
        .map(li -> li.getDomAttribute("data-code"))
        .toList();
  }

  /** The whole page, not only the window: the window is made as tall as the page for a moment. */
  private void saveFullPageScreenshot(String name) {
    Dimension window = driver().manage().window().getSize();
    long height =
        (Long)
            ((JavascriptExecutor) driver())
                .executeScript("return document.documentElement.scrollHeight");
    try {
      driver().manage().window().setSize(new Dimension(window.getWidth(), (int) height + 150));
      saveScreenshot(name);
    } finally {
      driver().manage().window().setSize(window);
    }
  }
}
