package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator starts the ECMO case series of the seed file from the ICU template, adds a field
 * with branching and a calculated one in the form editor; a surgeon enters a patient, sees the
 * branched field appear only when its condition holds and the calculated value after saving; the
 * summary table offers the custom fields.
 */
class SeriesFormBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;

  @Test
  void aCoordinatorDefinesTheEcmoSeriesAndASurgeonEntersAPatient() {
    HospitalSite site = testAccounts.site();
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    String title = TestAccounts.unique("ECMO in anaphylactic shock ");

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/series/new");
    type("title", title);
    select("formStart", "ICU_CASE_SERIES");
    driver()
        .findElement(By.cssSelector("input[name=siteIds][value='" + site.getId() + "']"))
        .click();
    clickAndWait("save");
    clickAndWait("edit-form");
    assertThat(heading()).startsWith("Form");
    assertThat(byId("preview").getText()).contains("Suspected allergen", "Weaned from ECMO");

    // A yes/no field, a field asked only when it is yes, and a calculation.
    clickAndWait("add-field-presentation");
    type("name", "adrenaline_bolus");
    select("type", "YES_NO");
    type("labelEn", "Adrenaline bolus given");
    type("labelVi", "Đã tiêm adrenalin");
    clickAndWait("save");
    clickAndWait("add-field-presentation");
    type("name", "adrenaline_dose_mg");
    select("type", "DECIMAL");
    type("labelEn", "Adrenaline dose");
    type("unit", "mg");
    type("showIf", "[adrenaline_bolus] = '1'");
    clickAndWait("save");
    clickAndWait("add-field-presentation");
    type("name", "bmi_icu");
    select("type", "CALCULATED");
    type("labelEn", "Body mass index");
    type("calculation", "round([weight_kg] / ([height_cm] / 100) ^ 2, 1)");
    clickAndWait("save");
    // A mistake in an expression is shown next to the field, with what was typed kept.
    clickAndWait("add-field-presentation");
    type("name", "broken");
    select("type", "CALCULATED");
    type("labelEn", "Broken");
    type("calculation", "[nosuch] + 1");
    clickAndWait("save");
    assertThat(fieldError("calculation")).contains("nosuch");
    assertThat(value("calculation")).isEqualTo("[nosuch] + 1");
    open(driver().getCurrentUrl().replaceAll("/sections/.*", ""));
    assertThat(byId("field-adrenaline_dose_mg").getText()).contains("[adrenaline_bolus] = '1'");
    assertThat(byId("preview").getText()).contains("Adrenaline bolus given");
    saveScreenshot("form-editor");
    open(driver().getCurrentUrl() + "?lang=vi");
    assertThat(byId("preview").getText()).contains("Đã tiêm adrenalin", "Dị nguyên nghi ngờ");
    open(driver().getCurrentUrl().replace("?lang=vi", "?lang=en"));
    signOut();

    // The surgeon enters a patient with the series' own form.
    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    clickAndWait("nav-series");
    clickAndWait(By.linkText(title));
    clickAndWait("new-case");
    type("studyCode", "ECMO1");
    if (exists(By.id("siteId"))) {
      select("siteId", String.valueOf(site.getId()));
    }
    clickAndWait("save");
    assertThat(exists(By.id("edit-tumour"))).isFalse();
    clickAndWait("edit-patient");
    select("f-sex", "FEMALE");
    type("f-height_cm", "160");
    type("f-weight_kg", "64");
    clickAndWait("save");
    open(driver().getCurrentUrl().replaceAll("[#?].*", "").replaceAll("/sections/.*", ""));
    clickAndWait("edit-custom-presentation");
    select("f-allergen", "1");
    assertThat(byId("row-allergen_other").isDisplayed()).isFalse();
    assertThat(byId("row-adrenaline_dose_mg").isDisplayed()).isFalse();
    byId("f-adrenaline_bolus-0").click(); // yes
    assertThat(byId("row-adrenaline_dose_mg").isDisplayed()).isTrue();
    type("f-adrenaline_dose_mg", "0,5");
    byId("f-cardiac_arrest-0").click();
    assertThat(byId("row-cpr_duration_min").isDisplayed()).isTrue();
    type("f-cpr_duration_min", "20");
    byId("f-cardiac_arrest-1").click(); // no after all: the duration is not asked any more
    assertThat(byId("row-cpr_duration_min").isDisplayed()).isFalse();
    type("f-lactate_pre_ecmo", "12,4");
    saveScreenshot("custom-section-form");
    clickAndWait("save");
    assertThat(byId("value-adrenaline_dose_mg").getText()).isEqualTo("0.5 mg");
    assertThat(byId("value-bmi_icu").getText()).isEqualTo("25");
    assertThat(byId("value-cpr_duration_min").getText()).isEqualTo("not applicable");
    assertThat(byId("value-allergen").getText()).isEqualTo("Drug");
    saveScreenshot("custom-case-page");
  }
}
